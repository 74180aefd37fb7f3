import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { Current } from '@tarojs/runtime';
import GiftsPage from '@/pages/gifts/index';
import GiftIdeasPage from '@/packages/finder/pages/ideas/index';
import RankingPage from '@/packages/finder/pages/ranking/index';
import { RelatedGifts } from '@/components/RelatedGifts';
import type { ProductSummary } from '@domain/contracts';
import { ok } from '@domain/result';
import { navigateTo, openProduct } from '@/platform/navigation';
import { answer, calls } from './support/gateway';
import { scarfSummary, teaSummary } from './support/fixtures';

jest.mock('@/platform/navigation', () => ({
  ...jest.requireActual<object>('../../src/platform/navigation'),
  navigateTo: jest.fn(async () => undefined),
  openProduct: jest.fn(async () => undefined),
}));

jest.mock('@/platform/lifecycle', () => ({
  ...jest.requireActual('@/platform/lifecycle'),
  useDidShow: (callback: () => void) => {
    const { useEffect } = jest.requireActual('react');
    useEffect(() => callback(), []);
  },
}));

const openPage = (path: string, params: Record<string, string>, Page: () => JSX.Element) => {
  Current.router = { params, path, onReady: '', onHide: '', onShow: '', $taroPath: path.slice(1) };
  render(<Page />);
  return act(async () => undefined);
};

const eventsOf = (action: string) => calls.filter((call) => call.event.action === action).map((call) => call.event);

beforeEach(() => {
  jest.mocked(navigateTo).mockClear();
  jest.mocked(openProduct).mockClear();
  answer('gift', 'listGifts', (event) =>
    ok(event.role === 'sent' ? { role: 'sent', items: [] } : { role: 'received', items: [] }),
  );
});

describe('礼物 tab: the finder at the top', () => {
  test('chips for who / occasion / budget open 礼物推荐 with the choice', async () => {
    answer('shop', 'listSeasonal', () => ok({ collections: [] }));
    render(<GiftsPage />);
    await act(async () => undefined);
    const finder = screen.getByTestId('gift-finder');
    // one choice per row: a tap on another chip replaces it, a second tap on the same one clears it
    fireEvent.click(within(finder).getByText('朋友'));
    fireEvent.click(within(finder).getByText('长辈'));
    fireEvent.click(within(finder).getByText('生日'));
    fireEvent.click(within(finder).getByText('生日'));
    fireEvent.click(within(finder).getByText('感谢'));
    fireEvent.click(within(finder).getByText('¥100–200'));
    fireEvent.click(screen.getByTestId('finder-go'));
    expect(navigateTo).toHaveBeenCalledWith(
      '/packages/finder/pages/ideas/index?recipient=elder&occasion=thanks&priceBand=3',
    );
    fireEvent.click(screen.getByTestId('open-ranking'));
    expect(navigateTo).toHaveBeenLastCalledWith('/packages/finder/pages/ranking/index');
  });

  test('shows the festival collection the cloud says is on, and opens its products', async () => {
    answer('shop', 'listSeasonal', () =>
      ok({
        collections: [
          {
            seasonId: 'christmas',
            label: '圣诞',
            title: '圣诞礼物季',
            subtitle: '拆礼物的快乐',
            startsAt: 0,
            endsAt: 1,
            items: [scarfSummary],
          },
        ],
      }),
    );
    render(<GiftsPage />);
    await act(async () => undefined);
    const season = screen.getByTestId('seasonal-collection');
    expect(within(season).getByText('圣诞礼物季')).toBeInTheDocument();
    fireEvent.click(within(season).getByText(scarfSummary.name));
    expect(openProduct).toHaveBeenCalledWith(scarfSummary.productId);
  });
});

describe('礼物推荐 page', () => {
  test('asks with the choice from its query and lists the ideas', async () => {
    answer('shop', 'listGiftIdeas', () => ok({ items: [scarfSummary, teaSummary], nextCursor: null }));
    await openPage('/packages/finder/pages/ideas/index', { recipient: 'elder', priceBand: '4' }, GiftIdeasPage);
    expect(eventsOf('listGiftIdeas').at(-1)).toMatchObject({ recipient: 'elder', priceBand: 4 });
    expect(eventsOf('listGiftIdeas').at(-1)).not.toHaveProperty('occasion');
    const results = screen.getByTestId('finder-results');
    expect(within(results).getAllByTestId('product-card')).toHaveLength(2);
    fireEvent.click(within(results).getByText(teaSummary.name));
    expect(openProduct).toHaveBeenCalledWith(teaSummary.productId);
  });

  test('an empty result offers to relax one choice at a time', async () => {
    answer('shop', 'listGiftIdeas', (event) =>
      ok({ items: (event.priceBand === undefined ? [scarfSummary] : []) as ProductSummary[], nextCursor: null }),
    );
    await openPage(
      '/packages/finder/pages/ideas/index',
      { recipient: 'teacher', occasion: 'visit', priceBand: '6' },
      GiftIdeasPage,
    );
    expect(screen.getByTestId('finder-empty')).toBeInTheDocument();
    expect(screen.getByText('不限预算')).toBeInTheDocument();
    expect(screen.getByText('不限场合')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('finder-relax-priceBand'));
    await act(async () => undefined);
    expect(eventsOf('listGiftIdeas').at(-1)).toMatchObject({ recipient: 'teacher', occasion: 'visit' });
    expect(eventsOf('listGiftIdeas').at(-1)).not.toHaveProperty('priceBand');
    expect(within(screen.getByTestId('finder-results')).getAllByTestId('product-card')).toHaveLength(1);
  });

  test('ignores values its query should not have', async () => {
    answer('shop', 'listGiftIdeas', () => ok({ items: [], nextCursor: null }));
    await openPage('/packages/finder/pages/ideas/index', { recipient: 'boss', priceBand: '9' }, GiftIdeasPage);
    expect(eventsOf('listGiftIdeas').at(-1)).toEqual({ action: 'listGiftIdeas', limit: 10 });
  });
});

describe('送礼排行榜 page', () => {
  test('two lists and a per-category filter', async () => {
    answer('shop', 'listCategories', () =>
      ok([
        { categoryId: 'food', name: '美食饮品', icon: '', giftable: true },
        { categoryId: 'jewellery', name: '珠宝首饰', icon: '', giftable: false },
      ]),
    );
    answer('shop', 'giftRanking', (event) =>
      ok(
        event.kind === 'gifted'
          ? {
              kind: 'gifted',
              computedAt: Date.UTC(2026, 11, 1, 2, 0),
              items: [
                {
                  rank: 1,
                  productId: 'food-tea',
                  name: event.categoryId ? '只在美食里的茶' : '明前西湖龙井',
                  image: '',
                  categoryId: 'food',
                  priceMin: 39800,
                  count: 12,
                },
              ],
            }
          : {
              kind: 'risingBrands',
              computedAt: Date.UTC(2026, 11, 1, 2, 0),
              items: [
                {
                  rank: 1,
                  brand: '花间集',
                  name: '花间集',
                  count: 9,
                  lastWeekCount: 2,
                  growth: 7,
                  productId: 'flowers-roses',
                  image: '',
                },
              ],
            },
      ),
    );
    await openPage('/packages/finder/pages/ranking/index', {}, RankingPage);
    expect(screen.getByText('明前西湖龙井')).toBeInTheDocument();
    expect(screen.getByText('近 7 天送出 12 份')).toBeInTheDocument();
    // non-giftable categories are not offered as filters
    expect(screen.queryByText('珠宝首饰')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('ranking-category-food'));
    await act(async () => undefined);
    expect(eventsOf('giftRanking').at(-1)).toEqual({ action: 'giftRanking', kind: 'gifted', categoryId: 'food' });
    expect(screen.getByText('只在美食里的茶')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('ranking-tab-risingBrands'));
    await act(async () => undefined);
    expect(eventsOf('giftRanking').at(-1)).toEqual({ action: 'giftRanking', kind: 'risingBrands', categoryId: 'food' });
    expect(screen.getByText('本周 9 份 · 上周 2 份')).toBeInTheDocument();
    fireEvent.click(screen.getByText('花间集'));
    expect(openProduct).toHaveBeenCalledWith('flowers-roses');
  });

  test('before the first statistics run it says the lists are being computed', async () => {
    answer('shop', 'listCategories', () => ok([]));
    answer('shop', 'giftRanking', () => ok({ kind: 'gifted', items: [], computedAt: null }));
    await openPage('/packages/finder/pages/ranking/index', {}, RankingPage);
    expect(screen.getByText('榜单正在统计中，请稍后再来')).toBeInTheDocument();
  });
});

describe('送这个的人也送了', () => {
  test('co-gifted products under their own heading; a tap opens one', async () => {
    answer('shop', 'listRelated', () => ok({ items: [teaSummary], source: 'coGifting' }));
    render(<RelatedGifts productId='p-scarf' />);
    await act(async () => undefined);
    expect(screen.getByText('送这个的人也送了')).toBeInTheDocument();
    fireEvent.click(screen.getByText(teaSummary.name));
    expect(openProduct).toHaveBeenCalledWith(teaSummary.productId);
  });

  test('tag-based suggestions are not presented as what other givers sent; nothing shows when empty', async () => {
    answer('shop', 'listRelated', (event) =>
      ok(event.productId === 'p-empty' ? { items: [], source: 'tags' } : { items: [teaSummary], source: 'tags' }),
    );
    const { unmount } = render(<RelatedGifts productId='p-scarf' />);
    await act(async () => undefined);
    expect(screen.getByText('适合一起送的礼物')).toBeInTheDocument();
    expect(screen.queryByText('送这个的人也送了')).not.toBeInTheDocument();
    unmount();
    render(<RelatedGifts productId='p-empty' />);
    await act(async () => undefined);
    expect(screen.queryByTestId('related-gifts')).not.toBeInTheDocument();
  });
});
