/**
 * The gift finder's six budget bands, on a giftable SKU's unit price (fen). Each band is
 * (lower, upper]: the lower edge is exclusive and the upper edge inclusive, so ¥50.00 is in band 1,
 * ¥50.01 in band 2, ¥100.00 in band 2 and ¥1,000.00 in band 5. Band 6 has no upper edge of its own;
 * the gift rule (unit price ≤ ¥10,000) bounds it.
 */
import { GIFT_MAX_UNIT_PRICE_FEN, type Fen } from '@domain/money';

export const PRICE_BANDS = [1, 2, 3, 4, 5, 6] as const;
export type PriceBand = (typeof PRICE_BANDS)[number];

export interface PriceBandSpec {
  band: PriceBand;
  /** exclusive; 0 for band 1 (a SKU costs at least ¥0.01) */
  aboveFen: Fen;
  /** inclusive; null = no edge (band 6) */
  atMostFen: Fen | null;
  label: string;
}

export const PRICE_BAND_SPECS: readonly PriceBandSpec[] = [
  { band: 1, aboveFen: 0, atMostFen: 5_000, label: '¥50以内' },
  { band: 2, aboveFen: 5_000, atMostFen: 10_000, label: '¥50–100' },
  { band: 3, aboveFen: 10_000, atMostFen: 20_000, label: '¥100–200' },
  { band: 4, aboveFen: 20_000, atMostFen: 50_000, label: '¥200–500' },
  { band: 5, aboveFen: 50_000, atMostFen: 100_000, label: '¥500–1000' },
  { band: 6, aboveFen: 100_000, atMostFen: null, label: '¥1000以上' },
];

export const priceBandSpec = (band: PriceBand): PriceBandSpec => {
  const spec = PRICE_BAND_SPECS.find((candidate) => candidate.band === band);
  if (!spec) throw new RangeError(`unknown price band ${String(band)}`);
  return spec;
};

export const isInPriceBand = (priceFen: Fen, band: PriceBand): boolean => {
  const spec = priceBandSpec(band);
  return priceFen > spec.aboveFen && (spec.atMostFen === null || priceFen <= spec.atMostFen);
};

/** The band of a price, or null for a price no band holds (≤ 0). */
export const priceBandOf = (priceFen: Fen): PriceBand | null =>
  PRICE_BAND_SPECS.find((spec) => isInPriceBand(priceFen, spec.band))?.band ?? null;

/** What the finder needs of a SKU to decide whether it can be gifted. */
export interface BandSku {
  price: Fen;
  onShelf: boolean;
}

export const isGiftableSku = (sku: BandSku): boolean => sku.onShelf && sku.price <= GIFT_MAX_UNIT_PRICE_FEN;

/**
 * The bands a product's giftable SKUs fall in, ascending, no repeats: stored on the product as
 * `giftPriceBands` (kept in step with its SKUs, like priceMin/priceMax). A category that cannot be
 * gifted has none.
 */
export function giftPriceBandsOf(categoryGiftable: boolean, skus: readonly BandSku[]): PriceBand[] {
  if (!categoryGiftable) return [];
  const bands = new Set<PriceBand>();
  for (const sku of skus) {
    if (!isGiftableSku(sku)) continue;
    const band = priceBandOf(sku.price);
    if (band !== null) bands.add(band);
  }
  return PRICE_BANDS.filter((band) => bands.has(band));
}
