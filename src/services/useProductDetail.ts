import { useCallback, useEffect, useState } from 'react';
import { ShopErrors } from '@domain/product/errors';
import { getProduct, type ProductDetailView } from './shop';

export type ProductLoadState =
  | { kind: 'loading' }
  | { kind: 'ready'; product: ProductDetailView }
  | { kind: 'failed'; code: string; message: string };

/** Loads a product for a page (the product page, the gift send page); `reload` retries. */
export function useProductDetail(productId: string): { state: ProductLoadState; reload: () => Promise<void> } {
  const [state, setState] = useState<ProductLoadState>({ kind: 'loading' });
  const reload = useCallback(async () => {
    if (!productId) {
      setState({ kind: 'failed', ...ShopErrors.PRODUCT_NOT_FOUND });
      return;
    }
    setState({ kind: 'loading' });
    const answer = await getProduct(productId);
    setState(
      answer.ok
        ? { kind: 'ready', product: answer.data }
        : { kind: 'failed', code: answer.code, message: answer.message },
    );
  }, [productId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload };
}
