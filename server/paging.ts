/**
 * Opaque page cursors for skip/limit paging: base64url of the next page's offset. The client only
 * hands back what it was given; anything else decodes to null (→ COMMON.INVALID_ARGUMENT).
 */

/** Cloud database reads are capped at 1000 documents per query; deeper skips are refused too. */
export const MAX_OFFSET = 10_000;

export const encodeCursor = (offset: number): string => Buffer.from(`o${offset}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^o(\d{1,6})$/.exec(text);
  if (!match) return null;
  const offset = Number(match[1]);
  // Re-encoding must give the same cursor: rejects padded or otherwise altered variants.
  return offset <= MAX_OFFSET && encodeCursor(offset) === cursor ? offset : null;
}
