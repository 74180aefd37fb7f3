import {
  GIFT_MAX_UNIT_PRICE_FEN,
  addFen,
  assertFen,
  fenToYuanText,
  formatFen,
  formatFenRange,
  isFen,
  multiplyFen,
  sumFen,
  yuanToFen,
} from './money';

describe('yuanToFen', () => {
  it.each([
    ['12.34', 1234],
    ['0.1', 10],
    ['0.01', 1],
    ['1', 100],
    [' 79.9 ', 7990],
    ['10000', GIFT_MAX_UNIT_PRICE_FEN],
    [12.34, 1234],
    [0.29, 29],
    [1.1, 110],
    ['-5', -500],
  ])('%p → %p fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each(['1.234', 'abc', '', '1,000', '1.', '.5', 1.005, Number.NaN, Infinity, 1e21])('rejects %p', (yuan) => {
    expect(() => yuanToFen(yuan)).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it('formats fen as yuan with two decimals', () => {
    expect(formatFen(1234)).toBe('¥12.34');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(1_000_000)).toBe('¥10000.00');
    expect(formatFen(-500)).toBe('-¥5.00');
    expect(fenToYuanText(-1)).toBe('-0.01');
  });

  it('formats a range, collapsing equal ends and ordering the ends', () => {
    expect(formatFenRange(1234, 1234)).toBe('¥12.34');
    expect(formatFenRange(100, 2500)).toBe('¥1.00 - ¥25.00');
    expect(formatFenRange(2500, 100)).toBe('¥1.00 - ¥25.00');
  });

  it('refuses fractional fen', () => {
    expect(() => formatFen(12.5)).toThrow(RangeError);
    expect(() => formatFenRange(1, 1.5)).toThrow(RangeError);
  });
});

describe('arithmetic', () => {
  it('sums and multiplies integers', () => {
    expect(sumFen([100, 250, 1])).toBe(351);
    expect(sumFen([])).toBe(0);
    expect(addFen(1, 2, 3)).toBe(6);
    expect(multiplyFen(1999, 3)).toBe(5997);
    expect(multiplyFen(1999, 0)).toBe(0);
  });

  it('throws on non-integers, bad quantities and overflow', () => {
    expect(() => sumFen([1, 0.5])).toThrow(RangeError);
    expect(() => multiplyFen(100, 1.5)).toThrow(RangeError);
    expect(() => multiplyFen(100, -1)).toThrow(RangeError);
    expect(() => multiplyFen(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });

  it('recognises fen values', () => {
    expect(isFen(1)).toBe(true);
    expect(isFen(1.5)).toBe(false);
    expect(isFen('1')).toBe(false);
    expect(() => assertFen(Number.NaN, 'price')).toThrow('price must be an integer number of fen');
  });
});
