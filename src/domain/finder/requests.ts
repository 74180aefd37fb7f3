/** Request schemas of the finder's shop actions (ShopContract in ../contracts.ts, docs/contracts.md "shop"). */
import * as z from 'zod';
import { PRICE_BANDS, PRICE_BAND_SPECS } from './priceBands';
import { OCCASION_LABELS, OCCASION_TAGS, RECIPIENT_LABELS, RECIPIENT_TAGS } from './tags';

export const LIST_GIFT_IDEAS_DEFAULT_LIMIT = 20;
export const LIST_GIFT_IDEAS_MAX_LIMIT = 50;
export const RANKING_KINDS = ['gifted', 'risingBrands'] as const;
export type RankingKind = (typeof RANKING_KINDS)[number];

const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;
const id = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z_-]{1,64}$/);

const choices = (ids: readonly string[], labels: Readonly<Record<string, string>>): string =>
  ids.map((value) => `${value}（${labels[value] ?? value}）`).join('、');

export const listGiftIdeasRequest = z.object({
  recipient: z
    .enum(RECIPIENT_TAGS, { error: `参数错误：recipient 只能是 ${choices(RECIPIENT_TAGS, RECIPIENT_LABELS)}` })
    .optional(),
  occasion: z
    .enum(OCCASION_TAGS, { error: `参数错误：occasion 只能是 ${choices(OCCASION_TAGS, OCCASION_LABELS)}` })
    .optional(),
  priceBand: z
    .union(
      PRICE_BANDS.map((band) => z.literal(band)),
      {
        error: `参数错误：priceBand 只能是 1–6（${PRICE_BAND_SPECS.map((spec) => `${spec.band} ${spec.label}`).join('、')}）`,
      },
    )
    .optional(),
  cursor: z.string().regex(CURSOR_PATTERN).optional(),
  limit: z.number().int().min(1).max(LIST_GIFT_IDEAS_MAX_LIMIT).optional(),
});

export const giftRankingRequest = z.object({
  kind: z.enum(RANKING_KINDS, { error: '参数错误：kind 只能是 gifted（送礼排行榜）或 risingBrands（品牌飙升榜）' }),
  categoryId: id.optional(),
});

export const listRelatedRequest = z.object({ productId: id });

export const listSeasonalRequest = z.object({});
