import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { choiceFromParams, FinderChips, type FinderChoice } from '@/components/FinderChips';
import { PageState } from '@/components/PageState';
import { ProductCard } from '@/components/ProductCard';
import { useReachBottom, useRouter } from '@/platform/lifecycle';
import { navigateTo, openProduct, routes } from '@/platform/navigation';
import { listGiftIdeas } from '@/services/finder';
import type { ProductCardView } from '@/services/shop';
import '../finder.scss';

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; items: ProductCardView[]; nextCursor: string | null; loadingMore: boolean };

/** Ways out of an empty result: drop one choice at a time. */
const RELAXATIONS: ReadonlyArray<{ key: keyof FinderChoice; label: string }> = [
  { key: 'priceBand', label: '不限预算' },
  { key: 'occasion', label: '不限场合' },
  { key: 'recipient', label: '不限送给谁' },
];

/** 礼物推荐: giftable products for the chosen recipient / occasion / budget, most often accepted first. */
export default function GiftIdeasPage() {
  const { params } = useRouter();
  const [choice, setChoice] = useState<FinderChoice>(() => choiceFromParams(params));
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const answer = await listGiftIdeas(choice);
    setState(
      answer.ok
        ? { kind: 'ready', items: answer.data.items, nextCursor: answer.data.nextCursor, loadingMore: false }
        : { kind: 'failed', message: answer.message },
    );
  }, [choice]);

  useEffect(() => {
    void load();
  }, [load]);

  const loadMore = async () => {
    if (state.kind !== 'ready' || !state.nextCursor || state.loadingMore) return;
    setState({ ...state, loadingMore: true });
    const answer = await listGiftIdeas({ ...choice, cursor: state.nextCursor });
    if (!answer.ok) {
      setState({ ...state, loadingMore: false });
      return;
    }
    setState({
      kind: 'ready',
      items: [...state.items, ...answer.data.items],
      nextCursor: answer.data.nextCursor,
      loadingMore: false,
    });
  };
  useReachBottom(() => {
    void loadMore();
  });

  const relax = (key: keyof FinderChoice) => {
    const next = { ...choice };
    delete next[key];
    setChoice(next);
  };

  return (
    <View className='finder'>
      <View className='finder__card'>
        <FinderChips choice={choice} onChange={setChoice} />
        <View className='finder__hint'>按收礼人领取率排序：越常被开心收下的礼物越靠前</View>
      </View>
      {state.kind === 'loading' && <PageState message='正在挑选…' />}
      {state.kind === 'failed' && <PageState message={state.message} actionText='重试' onAction={() => void load()} />}
      {state.kind === 'ready' && state.items.length === 0 && (
        <View className='finder__card finder__empty' data-testid='finder-empty'>
          <View className='finder__empty-title'>没有完全符合的礼物</View>
          <View className='finder__empty-text'>试试放宽一个条件，或看看大家都在送什么：</View>
          <View className='finder__suggestions'>
            {RELAXATIONS.filter((relaxation) => choice[relaxation.key] !== undefined).map((relaxation) => (
              <View
                key={relaxation.key}
                className='finder__suggestion'
                onClick={() => relax(relaxation.key)}
                data-testid={`finder-relax-${relaxation.key}`}
              >
                {relaxation.label}
              </View>
            ))}
            <View className='finder__suggestion' onClick={() => void navigateTo(routes.finderRanking())}>
              送礼排行榜
            </View>
          </View>
        </View>
      )}
      {state.kind === 'ready' && state.items.length > 0 && (
        <View className='finder__grid' data-testid='finder-results'>
          {state.items.map((product) => (
            <ProductCard key={product.productId} product={product} onOpen={(id) => void openProduct(id)} />
          ))}
        </View>
      )}
      {state.kind === 'ready' && state.items.length > 0 && (
        <View className='finder__more' onClick={() => void loadMore()}>
          {state.loadingMore ? '加载中…' : state.nextCursor ? '加载更多' : '没有更多了'}
        </View>
      )}
    </View>
  );
}
