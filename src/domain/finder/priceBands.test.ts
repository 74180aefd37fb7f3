import { GIFT_MAX_UNIT_PRICE_FEN } from '@domain/money';
import {
  giftPriceBandsOf,
  isGiftableSku,
  isInPriceBand,
  priceBandOf,
  PRICE_BAND_SPECS,
  PRICE_BANDS,
} from './priceBands';

describe('price bands: (lower, upper] in fen', () => {
  it.each([
    [1, 1],
    [5_000, 1],
    [5_001, 2],
    [10_000, 2],
    [10_001, 3],
    [20_000, 3],
    [20_001, 4],
    [50_000, 4],
    [50_001, 5],
    [100_000, 5],
    [100_001, 6],
    [GIFT_MAX_UNIT_PRICE_FEN, 6],
  ])('¥%d fen is in band %d', (price, band) => {
    expect(priceBandOf(price)).toBe(band);
    for (const other of PRICE_BANDS) expect(isInPriceBand(price, other)).toBe(other === band);
  });

  it('has no band for a price of zero or less', () => {
    expect(priceBandOf(0)).toBeNull();
    expect(priceBandOf(-100)).toBeNull();
  });

  it('covers every positive price exactly once, edges shared between neighbours', () => {
    PRICE_BAND_SPECS.forEach((spec, index) => {
      const next = PRICE_BAND_SPECS[index + 1];
      if (next) expect(next.aboveFen).toBe(spec.atMostFen);
      else expect(spec.atMostFen).toBeNull();
    });
    expect(PRICE_BAND_SPECS.map((spec) => spec.label)).toEqual([
      '¥50以内',
      '¥50–100',
      '¥100–200',
      '¥200–500',
      '¥500–1000',
      '¥1000以上',
    ]);
  });
});

describe('giftPriceBandsOf', () => {
  it('lists the bands of on-shelf SKUs within the gift limit, ascending, once each', () => {
    expect(
      giftPriceBandsOf(true, [
        { price: 150_000, onShelf: true },
        { price: 4_000, onShelf: true },
        { price: 4_500, onShelf: true },
        { price: 30_000, onShelf: false },
        { price: GIFT_MAX_UNIT_PRICE_FEN + 1, onShelf: true },
      ]),
    ).toEqual([1, 6]);
  });

  it('is empty for a category that cannot be gifted', () => {
    expect(giftPriceBandsOf(false, [{ price: 4_000, onShelf: true }])).toEqual([]);
  });

  it('a SKU at exactly ¥10,000 is giftable, one fen more is not', () => {
    expect(isGiftableSku({ price: GIFT_MAX_UNIT_PRICE_FEN, onShelf: true })).toBe(true);
    expect(isGiftableSku({ price: GIFT_MAX_UNIT_PRICE_FEN + 1, onShelf: true })).toBe(false);
  });
});
