import { fireEvent, render, screen, within } from '@testing-library/react';
import { Current } from '@tarojs/runtime';
import Taro from '@tarojs/taro';
import ProductPage from '@/packages/shop/pages/product/index';
import type { Product } from '@domain/contracts';
import { ok } from '@domain/result';
import { showToast } from '@/platform/feedback';
import { answer, calls } from './support/gateway';
import { ring, scarf } from './support/fixtures';

// Taro's H5 toast is a DOM widget outside the page: the test reads what the page asked it to say.
jest.mock('@/platform/feedback', () => ({
  ...jest.requireActual<object>('@/platform/feedback'),
  showToast: jest.fn(),
}));

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

// A giftable watch with one SKU above ¥10,000 (that one SKU cannot be gifted).
const watch: Product = {
  productId: 'p-watch',
  name: '机械腕表',
  categoryId: 'digital',
  categoryName: '数码电器',
  images: ['/static/products/watch-1.svg'],
  description: '瑞士机芯。',
  detailImages: [],
  priceMin: 880000,
  priceMax: 1280000,
  sales: 12,
  onShelf: true,
  giftable: true,
  specNames: ['表盘'],
  skus: [
    { skuId: 'w-white', specs: { 表盘: '白色' }, price: 880000, stock: 3 },
    { skuId: 'w-gold', specs: { 表盘: '金色' }, price: 1280000, stock: 2 },
  ],
};

const option = (value: string) => {
  const found = screen.getAllByTestId('spec-option').find((element) => element.textContent?.startsWith(value));
  if (!found) throw new Error(`no option ${value}`);
  return found;
};
const actionBar = () => screen.getByTestId('action-bar');
const popup = () => screen.getByTestId('spec-popup');

let navigateTo: jest.SpyInstance;
beforeEach(() => {
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
});
afterEach(() => navigateTo.mockRestore());

describe('商品详情', () => {
  test('shows name, price range, sales, total stock and the spec entry', async () => {
    answer('shop', 'getProduct', (event) =>
      event.productId === scarf.productId ? ok(scarf) : { ok: false, code: 'COMMON.NOT_FOUND', message: '内容不存在' },
    );
    openProductPage(scarf.productId);

    expect(await screen.findByText('羊绒围巾 经典格纹')).toBeInTheDocument();
    expect(screen.getByTestId('product-price')).toHaveTextContent('¥199.00 - ¥259.00');
    expect(screen.getByText('已售 120')).toBeInTheDocument();
    expect(screen.getByText('库存 5')).toBeInTheDocument();
    expect(screen.getByTestId('spec-row')).toHaveTextContent('请选择 颜色 / 尺寸（2种可选）');
    expect(calls).toEqual([
      expect.objectContaining({ name: 'shop', event: { action: 'getProduct', productId: 'p-scarf' } }),
      // 送这个的人也送了 (RelatedGifts) for a giftable product
      expect.objectContaining({ name: 'shop', event: { action: 'listRelated', productId: 'p-scarf' } }),
    ]);
  });

  test('a giftable product: 支持送礼物 badge, 送给朋友 next to 立即购买', async () => {
    answer('shop', 'getProduct', () => ok(scarf));
    openProductPage(scarf.productId);
    const badge = await screen.findByTestId('gift-badge');
    expect(within(badge).getByText('支持送礼物')).toBeInTheDocument();
    expect(within(actionBar()).getByText('送给朋友')).toBeInTheDocument();
    expect(within(actionBar()).getByText('立即购买')).toBeInTheDocument();
    expect(screen.queryByTestId('gift-blocked')).toBeNull();
  });

  test('a product that cannot be gifted says why, and offers only 立即购买', async () => {
    answer('shop', 'getProduct', () => ok(ring));
    openProductPage(ring.productId);
    const blocked = await screen.findByTestId('gift-blocked');
    expect(blocked).toHaveTextContent('不支持送礼物：珠宝首饰类商品不支持送礼物');
    expect(screen.queryByTestId('gift-badge')).toBeNull();
    expect(within(actionBar()).queryByText('送给朋友')).toBeNull();
    expect(within(actionBar()).getByTestId('gift-unavailable')).toHaveTextContent('珠宝首饰类商品不支持送礼物');
    expect(within(actionBar()).getByText('立即购买')).toBeInTheDocument();
  });

  test('立即购买 without a spec opens the picker; choosing one goes to 确认订单 with the SKU and quantity', async () => {
    answer('shop', 'getProduct', () => ok(scarf));
    openProductPage(scarf.productId);
    fireEvent.click(within(await screen.findByTestId('action-bar')).getByText('立即购买'));
    expect(navigateTo).not.toHaveBeenCalled();

    // 烟灰 200cm is sold out: its options are disabled.
    expect(option('烟灰')).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(option('酒红'));
    fireEvent.click(option('180cm'));
    expect(within(popup()).getByTestId('spec-price')).toHaveTextContent('¥199.00');
    fireEvent.click(within(popup()).getByText('立即购买'));

    expect(navigateTo).toHaveBeenCalledWith({
      url: '/packages/order/pages/confirm/index?skuId=s-red-s&productId=p-scarf&quantity=1',
    });
  });

  test('送给朋友 goes to the gift page with the product and the chosen SKU', async () => {
    answer('shop', 'getProduct', () => ok(scarf));
    openProductPage(scarf.productId);
    fireEvent.click(within(await screen.findByTestId('action-bar')).getByText('送给朋友'));
    fireEvent.click(option('酒红'));
    fireEvent.click(option('180cm'));
    fireEvent.click(within(popup()).getByText('送给朋友'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/packages/gift/pages/send/index?productId=p-scarf&skuId=s-red-s',
    });
  });

  test('a chosen SKU above ¥10,000 disables 送给朋友 and says why; buying it stays possible', async () => {
    answer('shop', 'getProduct', () => ok(watch));
    openProductPage(watch.productId);
    fireEvent.click(await screen.findByTestId('spec-row'));
    fireEvent.click(option('金色'));
    expect(screen.getByTestId('sku-gift-blocked')).toHaveTextContent('单价超过¥10,000的商品不支持送礼');
    const giftButtons = screen.getAllByText('送给朋友').map((text) => text.closest('.nut-button'));
    expect(giftButtons).toHaveLength(2);
    giftButtons.forEach((button) => expect(button).toHaveClass('nut-button-disabled'));
    fireEvent.click(within(popup()).getByText('送给朋友'));
    expect(navigateTo).not.toHaveBeenCalled();

    fireEvent.click(option('白色'));
    expect(screen.queryByTestId('sku-gift-blocked')).toBeNull();
    fireEvent.click(within(popup()).getByText('送给朋友'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/gift/pages/send/index?productId=p-watch&skuId=w-white' });
  });

  test('shows images from the site root in the gallery and the description', async () => {
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

  test('a product that does not exist offers 返回首页, not 重试', async () => {
    answer('shop', 'getProduct', () => ({ ok: false, code: 'SHOP.PRODUCT_NOT_FOUND', message: '商品不存在或已下架' }));
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never);
    openProductPage('p-missing');
    expect(await screen.findByText('商品不存在或已下架')).toBeInTheDocument();
    expect(screen.getByTestId('state-error')).toHaveAttribute('data-not-found', 'true');
    expect(screen.queryByText('重试')).toBeNull();

    fireEvent.click(screen.getByText('返回首页'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
    expect(calls).toHaveLength(1);
    switchTab.mockRestore();
  });

  test('a failure worth retrying (network) offers 重试, which asks again', async () => {
    answer('shop', 'getProduct', () => ({
      ok: false,
      code: 'NETWORK.UNAVAILABLE',
      message: '网络不可用，请检查网络后重试',
    }));
    openProductPage(ring.productId);
    expect(await screen.findByText('网络不可用，请检查网络后重试')).toBeInTheDocument();
    expect(screen.getByTestId('state-error')).not.toHaveAttribute('data-not-found');
    expect(screen.queryByText('返回首页')).toBeNull();

    answer('shop', 'getProduct', () => ok(ring));
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('925银 简约戒指')).toBeInTheDocument();
    expect(calls).toHaveLength(2);
  });

  test('without a productId it does not call the function and offers 返回首页', async () => {
    openProductPage(undefined);
    expect(await screen.findByText('商品不存在或已下架')).toBeInTheDocument();
    expect(screen.getByText('返回首页')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  test('立即购买 / 送给朋友 before the spec is complete say which spec to choose and mark its group', async () => {
    const toast = jest.mocked(showToast);
    toast.mockClear();
    answer('shop', 'getProduct', () => ok(scarf));
    openProductPage(scarf.productId);
    fireEvent.click(within(await screen.findByTestId('action-bar')).getByText('立即购买'));
    expect(toast).toHaveBeenLastCalledWith('请选择颜色、尺寸');
    const missing = () => screen.queryAllByTestId('spec-missing').map((element) => element.textContent);
    expect(missing()).toEqual(['请选择颜色', '请选择尺寸']);

    // Choosing a colour clears its mark at once; the tap in the popup names what is still missing.
    fireEvent.click(option('酒红'));
    expect(missing()).toEqual(['请选择尺寸']);
    fireEvent.click(within(popup()).getByText('立即购买'));
    expect(toast).toHaveBeenLastCalledWith('请选择尺寸');
    expect(navigateTo).not.toHaveBeenCalled();
    const sizeGroup = screen.getAllByTestId('spec-group').find((group) => group.getAttribute('data-spec') === '尺寸');
    expect(sizeGroup).toHaveClass('spec-selector__group--missing');

    fireEvent.click(option('180cm'));
    expect(missing()).toEqual([]);
    fireEvent.click(within(popup()).getByText('立即购买'));
    expect(navigateTo).toHaveBeenCalledTimes(1);
    expect(toast).toHaveBeenCalledTimes(2);
  });

  test('the popup opened by 送给朋友 has no quantity stepper (a gift to one friend is one item); 立即购买 has one', async () => {
    answer('shop', 'getProduct', () => ok(scarf));
    openProductPage(scarf.productId);
    fireEvent.click(within(await screen.findByTestId('action-bar')).getByText('送给朋友'));
    expect(within(popup()).queryByTestId('spec-quantity')).toBeNull();
    expect(within(popup()).queryByText('购买数量')).toBeNull();

    fireEvent.click(within(actionBar()).getByText('立即购买'));
    expect(within(popup()).getByTestId('spec-quantity')).toBeInTheDocument();
  });
});
