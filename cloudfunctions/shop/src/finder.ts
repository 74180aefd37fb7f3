/**
 * The gift finder's shop actions (issue 13): listGiftIdeas, giftRanking, listRelated, listSeasonal.
 * Ranking and co-gifting come precomputed from the giftStats timer; nothing here aggregates gifts.
 */
import type { AnswerOf, ProductSummary, RequestOf } from '@domain/contracts';
import { CommonErrors, failWith } from '@domain/errors';
import {
  isInPriceBand,
  isGiftableSku,
  priceBandSpec,
  type PriceBand,
  type PriceBandSpec,
} from '@domain/finder/priceBands';
import { GIFT_MAX_UNIT_PRICE_FEN } from '@domain/money';
import { LIST_GIFT_IDEAS_DEFAULT_LIMIT } from '@domain/finder/requests';
import { activeSeasons } from '@domain/finder/seasons';
import { RELATED_SIZE } from '@domain/finder/stats';
import { giftTagsOf } from '@domain/finder/tags';
import type { GiftRanking } from '@domain/finder/views';
import { ShopErrors } from '@domain/product/errors';
import { isCategoryGiftable } from '@domain/product/gift';
import { toProductSummary } from '@domain/product/mapping';
import type { ProductRecord, SkuRecord } from '@domain/product/types';
import { ok } from '@domain/result';
import {
  findProductRecord,
  findProductRecordsById,
  queryGiftIdeaCandidates,
  queryProductsTagged,
} from '@server/catalogue';
import { readStats } from '@server/giftStats';
import { decodeCursor, encodeCursor } from '@server/paging';
import { listSkuRecordsOfProducts } from '@server/stock';

/** Candidates read per query: the price checks drop some, so read more than a page. */
const CANDIDATE_BATCH = 100;
/** Bound on one request's work; a page cut short by it still gives a cursor to go on. */
const MAX_CANDIDATE_BATCHES = 6;
const SEASONAL_SIZE = 10;

/** Some on-shelf SKU of the product can be gifted, and (with a band) is priced inside it. */
function hasGiftableSku(product: ProductRecord, skus: readonly SkuRecord[], band: PriceBand | undefined): boolean {
  if (!isCategoryGiftable(product)) return false;
  return skus.some(
    (sku) =>
      sku.productId === product._id && isGiftableSku(sku) && (band === undefined || isInPriceBand(sku.price, band)),
  );
}

/** Whether the product's price range reaches into the band (and under the gift limit): necessary, not sufficient. */
function reachesBand(product: ProductRecord, range: PriceBandSpec | undefined): boolean {
  if (product.priceMin > GIFT_MAX_UNIT_PRICE_FEN) return false;
  if (!range) return true;
  return product.priceMax > range.aboveFen && (range.atMostFen === null || product.priceMin <= range.atMostFen);
}

export async function listGiftIdeas(
  request: RequestOf<'shop', 'listGiftIdeas'>,
): Promise<AnswerOf<'shop', 'listGiftIdeas'>> {
  const start = request.cursor === undefined ? 0 : decodeCursor(request.cursor);
  if (start === null) {
    return failWith(CommonErrors.INVALID_ARGUMENT, `${CommonErrors.INVALID_ARGUMENT.message}：cursor 无效`);
  }
  const limit = request.limit ?? LIST_GIFT_IDEAS_DEFAULT_LIMIT;
  const band = request.priceBand;
  const range = band === undefined ? undefined : priceBandSpec(band);
  const items: ProductSummary[] = [];
  let offset = start;
  for (let batch = 0; batch < MAX_CANDIDATE_BATCHES; batch += 1) {
    const candidates = await queryGiftIdeaCandidates({
      ...(request.recipient ? { recipient: request.recipient } : {}),
      ...(request.occasion ? { occasion: request.occasion } : {}),
      offset,
      limit: CANDIDATE_BATCH,
    });
    // the price range (priceMin…priceMax, kept in step with the SKUs) rules most products out
    // before their SKUs are read; the SKUs decide for the rest
    const reachable = candidates.filter((product) => reachesBand(product, range));
    const skus = await listSkuRecordsOfProducts(reachable.map((product) => product._id));
    for (const product of candidates) {
      if (!reachable.includes(product) || !hasGiftableSku(product, skus, band)) {
        offset += 1;
        continue;
      }
      // a match beyond the page: there is a next page, and it starts here
      if (items.length === limit) return ok({ items, nextCursor: encodeCursor(offset) });
      items.push(toProductSummary(product));
      offset += 1;
    }
    if (candidates.length < CANDIDATE_BATCH) return ok({ items, nextCursor: null });
  }
  // work bound reached: what was found so far, and where to go on
  return ok({ items, nextCursor: encodeCursor(offset) });
}

export async function giftRanking(request: RequestOf<'shop', 'giftRanking'>): Promise<AnswerOf<'shop', 'giftRanking'>> {
  const key = `${request.kind}:${request.categoryId ?? 'all'}`;
  const stored = await readStats<never>('ranking', key);
  const computedAt = stored?.computedAt ?? null;
  const ranking: GiftRanking =
    request.kind === 'gifted'
      ? { kind: 'gifted', items: stored?.items ?? [], computedAt }
      : { kind: 'risingBrands', items: stored?.items ?? [], computedAt };
  return ok(ranking);
}

const giftableSummaries = (records: readonly ProductRecord[]): ProductSummary[] =>
  records
    .filter((record) => record.onShelf)
    .map(toProductSummary)
    .filter((summary) => summary.giftable);

export async function listRelated(request: RequestOf<'shop', 'listRelated'>): Promise<AnswerOf<'shop', 'listRelated'>> {
  const product = await findProductRecord(request.productId);
  if (!product) return failWith(ShopErrors.PRODUCT_NOT_FOUND);
  const stored = await readStats<{ productId: string; givers: number }>('related', product._id);
  const coGiftedIds = (stored?.items ?? []).map((item) => item.productId);
  const found = new Map((await findProductRecordsById(coGiftedIds)).map((record) => [record._id, record]));
  const coGifted = giftableSummaries(coGiftedIds.flatMap((id) => found.get(id) ?? []));

  const items = coGifted.slice(0, RELATED_SIZE);
  const taken = new Set([product._id, ...items.map((item) => item.productId)]);
  if (items.length < RELATED_SIZE) {
    const tags = giftTagsOf(product);
    const sameRecipient = await queryProductsTagged('recipientTags', tags.recipientTags, 30);
    const sameOccasion = await queryProductsTagged('occasionTags', tags.occasionTags, 30);
    // products sharing both kinds of tag first, then either
    const both = sameRecipient.filter((record) => sameOccasion.some((other) => other._id === record._id));
    for (const summary of giftableSummaries([...both, ...sameRecipient, ...sameOccasion])) {
      if (items.length >= RELATED_SIZE) break;
      if (taken.has(summary.productId)) continue;
      taken.add(summary.productId);
      items.push(summary);
    }
  }
  const fromCoGifting = Math.min(coGifted.length, RELATED_SIZE);
  const source =
    fromCoGifting === items.length && items.length > 0 ? 'coGifting' : fromCoGifting > 0 ? 'mixed' : 'tags';
  return ok({ items, source });
}

export async function listSeasonal(
  _request: RequestOf<'shop', 'listSeasonal'>,
  ctx: { now: number },
): Promise<AnswerOf<'shop', 'listSeasonal'>> {
  const collections = await Promise.all(
    activeSeasons(ctx.now).map(async (season) => {
      const records = await queryProductsTagged('seasonTags', [season.seasonId], SEASONAL_SIZE * 2);
      return {
        seasonId: season.seasonId,
        label: season.label,
        title: season.title,
        subtitle: season.subtitle,
        startsAt: season.startsAt,
        endsAt: season.endsAt,
        items: giftableSummaries(records).slice(0, SEASONAL_SIZE),
      };
    }),
  );
  return ok({ collections });
}
