/**
 * The gift finder for pages (issue 13): gift ideas by recipient / occasion / budget, the two
 * rankings, 送这个的人也送了 and the festival collections, as display-ready view models.
 */
import type {
  GiftIdeasRequest,
  GiftedRankingItem,
  RankingKind,
  RelatedProducts,
  RisingBrandItem,
  SeasonalCollection,
} from '@domain/contracts';
import { formatFen } from '@domain/money';
import { ok, type Result } from '@domain/result';
import { resolveImageUrl } from '@/platform/images';
import { callCloud } from './cloud';
import { toProductCard, type ProductCardView, type ProductPage } from './shop';

export const GIFT_IDEAS_PAGE_SIZE = 10;

export async function listGiftIdeas(query: Omit<GiftIdeasRequest, 'limit'>): Promise<Result<ProductPage>> {
  const answer = await callCloud('shop', { action: 'listGiftIdeas', ...query, limit: GIFT_IDEAS_PAGE_SIZE });
  if (!answer.ok) return answer;
  return ok({ items: answer.data.items.map(toProductCard), nextCursor: answer.data.nextCursor });
}

export interface GiftedRankingView extends GiftedRankingItem {
  imageUrl: string;
  priceText: string;
}
export interface RisingBrandView extends RisingBrandItem {
  imageUrl: string;
}
export type RankingView =
  | { kind: 'gifted'; items: GiftedRankingView[]; computedAt: number | null }
  | { kind: 'risingBrands'; items: RisingBrandView[]; computedAt: number | null };

export async function giftRanking(kind: RankingKind, categoryId?: string): Promise<Result<RankingView>> {
  const answer = await callCloud('shop', { action: 'giftRanking', kind, ...(categoryId ? { categoryId } : {}) });
  if (!answer.ok) return answer;
  const ranking = answer.data;
  if (ranking.kind === 'gifted') {
    return ok({
      kind: 'gifted',
      computedAt: ranking.computedAt,
      items: ranking.items.map((item) => ({
        ...item,
        imageUrl: resolveImageUrl(item.image),
        priceText: formatFen(item.priceMin),
      })),
    });
  }
  return ok({
    kind: 'risingBrands',
    computedAt: ranking.computedAt,
    items: ranking.items.map((item) => ({ ...item, imageUrl: resolveImageUrl(item.image) })),
  });
}

export interface RelatedView {
  items: ProductCardView[];
  source: RelatedProducts['source'];
}

export async function listRelated(productId: string): Promise<Result<RelatedView>> {
  const answer = await callCloud('shop', { action: 'listRelated', productId });
  if (!answer.ok) return answer;
  return ok({ items: answer.data.items.map(toProductCard), source: answer.data.source });
}

export interface SeasonalView extends Omit<SeasonalCollection, 'items'> {
  items: ProductCardView[];
}

export async function listSeasonal(): Promise<Result<SeasonalView[]>> {
  const answer = await callCloud('shop', { action: 'listSeasonal' });
  if (!answer.ok) return answer;
  return ok(
    answer.data.collections.map((collection) => ({ ...collection, items: collection.items.map(toProductCard) })),
  );
}
