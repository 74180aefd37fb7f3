import { fireEvent, render, screen, within } from '@testing-library/react';
import { Current } from '@tarojs/runtime';
import ProductPage from '../../src/packages/shop/pages/product/index';
import { ok } from '../../src/domain/result';
import { answer, calls } from './support/gateway';
import { ring, scarf } from './support/fixtures';

const openProductPage = (productId: string | undefined) => {
  // useRouter() reads Current.router, which Taro's router sets when it opens a page.
  Current.router = {
    params: productId === undefined ? {} : { productId },
    path: '/packages/shop/pages/product/index',
    onReady: '',
    onHide: '',
    onShow: '',
    $taroPath: 'packages/shop/pages/product/index',
  };
  return render(<ProductPage />);
};

describe('商品详情', () => {
  test('shows name, price range and every SKU with specs in spec order, price and stock', async () => {
    answer('shop', 'getProduct', (event) =>
      event.productId === scarf.productId ? ok(scarf) : { ok: false, code: 'COMMON.NOT_FOUND', message: '内容不存在' },
    );

    openProductPage(scarf.productId);

    expect(await screen.findByText('羊绒围巾 经典格纹')).toBeInTheDocument();
    expect(screen.getByText('¥199.00 - ¥259.00')).toBeInTheDocument();
    expect(screen.getByText('规格（2）')).toBeInTheDocument();

    const [redSku, greySku] = screen.getAllByTestId('sku') as [HTMLElement, HTMLElement];
    expect(within(redSku).getByText('颜色：酒红 / 尺寸：180cm')).toBeInTheDocument();
    expect(within(redSku).getByText('¥199.00')).toBeInTheDocument();
    expect(within(redSku).getByText('库存 5')).toBeInTheDocument();
    expect(within(greySku).getByText('颜色：烟灰 / 尺寸：200cm')).toBeInTheDocument();
    expect(within(greySku).getByText('已售罄')).toBeInTheDocument();

    expect(calls).toEqual([
      expect.objectContaining({ name: 'shop', event: { action: 'getProduct', productId: 'p-scarf' } }),
    ]);
  });

  test('a giftable product shows the 支持送礼物 badge', async () => {
    answer('shop', 'getProduct', () => ok(scarf));
    openProductPage(scarf.productId);
    const badge = await screen.findByTestId('gift-badge');
    expect(within(badge).getByText('支持送礼物')).toBeInTheDocument();
    expect(screen.queryByTestId('gift-blocked')).toBeNull();
  });

  test('a product that cannot be gifted says why, with the reason from the function', async () => {
    answer('shop', 'getProduct', () => ok(ring));
    openProductPage(ring.productId);
    const blocked = await screen.findByTestId('gift-blocked');
    expect(blocked).toHaveTextContent('不支持送礼物：珠宝首饰类商品不支持送礼物');
    expect(screen.queryByTestId('gift-badge')).toBeNull();
    expect(screen.queryByText('支持送礼物')).toBeNull();
  });

  test('shows images from the site root in the gallery', async () => {
    answer('shop', 'getProduct', () => ok(scarf));
    const { container } = openProductPage(scarf.productId);
    await screen.findByText('羊绒围巾 经典格纹');
    const sources = Array.from(container.querySelectorAll('[src]')).map((element) => element.getAttribute('src'));
    expect(sources).toEqual(
      expect.arrayContaining([
        '/static/products/scarf-1.jpg',
        '/static/products/scarf-2.jpg',
        '/static/products/scarf-detail.jpg',
      ]),
    );
  });

  test('an unknown product shows the function message and 重试 asks again', async () => {
    answer('shop', 'getProduct', () => ({ ok: false, code: 'COMMON.NOT_FOUND', message: '内容不存在' }));
    openProductPage('p-missing');
    expect(await screen.findByText('内容不存在')).toBeInTheDocument();

    answer('shop', 'getProduct', () => ok(ring));
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('925银 简约戒指')).toBeInTheDocument();
    expect(calls).toHaveLength(2);
  });

  test('without a productId it does not call the function', async () => {
    openProductPage(undefined);
    expect(await screen.findByText('商品不存在')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});
