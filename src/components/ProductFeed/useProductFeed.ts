import { useCallback, useEffect, useRef, useState } from 'react';
import { listProducts, type ProductCardView, type ProductQuery } from '@/services/shop';

export type FeedState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

export interface ProductFeed {
  products: ProductCardView[];
  state: FeedState;
  hasMore: boolean;
  loadingMore: boolean;
  /** why the last "load more" failed (the list stays as it was) */
  moreFailed: string | null;
  /** first page again (pull-to-refresh, 重试, a new query) */
  reload: () => Promise<void>;
  /** next page with the last nextCursor; ignored while a page is loading or when there is none */
  loadMore: () => Promise<void>;
}

/**
 * Pages through shop.listProducts for one query (category / keyword / sort), a page at a time with the
 * function's nextCursor: never the whole catalogue. A new query starts over; answers to an older query
 * that arrive late are dropped.
 */
export function useProductFeed(query: Omit<ProductQuery, 'cursor'>): ProductFeed {
  const [products, setProducts] = useState<ProductCardView[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<FeedState>({ kind: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState<string | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);
  const { categoryId, keyword, sort } = query;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    busy.current = true;
    if (products.length === 0) setState({ kind: 'loading' });
    const answer = await listProducts({ categoryId, keyword, sort });
    if (mine !== generation.current) return;
    busy.current = false;
    if (answer.ok) {
      setProducts(answer.data.items);
      setNextCursor(answer.data.nextCursor);
      setMoreFailed(null);
      setState({ kind: 'ready' });
    } else {
      setState({ kind: 'failed', message: answer.message });
    }
    // products.length only picks the loading look; it must not make a new reload function.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [categoryId, keyword, sort]);

  const loadMore = useCallback(async () => {
    if (busy.current || !nextCursor) return;
    const mine = generation.current;
    busy.current = true;
    setLoadingMore(true);
    const answer = await listProducts({ categoryId, keyword, sort, cursor: nextCursor });
    if (mine !== generation.current) return;
    busy.current = false;
    setLoadingMore(false);
    if (answer.ok) {
      setProducts((shown) => {
        const seen = new Set(shown.map((product) => product.productId));
        return [...shown, ...answer.data.items.filter((product) => !seen.has(product.productId))];
      });
      setNextCursor(answer.data.nextCursor);
      setMoreFailed(null);
    } else {
      setMoreFailed(answer.message);
    }
  }, [categoryId, keyword, sort, nextCursor]);

  useEffect(() => {
    setProducts([]);
    setState({ kind: 'loading' });
    void reload();
  }, [reload]);

  return { products, state, hasMore: nextCursor !== null, loadingMore, moreFailed, reload, loadMore };
}
