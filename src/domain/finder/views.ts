/** Shapes the finder's shop actions answer (see ShopContract in ../contracts.ts, docs/contracts.md "shop"). */
import type { Fen } from '@domain/money';
import type { SeasonId } from './tags';

/** 送礼排行榜: the products gifted most in the last 7 days. */
export interface GiftedRankingItem {
  rank: number;
  productId: string;
  name: string;
  image: string;
  categoryId: string;
  priceMin: Fen;
  /** gifts paid for in the last 7 days */
  count: number;
}

/** 品牌飙升榜: brands whose gifts grew most week over week. */
export interface RisingBrandItem {
  rank: number;
  brand: string;
  /** the brand, as the list shows it */
  name: string;
  /** gifts of the brand paid for in the last 7 days */
  count: number;
  /** in the 7 days before */
  lastWeekCount: number;
  growth: number;
  /** the brand's most gifted product this week: its image and where a tap goes */
  productId: string;
  image: string;
}

export type GiftRanking =
  | { kind: 'gifted'; items: GiftedRankingItem[]; computedAt: number | null }
  | { kind: 'risingBrands'; items: RisingBrandItem[]; computedAt: number | null };

export interface SeasonalCollectionHead {
  seasonId: SeasonId;
  /** 春节, 情人节, … */
  label: string;
  title: string;
  subtitle: string;
  startsAt: number;
  endsAt: number;
}
