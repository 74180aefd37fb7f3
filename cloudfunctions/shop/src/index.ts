/**
 * shop: catalogue browsing for everybody (no login needed).
 * Actions and their shapes: ShopContract in src/domain/contracts.ts, documented in docs/contracts.md.
 */
import { defineFunction } from '@server/dispatch';
import { getProductRequest, listCategoriesRequest, listProductsRequest } from '@domain/product/requests';
import { getProduct, listCategories, listProducts } from './actions';

export const main = defineFunction('shop', {
  listCategories: { schema: listCategoriesRequest, run: listCategories },
  listProducts: { schema: listProductsRequest, run: listProducts },
  getProduct: { schema: getProductRequest, run: getProduct },
});
