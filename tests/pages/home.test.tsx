import { fireEvent, render, screen, within } from '@testing-library/react';
import HomePage from '../../src/pages/index/index';
import { ok } from '../../src/domain/result';
import { answer, calls, setUnreachable } from './support/gateway';
import { ringSummary, scarfSummary, teaSummary } from './support/fixtures';

describe('首页', () => {
  test('lists products from the shop function: image, name, price, 支持送礼物 only when giftable', async () => {
    answer('shop', 'listProducts', () => ok({ items: [scarfSummary, ringSummary], nextCursor: null }));

    render(<HomePage />);

    const cards = await screen.findAllByTestId('product-card');
    expect(cards).toHaveLength(2);
    const [scarfCard, ringCard] = cards as [HTMLElement, HTMLElement];

    expect(within(scarfCard).getByText('羊绒围巾 经典格纹')).toBeInTheDocument();
    expect(within(scarfCard).getByText('¥199.00')).toBeInTheDocument();
    expect(within(scarfCard).getByText('起')).toBeInTheDocument();
    expect(within(scarfCard).getByText('支持送礼物')).toBeInTheDocument();
    // H5 resolves site-relative image paths against its own origin.
    expect(scarfCard.querySelector('[src]')?.getAttribute('src')).toBe('/static/products/scarf-1.jpg');

    expect(within(ringCard).getByText('¥12.34')).toBeInTheDocument();
    expect(within(ringCard).queryByText('起')).toBeNull();
    expect(within(ringCard).queryByText('支持送礼物')).toBeNull();
    expect(screen.getByText('没有更多了')).toBeInTheDocument();

    expect(calls).toEqual([{ name: 'shop', event: { action: 'listProducts', limit: 10 }, openid: 'dev-giver' }]);
  });

  test('loads the next page with the cursor the function returned', async () => {
    answer('shop', 'listProducts', (event) =>
      event.cursor === 'after-ring'
        ? ok({ items: [teaSummary], nextCursor: null })
        : ok({ items: [scarfSummary, ringSummary], nextCursor: 'after-ring' }),
    );

    render(<HomePage />);
    fireEvent.click(await screen.findByText('上拉加载更多'));

    expect(await screen.findByText('明前龙井 礼盒装')).toBeInTheDocument();
    expect(screen.getAllByTestId('product-card')).toHaveLength(3);
    expect(calls.map((call) => call.event.cursor)).toEqual([undefined, 'after-ring']);
  });

  test('says so when there are no products', async () => {
    answer('shop', 'listProducts', () => ok({ items: [], nextCursor: null }));
    render(<HomePage />);
    expect(await screen.findByText('暂无商品，店主正在上新')).toBeInTheDocument();
  });

  test('a network failure shows the Chinese message and 重试 loads again', async () => {
    setUnreachable(true);
    render(<HomePage />);
    expect(await screen.findByText('网络不可用，请检查网络后重试')).toBeInTheDocument();

    setUnreachable(false);
    answer('shop', 'listProducts', () => ok({ items: [teaSummary], nextCursor: null }));
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('明前龙井 礼盒装')).toBeInTheDocument();
  });

  test('a failure answered by the function is shown as its message', async () => {
    answer('shop', 'listProducts', () => ({ ok: false, code: 'COMMON.INTERNAL', message: '系统繁忙，请稍后再试' }));
    render(<HomePage />);
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeInTheDocument();
  });
});
