import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { PageState } from '../../components/PageState';
import { ProductCard } from '../../components/ProductCard';
import { stopPullDownRefresh } from '../../platform/feedback';
import { usePullDownRefresh, useReachBottom } from '../../platform/lifecycle';
import { openProduct } from '../../platform/navigation';
import { listProducts, type ProductCardView } from '../../services/shop';
import './index.scss';

type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

/** 首页: every product on shelf, newest first, a page at a time as the user scrolls. */
export default function HomePage() {
  const [products, setProducts] = useState<ProductCardView[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState<string | null>(null);
  // Guards against a second "load more" while one is in flight (onReachBottom fires repeatedly).
  const busy = useRef(false);

  const loadFirstPage = useCallback(async () => {
    busy.current = true;
    const answer = await listProducts();
    busy.current = false;
    if (answer.ok) {
      setProducts(answer.data.items);
      setNextCursor(answer.data.nextCursor);
      setMoreFailed(null);
      setState({ kind: 'ready' });
    } else {
      setState({ kind: 'failed', message: answer.message });
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (busy.current || !nextCursor) return;
    busy.current = true;
    setLoadingMore(true);
    const answer = await listProducts({ cursor: nextCursor });
    busy.current = false;
    setLoadingMore(false);
    if (answer.ok) {
      setProducts((shown) => [...shown, ...answer.data.items]);
      setNextCursor(answer.data.nextCursor);
      setMoreFailed(null);
    } else {
      setMoreFailed(answer.message);
    }
  }, [nextCursor]);

  useEffect(() => {
    void loadFirstPage();
  }, [loadFirstPage]);

  usePullDownRefresh(() => {
    void loadFirstPage().finally(stopPullDownRefresh);
  });

  useReachBottom(() => {
    void loadMore();
  });

  if (state.kind === 'loading') return <PageState message='加载中…' />;
  if (state.kind === 'failed') {
    return (
      <PageState
        message={state.message}
        actionText='重试'
        onAction={() => {
          setState({ kind: 'loading' });
          void loadFirstPage();
        }}
      />
    );
  }
  if (products.length === 0) return <PageState message='暂无商品，店主正在上新' />;

  return (
    <View className='home'>
      <View className='home__grid'>
        {products.map((product) => (
          <ProductCard key={product.productId} product={product} onOpen={(id) => void openProduct(id)} />
        ))}
      </View>
      <View className='home__more'>
        {moreFailed ? (
          <Text onClick={() => void loadMore()}>{moreFailed}，点击重试</Text>
        ) : loadingMore ? (
          <Text>加载中…</Text>
        ) : nextCursor ? (
          <Text onClick={() => void loadMore()}>上拉加载更多</Text>
        ) : (
          <Text>没有更多了</Text>
        )}
      </View>
    </View>
  );
}
