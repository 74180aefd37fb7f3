/**
 * Money is integer fen (分) everywhere: in documents, in contracts, in payment calls. Yuan only
 * appears in text for people (formatFen) and in catalogue input (yuanToFen). Every helper refuses
 * non-integers instead of rounding them away, because a fraction of a fen means a bug upstream.
 */
/** An amount of money in fen (分): always a safe integer (see isFen / assertFen). */
export type Fen = number;

/** ¥10,000: the highest unit price a gift may have (gift rules). */
export const GIFT_MAX_UNIT_PRICE_FEN: Fen = 1_000_000;

export const isFen = (value: unknown): value is Fen => typeof value === 'number' && Number.isSafeInteger(value);

/** Throws for a broken invariant: an amount that is not a safe integer number of fen. */
export function assertFen(value: unknown, label = 'amount'): asserts value is Fen {
  if (!isFen(value)) throw new RangeError(`${label} must be an integer number of fen, got ${String(value)}`);
}

const checkedResult = (value: number, operation: string): Fen => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${operation} overflows the safe integer range`);
  return value;
};

/**
 * '12.34' | 12.34 → 1234. Parses the decimal text, not the float, so 0.1 + 0.2 style errors
 * cannot creep in; more than two decimals is an error rather than a silent rounding.
 */
export function yuanToFen(yuan: number | string): Fen {
  const text = typeof yuan === 'number' ? yuanNumberToText(yuan) : yuan.trim();
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new RangeError(`not a yuan amount with at most two decimals: ${String(yuan)}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return checkedResult(sign ? -fen : fen, 'yuanToFen');
}

const yuanNumberToText = (yuan: number): string => {
  if (!Number.isFinite(yuan)) throw new RangeError(`not a yuan amount: ${yuan}`);
  // toFixed(2) would round 1.005; compare against the shortest representation instead.
  const shortest = String(yuan);
  if (/e/i.test(shortest)) throw new RangeError(`yuan amount out of range: ${shortest}`);
  return shortest;
};

/** 1234 → '12.34' (no currency sign). */
export function fenToYuanText(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** 1234 → '¥12.34'; -500 → '-¥5.00'. */
export function formatFen(fen: Fen): string {
  const text = fenToYuanText(fen);
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

/** A price range for product cards: '¥12.34' when both ends agree, else '¥12.34 - ¥56.00'. */
export function formatFenRange(minFen: Fen, maxFen: Fen): string {
  assertFen(minFen, 'minFen');
  assertFen(maxFen, 'maxFen');
  const [low, high] = minFen <= maxFen ? [minFen, maxFen] : [maxFen, minFen];
  return low === high ? formatFen(low) : `${formatFen(low)} - ${formatFen(high)}`;
}

/** Sum of integer amounts; throws if any is not an integer or the sum leaves the safe range. */
export function sumFen(amounts: readonly Fen[]): Fen {
  let total = 0;
  for (const amount of amounts) {
    assertFen(amount);
    total = checkedResult(total + amount, 'sumFen');
  }
  return total;
}

export const addFen = (...amounts: Fen[]): Fen => sumFen(amounts);

/** unit price × quantity, where quantity is a non-negative integer count. */
export function multiplyFen(unitFen: Fen, quantity: number): Fen {
  assertFen(unitFen, 'unitFen');
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new RangeError(`quantity must be a non-negative integer, got ${String(quantity)}`);
  }
  return checkedResult(unitFen * quantity, 'multiplyFen');
}
