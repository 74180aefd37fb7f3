import { acceptanceScore, risingBrands, UNGIFTED_SCORE } from './stats';

describe('acceptanceScore', () => {
  it('ranks accepted above untried above refused, and trusts more gifts more', () => {
    const liked = acceptanceScore({ accepted: 2, declined: 0, expired: 0 });
    const refused = acceptanceScore({ accepted: 0, declined: 1, expired: 1 });
    expect(UNGIFTED_SCORE).toBe(0.5);
    expect(liked).toBeGreaterThan(UNGIFTED_SCORE);
    expect(refused).toBeLessThan(UNGIFTED_SCORE);
    expect(acceptanceScore({ accepted: 40, declined: 1, expired: 0 })).toBeGreaterThan(
      acceptanceScore({ accepted: 1, declined: 0, expired: 0 }),
    );
  });

  it('counts an expired gift like a declined one', () => {
    expect(acceptanceScore({ accepted: 3, declined: 2, expired: 0 })).toBe(
      acceptanceScore({ accepted: 3, declined: 0, expired: 2 }),
    );
  });
});

describe('risingBrands', () => {
  it('sums a brand’s products and keeps only brands that grew, most growth first', () => {
    const ranked = risingBrands([
      { brand: '花间集', thisWeek: 5, lastWeek: 1 },
      { brand: '花间集', thisWeek: 3, lastWeek: 2 },
      { brand: '陶然', thisWeek: 4, lastWeek: 1 },
      { brand: '安享', thisWeek: 1, lastWeek: 2 },
      { brand: '平稳', thisWeek: 2, lastWeek: 2 },
      { brand: '', thisWeek: 9, lastWeek: 0 },
    ]);
    expect(ranked).toEqual([
      { brand: '花间集', thisWeek: 8, lastWeek: 3, growth: 5 },
      { brand: '陶然', thisWeek: 4, lastWeek: 1, growth: 3 },
    ]);
  });
});
