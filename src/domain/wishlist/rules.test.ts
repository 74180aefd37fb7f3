import { ERROR_MESSAGES } from '@domain/errorCatalogue';
import {
  BEING_GIFTED_REASON,
  checkPreferences,
  checkWishNote,
  friendWishAction,
  isWishBeingGifted,
  isWishlistTokenFormat,
  PREFERRED_CATEGORIES_MAX,
  wishlistRequestSchemas,
  wishlistSharePath,
  WISH_NOTE_MAX_CHARS,
} from './rules';
import { WishlistErrors } from './errors';

describe('isWishBeingGifted', () => {
  const wish = { skuId: 's1', addedAt: 1_000 };
  const gift = (status: Parameters<typeof isWishBeingGifted>[1][number]['status'], extra = {}) => ({
    skuId: 's1',
    status,
    createdAt: 2_000,
    ...extra,
  });

  it.each(['waiting', 'accepted'] as const)('a paid gift that is %s takes the wish', (status) => {
    expect(isWishBeingGifted(wish, [gift(status)])).toBe(true);
  });

  it.each([
    'pendingPayment',
    'cancelled',
    'declined',
    'refundingOnDecline',
    'refundedOnDecline',
    'expired',
    'refundingOnExpiry',
    'refundedOnExpiry',
  ] as const)('a gift that is %s leaves the wish free', (status) => {
    expect(isWishBeingGifted(wish, [gift(status)])).toBe(false);
  });

  it('only counts gifts of the same SKU created since the wish was added', () => {
    expect(isWishBeingGifted(wish, [gift('waiting', { skuId: 's2' })])).toBe(false);
    expect(isWishBeingGifted(wish, [gift('accepted', { createdAt: 999 })])).toBe(false);
    expect(isWishBeingGifted(wish, [gift('declined'), gift('waiting', { createdAt: 1_000 })])).toBe(true);
    expect(isWishBeingGifted(wish, [])).toBe(false);
  });
});

describe('checkWishNote', () => {
  it('cleans the note and treats blank as none', () => {
    expect(checkWishNote('  要白色的 ')).toEqual({ ok: true, data: '要白色的' });
    expect(checkWishNote(undefined)).toEqual({ ok: true, data: '' });
    expect(checkWishNote(' \u200B ')).toEqual({ ok: true, data: '' });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkWishNote('😀'.repeat(WISH_NOTE_MAX_CHARS)).ok).toBe(true);
    expect(checkWishNote('字'.repeat(WISH_NOTE_MAX_CHARS + 1))).toMatchObject({
      ok: false,
      code: 'WISHLIST.NOTE_TOO_LONG',
    });
  });

  it('refuses control characters, line breaks and broken characters with a message naming the field', () => {
    for (const bad of ['a\u0000b', '第一行\n第二行', 'x\uD800y']) {
      const result = checkWishNote(bad);
      expect(result).toMatchObject({ ok: false, code: 'WISHLIST.NOTE_INVALID' });
      if (!result.ok) expect(result.message).toMatch(/^备注/);
    }
  });
});

describe('checkPreferences', () => {
  it('de-duplicates categories and cleans the texts', () => {
    expect(
      checkPreferences({ categoryIds: ['food', 'home', 'food'], sizes: ' M码 ', likes: '花', dislikes: '不吃甜食' }),
    ).toEqual({ ok: true, data: { categoryIds: ['food', 'home'], sizes: 'M码', likes: '花', dislikes: '不吃甜食' } });
    expect(checkPreferences({})).toEqual({ ok: true, data: { categoryIds: [], sizes: '', likes: '', dislikes: '' } });
  });

  it('refuses too many categories, over-long or flawed texts, naming the field', () => {
    const many = Array.from({ length: PREFERRED_CATEGORIES_MAX + 1 }, (_, i) => `c${i}`);
    expect(checkPreferences({ categoryIds: many })).toMatchObject({ code: 'WISHLIST.TOO_MANY_CATEGORIES' });
    expect(checkPreferences({ sizes: 'M'.repeat(31) })).toMatchObject({
      code: 'WISHLIST.PREFERENCE_TOO_LONG',
      message: '「尺码」不能超过30个字',
    });
    expect(checkPreferences({ dislikes: '甜\u0007' })).toMatchObject({
      code: 'WISHLIST.PREFERENCE_INVALID',
      message: expect.stringMatching(/^不喜欢/),
    });
  });
});

describe('friendWishAction', () => {
  it('being gifted wins over everything and says why the wish cannot be picked', () => {
    expect(friendWishAction({ beingGifted: true, giftable: true, giftBlockedReason: null })).toEqual({
      kind: 'beingGifted',
      label: '已有好友准备',
      reason: BEING_GIFTED_REASON,
    });
  });

  it('a wish that cannot be gifted carries its reason; otherwise 送给TA', () => {
    const reason = { code: 'GIFT.PRICE_TOO_HIGH', message: '单价超过¥10,000的商品不支持送礼' };
    expect(friendWishAction({ beingGifted: false, giftable: false, giftBlockedReason: reason })).toEqual({
      kind: 'blocked',
      reason: reason.message,
    });
    expect(friendWishAction({ beingGifted: false, giftable: true, giftBlockedReason: null })).toEqual({ kind: 'gift' });
  });
});

describe('tokens, paths, schemas and codes', () => {
  it('shares through the route table with a 32-hex token', () => {
    const token = 'ab'.repeat(16);
    expect(isWishlistTokenFormat(token)).toBe(true);
    expect(isWishlistTokenFormat('AB'.repeat(16))).toBe(false);
    expect(wishlistSharePath(token)).toBe(`/packages/wishlist/pages/shared/index?token=${token}`);
  });

  it('refuses keys a request must not carry (a list is only ever the caller’s own)', () => {
    expect(wishlistRequestSchemas.remove.safeParse({ skuId: 's1', token: 'x' }).success).toBe(false);
    expect(wishlistRequestSchemas.mine.safeParse({ ownerOpenid: 'o' }).success).toBe(false);
    expect(wishlistRequestSchemas.add.safeParse({ skuId: 's1', note: '白色' }).success).toBe(true);
  });

  it('every WISHLIST code is in the catalogue with a Chinese message', () => {
    for (const spec of Object.values(WishlistErrors)) {
      expect(ERROR_MESSAGES.get(spec.code)).toBe(spec.message);
      expect(spec.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
