import { Text, View } from '@tarojs/components';
import { openProduct } from '@/platform/navigation';
import { ProductCard } from '@/components/ProductCard';
import { StateView } from '@/components/StateView';
import type { ProductFeed as Feed } from './useProductFeed';
import './index.scss';

export { useProductFeed } from './useProductFeed';
export type { ProductFeed as ProductFeedState } from './useProductFeed';

interface Props {
  feed: Feed;
  /** text when the query matches nothing */
  emptyText: string;
}

/** A two-column product grid over a paged feed: skeletons, empty and error states, "load more" footer. */
export function ProductFeed({ feed, emptyText }: Props) {
  if (feed.state.kind === 'loading') return <StateView kind='loading' />;
  if (feed.state.kind === 'failed') {
    return (
      <StateView kind='error' message={feed.state.message} actionText='重试' onAction={() => void feed.reload()} />
    );
  }
  if (feed.products.length === 0) return <StateView kind='empty' message={emptyText} />;
  return (
    <View className='product-feed'>
      <View className='product-feed__grid'>
        {feed.products.map((product) => (
          <ProductCard key={product.productId} product={product} onOpen={(id) => void openProduct(id)} />
        ))}
      </View>
      <View className='product-feed__more' data-testid='feed-footer'>
        {feed.moreFailed ? (
          <Text onClick={() => void feed.loadMore()}>{feed.moreFailed}，点击重试</Text>
        ) : feed.loadingMore ? (
          <Text>加载中…</Text>
        ) : feed.hasMore ? (
          <Text onClick={() => void feed.loadMore()}>上拉加载更多</Text>
        ) : (
          <Text>没有更多了</Text>
        )}
      </View>
    </View>
  );
}
