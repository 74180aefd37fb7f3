import { fireEvent, render, screen, within } from '@testing-library/react';
import HomePage from '@/pages/index/index';
import { ok } from '@domain/result';
import type { ProductSummary } from '@domain/contracts';
import { answer, calls, setUnreachable } from './support/gateway';
import { ringSummary, scarfSummary, teaSummary } from './support/fixtures';

const productCalls = () => calls.filter((call) => call.event.action === 'listProducts');

const categories = [
  { categoryId: 'food', name: '美食饮品', icon: '/static/products/category-food.svg', giftable: true },
  { categoryId: 'jewellery', name: '珠宝首饰', icon: '/static/products/category-jewellery.svg', giftable: false },
];

const numbered = (count: number, from: number): ProductSummary[] =>
  Array.from({ length: count }, (_, index) => ({
    ...teaSummary,
    productId: `p-${from + index}`,
    name: `商品${from + index}`,
  }));

describe('首页', () => {
  beforeEach(() => {
    answer('shop', 'listCategories', () => ok(categories));
  });

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

    expect(productCalls()).toEqual([
      { name: 'shop', event: { action: 'listProducts', limit: 10 }, openid: 'dev-giver' },
    ]);
  });

  test('shows the category grid from listCategories', async () => {
    answer('shop', 'listProducts', () => ok({ items: [teaSummary], nextCursor: null }));
    render(<HomePage />);
    const grid = await screen.findByTestId('category-grid');
    expect(within(grid).getByText('美食饮品')).toBeInTheDocument();
    expect(within(grid).getByText('珠宝首饰')).toBeInTheDocument();
    expect(calls.some((call) => call.event.action === 'listCategories')).toBe(true);
  });

  test('pages through the feed with each nextCursor, a page at a time, until there is none', async () => {
    const pages: Record<string, { items: ProductSummary[]; nextCursor: string | null }> = {
      first: { items: numbered(10, 1), nextCursor: 'c10' },
      c10: { items: numbered(10, 11), nextCursor: 'c20' },
      c20: { items: numbered(3, 21), nextCursor: null },
    };
    answer('shop', 'listProducts', (event) => ok(pages[event.cursor ?? 'first']!));

    render(<HomePage />);
    expect(await screen.findAllByTestId('product-card')).toHaveLength(10);
    // Only the first page is asked for until the user scrolls on.
    expect(productCalls()).toHaveLength(1);

    fireEvent.click(screen.getByText('上拉加载更多'));
    expect(await screen.findByText('商品20')).toBeInTheDocument();
    expect(screen.getAllByTestId('product-card')).toHaveLength(20);

    fireEvent.click(screen.getByText('上拉加载更多'));
    expect(await screen.findByText('商品23')).toBeInTheDocument();
    expect(screen.getAllByTestId('product-card')).toHaveLength(23);
    expect(screen.getByText('没有更多了')).toBeInTheDocument();

    expect(productCalls().map((call) => call.event.cursor)).toEqual([undefined, 'c10', 'c20']);
    expect(productCalls().every((call) => call.event.limit === 10)).toBe(true);
  });

  test('a failed next page keeps what is shown and offers a retry', async () => {
    let failNext = true;
    answer('shop', 'listProducts', (event) => {
      if (!event.cursor) return ok({ items: [scarfSummary], nextCursor: 'c1' });
      if (failNext) {
        failNext = false;
        return { ok: false, code: 'COMMON.INTERNAL', message: '系统繁忙，请稍后再试' };
      }
      return ok({ items: [teaSummary], nextCursor: null });
    });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('上拉加载更多'));
    fireEvent.click(await screen.findByText('系统繁忙，请稍后再试，点击重试'));
    expect(await screen.findByText('明前龙井 礼盒装')).toBeInTheDocument();
    expect(screen.getAllByTestId('product-card')).toHaveLength(2);
  });

  test('shows skeletons while the first page loads', async () => {
    answer('shop', 'listProducts', () => ok({ items: [teaSummary], nextCursor: null }));
    render(<HomePage />);
    expect(screen.getByTestId('state-loading')).toBeInTheDocument();
    await screen.findByText('明前龙井 礼盒装');
    expect(screen.queryByTestId('state-loading')).toBeNull();
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
