import { Image, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { RankingKind } from '@domain/contracts';
import { formatChinaDateTime } from '@domain/clock';
import { PageState } from '@/components/PageState';
import { useRouter } from '@/platform/lifecycle';
import { openProduct } from '@/platform/navigation';
import { giftRanking, type RankingView } from '@/services/finder';
import { listCategories, type CategoryView } from '@/services/shop';
import '../finder.scss';

const KINDS: ReadonlyArray<{ kind: RankingKind; label: string; hint: string }> = [
  { kind: 'gifted', label: '送礼排行榜', hint: '近 7 天被送出最多的礼物' },
  { kind: 'risingBrands', label: '品牌飙升榜', hint: '本周比上周多送出最多的品牌' },
];

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; ranking: RankingView };

/** 送礼排行榜 / 品牌飙升榜 from real gifts (recomputed hourly), overall or per category. */
export default function RankingPage() {
  const initialKind: RankingKind = useRouter().params.kind === 'risingBrands' ? 'risingBrands' : 'gifted';
  const [kind, setKind] = useState<RankingKind>(initialKind);
  const [categoryId, setCategoryId] = useState<string | undefined>(undefined);
  const [categories, setCategories] = useState<CategoryView[]>([]);
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    void listCategories().then((answer) => {
      if (answer.ok) setCategories(answer.data.filter((category) => category.giftable));
    });
  }, []);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const answer = await giftRanking(kind, categoryId);
    setState(answer.ok ? { kind: 'ready', ranking: answer.data } : { kind: 'failed', message: answer.message });
  }, [kind, categoryId]);

  useEffect(() => {
    void load();
  }, [load]);

  const hint = KINDS.find((entry) => entry.kind === kind)?.hint ?? '';

  return (
    <View className='finder'>
      <View className='finder__tabs'>
        {KINDS.map((entry) => (
          <View
            key={entry.kind}
            className={`finder__tab${kind === entry.kind ? ' finder__tab--on' : ''}`}
            onClick={() => setKind(entry.kind)}
            data-testid={`ranking-tab-${entry.kind}`}
          >
            {entry.label}
          </View>
        ))}
      </View>
      <View className='finder__categories'>
        {[{ categoryId: undefined, name: '全部' }, ...categories].map((category) => (
          <View
            key={category.categoryId ?? 'all'}
            className={`finder__category${categoryId === category.categoryId ? ' finder__category--on' : ''}`}
            onClick={() => setCategoryId(category.categoryId)}
            data-testid={`ranking-category-${category.categoryId ?? 'all'}`}
          >
            {category.name}
          </View>
        ))}
      </View>
      <View className='finder__hint finder__hint--padded'>
        {hint}
        {state.kind === 'ready' && state.ranking.computedAt !== null
          ? `，更新于 ${formatChinaDateTime(state.ranking.computedAt)}`
          : ''}
      </View>
      {state.kind === 'loading' && <PageState message='加载中…' />}
      {state.kind === 'failed' && <PageState message={state.message} actionText='重试' onAction={() => void load()} />}
      {state.kind === 'ready' && state.ranking.items.length === 0 && (
        <PageState
          message={state.ranking.computedAt === null ? '榜单正在统计中，请稍后再来' : '这个分类近期还没有上榜的礼物'}
        />
      )}
      {state.kind === 'ready' && state.ranking.items.length > 0 && (
        <View className='finder__card' data-testid='ranking-list'>
          {state.ranking.kind === 'gifted'
            ? state.ranking.items.map((item) => (
                <View
                  key={item.productId}
                  className='finder__rank'
                  onClick={() => void openProduct(item.productId)}
                  data-testid='ranking-item'
                >
                  <Text className={`finder__rank-no finder__rank-no--${Math.min(item.rank, 4)}`}>{item.rank}</Text>
                  <Image className='finder__rank-image' src={item.imageUrl} mode='aspectFill' />
                  <View className='finder__rank-body'>
                    <View className='finder__rank-name'>{item.name}</View>
                    <View className='finder__rank-meta'>近 7 天送出 {item.count} 份</View>
                  </View>
                  <Text className='price'>{item.priceText}</Text>
                </View>
              ))
            : state.ranking.items.map((item) => (
                <View
                  key={item.brand}
                  className='finder__rank'
                  onClick={() => void openProduct(item.productId)}
                  data-testid='ranking-item'
                >
                  <Text className={`finder__rank-no finder__rank-no--${Math.min(item.rank, 4)}`}>{item.rank}</Text>
                  <Image className='finder__rank-image' src={item.imageUrl} mode='aspectFill' />
                  <View className='finder__rank-body'>
                    <View className='finder__rank-name'>{item.name}</View>
                    <View className='finder__rank-meta'>
                      本周 {item.count} 份 · 上周 {item.lastWeekCount} 份
                    </View>
                  </View>
                  <Text className='finder__rank-growth'>↑{item.growth}</Text>
                </View>
              ))}
        </View>
      )}
    </View>
  );
}
