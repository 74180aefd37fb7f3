/**
 * shop: catalogue browsing for everybody (no login needed), and the gift finder (./finder.ts).
 * Actions and their shapes: ShopContract in src/domain/contracts.ts, documented in docs/contracts.md.
 */
import { defineFunction } from '@server/dispatch';
import {
  giftRankingRequest,
  listGiftIdeasRequest,
  listRelatedRequest,
  listSeasonalRequest,
} from '@domain/finder/requests';
import { getProductRequest, listCategoriesRequest, listProductsRequest } from '@domain/product/requests';
import { getProduct, listCategories, listProducts } from './actions';
import { giftRanking, listGiftIdeas, listRelated, listSeasonal } from './finder';

export const main = defineFunction('shop', {
  listCategories: { schema: listCategoriesRequest, run: listCategories },
  listProducts: { schema: listProductsRequest, run: listProducts },
  getProduct: { schema: getProductRequest, run: getProduct },
  listGiftIdeas: { schema: listGiftIdeasRequest, run: listGiftIdeas },
  giftRanking: { schema: giftRankingRequest, run: giftRanking },
  listRelated: { schema: listRelatedRequest, run: listRelated },
  listSeasonal: { schema: listSeasonalRequest, run: listSeasonal },
});
