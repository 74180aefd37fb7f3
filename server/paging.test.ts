import { MAX_OFFSET, decodeCursor, encodeCursor } from './paging';

describe('page cursors', () => {
  it('round-trips offsets as opaque url-safe text', () => {
    for (const offset of [0, 1, 20, 9999, MAX_OFFSET]) {
      const cursor = encodeCursor(offset);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor)).toBe(offset);
    }
  });

  it('rejects cursors it did not make', () => {
    expect(decodeCursor('abc')).toBeNull();
    expect(decodeCursor(Buffer.from('o-1').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from('20').toString('base64url'))).toBeNull();
    expect(decodeCursor(encodeCursor(MAX_OFFSET + 1))).toBeNull();
    expect(decodeCursor(`${encodeCursor(20)}=`)).toBeNull();
  });
});
