/**
 * The real bundled `wishlist` function with `gift` (createGift from a shared list), `payCallback`,
 * `giftExpiry` and `refundCallback` through the local cloud: only the owner edits, a shared list
 * reveals no gifter, `beingGifted` follows the gift (paid → true; declined or refunded on expiry →
 * false), a gift from a list is a normal gift in every rule, and bad input changes nothing.
 */
import { HOUR_MS, MINUTE_MS } from '@domain/clock';
import type { Result } from '@domain/result';
import type { MyWishlist, SharedWishlist, WishlistShare } from '@domain/wishlist/rules';
import { FRIEND, GIVER, giftTools, RECIPIENT, RECIPIENT_ADDRESS } from './gift-support';
import { startFunctionsHarness, type FunctionsHarness } from './harness';

jest.setTimeout(180_000);

/** The wish list's owner is the gifts' recipient. */
const OWNER = RECIPIENT;
const THIRD = 'dev-merchant';

let harness: FunctionsHarness;
let t: ReturnType<typeof giftTools>;
let share: WishlistShare;

const wishlist = <T = MyWishlist>(event: Record<string, unknown>, openid: string = OWNER) =>
  harness.call<Result<T>>('wishlist', event, openid);

async function okWishlist<T = MyWishlist>(event: Record<string, unknown>, openid: string = OWNER): Promise<T> {
  const answer = await wishlist<T>(event, openid);
  if (!answer.ok) throw new Error(`${JSON.stringify(event)} as ${openid}: ${answer.code} ${answer.message}`);
  return answer.data;
}

const open = (openid: string = FRIEND) => okWishlist<SharedWishlist>({ action: 'open', token: share.token }, openid);
const wishOf = (list: SharedWishlist, skuId: string) => list.items.find((item) => item.skuId === skuId);
const wishlistDocs = () => harness.cloud.db.find('wishlists', {});

/** createGift from the shared list as `giver`, then pay it; returns the gift's share token too. */
async function paidGiftFromList(skuId: string, giver: string) {
  const created = await t.okGift<{ giftId: string; outTradeNo: string }>(
    { action: 'createGift', skuId, greeting: '你心愿单里的礼物', wishlistToken: share.token },
    giver,
  );
  expect((await t.pay(created.outTradeNo)).notified).toBe(true);
  const view = await t.okGift<{ sharePath: string }>({ action: 'getGift', giftId: created.giftId }, giver);
  const token = new URLSearchParams(view.sharePath.split('?')[1]).get('token') ?? '';
  return { ...created, token };
}

beforeAll(async () => {
  harness = await startFunctionsHarness({
    functions: ['wishlist', 'gift', 'giftExpiry', 'refundCallback', 'payCallback', 'order', 'user'],
  });
  t = giftTools(harness);
});

afterAll(async () => {
  await harness?.stop();
});

describe('the owner keeps her list', () => {
  it('starts empty without writing anything', async () => {
    expect(await okWishlist({ action: 'mine' })).toEqual({
      items: [],
      preferences: { categories: [], sizes: '', likes: '', dislikes: '' },
    });
    expect(wishlistDocs()).toHaveLength(0);
  });

  it('adds SKUs with a note (newest first, current price and giftability), and adding again edits the note', async () => {
    await okWishlist({ action: 'add', skuId: 'home-aroma-sku01', note: '  想要薰衣草味  ' });
    await okWishlist({ action: 'add', skuId: 'home-mug-sku01' });
    await okWishlist({ action: 'add', skuId: 'digital-camera-sku01', note: '梦想' });
    const mine = await okWishlist({ action: 'add', skuId: 'jewellery-necklace-sku01' });
    expect(mine.items.map((item) => item.skuId)).toEqual([
      'jewellery-necklace-sku01',
      'digital-camera-sku01',
      'home-mug-sku01',
      'home-aroma-sku01',
    ]);
    expect(mine.items[3]).toMatchObject({
      productId: 'home-aroma',
      note: '想要薰衣草味',
      price: expect.any(Number),
      giftable: true,
      giftBlockedReason: null,
    });
    expect(mine.items[1]).toMatchObject({ giftable: false, giftBlockedReason: { code: 'GIFT.PRICE_TOO_HIGH' } });
    expect(mine.items[0]).toMatchObject({
      giftable: false,
      giftBlockedReason: { code: 'GIFT.CATEGORY_NOT_GIFTABLE' },
    });

    const edited = await okWishlist({ action: 'add', skuId: 'home-mug-sku01', note: '白色的' });
    expect(edited.items).toHaveLength(4);
    expect(edited.items[2]).toMatchObject({ skuId: 'home-mug-sku01', note: '白色的' });
    expect(wishlistDocs()).toHaveLength(1);
  });

  it('saves preferences with text hygiene and shows the categories by name', async () => {
    const saved = await okWishlist({
      action: 'savePreferences',
      categoryIds: ['flowers', 'home', 'flowers'],
      sizes: ' 衣服M码，鞋38码 ',
      likes: '香薰、绿植',
      dislikes: '不吃甜食\u200B',
    });
    expect(saved.preferences).toEqual({
      categories: [
        { categoryId: 'flowers', name: expect.stringMatching(/[\u4e00-\u9fa5]/) },
        { categoryId: 'home', name: expect.stringMatching(/[\u4e00-\u9fa5]/) },
      ],
      sizes: '衣服M码，鞋38码',
      likes: '香薰、绿植',
      dislikes: '不吃甜食\u200B',
    });
    expect(saved.items).toHaveLength(4);
  });

  it('shares one unguessable token, the same each time', async () => {
    share = await okWishlist<WishlistShare>({ action: 'share' });
    expect(share.token).toMatch(/^[0-9a-f]{32}$/);
    expect(share.sharePath).toBe(`/packages/wishlist/pages/shared/index?token=${share.token}`);
    expect(await okWishlist<WishlistShare>({ action: 'share' })).toEqual(share);
  });

  it('removes a wish', async () => {
    await okWishlist({ action: 'add', skuId: 'flowers-roses-sku01' });
    const after = await okWishlist({ action: 'remove', skuId: 'flowers-roses-sku01' });
    expect(after.items.map((item) => item.skuId)).not.toContain('flowers-roses-sku01');
    expect(after.items).toHaveLength(4);
  });
});

describe('bad input answers a code and changes nothing', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['an unknown SKU', { action: 'add', skuId: 'nope-sku01' }, 'WISHLIST.SKU_NOT_FOUND'],
    [
      'a 51-character note',
      { action: 'add', skuId: 'home-aroma-sku01', note: '想'.repeat(51) },
      'WISHLIST.NOTE_TOO_LONG',
    ],
    [
      'a note with a control character',
      { action: 'add', skuId: 'home-aroma-sku01', note: 'a\u0007b' },
      'WISHLIST.NOTE_INVALID',
    ],
    ['a malformed SKU id', { action: 'add', skuId: '../x' }, 'COMMON.INVALID_ARGUMENT'],
    ['removing what is not there', { action: 'remove', skuId: 'home-blanket-sku01' }, 'WISHLIST.NOT_IN_LIST'],
    [
      'an unknown category',
      { action: 'savePreferences', categoryIds: ['no-such-category'] },
      'WISHLIST.CATEGORY_NOT_FOUND',
    ],
    [
      'eleven categories',
      { action: 'savePreferences', categoryIds: Array.from({ length: 11 }, (_, i) => `c${i}`) },
      'WISHLIST.TOO_MANY_CATEGORIES',
    ],
    [
      'a 51-character dislike',
      { action: 'savePreferences', categoryIds: [], dislikes: '甜'.repeat(51) },
      'WISHLIST.PREFERENCE_TOO_LONG',
    ],
    [
      'a line break in sizes',
      { action: 'savePreferences', categoryIds: [], sizes: 'M\nL' },
      'WISHLIST.PREFERENCE_INVALID',
    ],
    ['preferences without categoryIds', { action: 'savePreferences', likes: '花' }, 'COMMON.INVALID_ARGUMENT'],
    ['an unknown action', { action: 'clear' }, 'COMMON.UNKNOWN_ACTION'],
  ];

  it.each(cases)('%s', async (_name, event, code) => {
    const before = wishlistDocs();
    const answer = await wishlist(event);
    expect(answer).toMatchObject({ ok: false, code });
    if (!answer.ok) expect(answer.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(wishlistDocs()).toEqual(before);
  });

  it('opening with a wrong or malformed token says only that the link is invalid', async () => {
    for (const token of ['0'.repeat(32), 'not-a-token', '', share.token.toUpperCase()]) {
      expect(await wishlist({ action: 'open', token }, FRIEND)).toMatchObject({
        ok: false,
        code: 'WISHLIST.NOT_FOUND',
      });
    }
  });
});

describe('only the owner edits', () => {
  it("another user's add, remove and preferences touch only their own list", async () => {
    const ownerBefore = await okWishlist({ action: 'mine' });
    expect(await wishlist({ action: 'remove', skuId: 'home-aroma-sku01' }, FRIEND)).toMatchObject({
      ok: false,
      code: 'WISHLIST.NOT_IN_LIST',
    });
    // a list id or token in the request is refused, not used
    for (const extra of [{ token: share.token }, { ownerOpenid: OWNER }, { wishlistId: 'x' }]) {
      expect(await wishlist({ action: 'remove', skuId: 'home-aroma-sku01', ...extra }, FRIEND)).toMatchObject({
        ok: false,
        code: 'COMMON.INVALID_ARGUMENT',
      });
      expect(await wishlist({ action: 'add', skuId: 'home-blanket-sku01', ...extra }, FRIEND)).toMatchObject({
        ok: false,
        code: 'COMMON.INVALID_ARGUMENT',
      });
    }
    const friends = await okWishlist({ action: 'add', skuId: 'home-blanket-sku01' }, FRIEND);
    expect(friends.items.map((item) => item.skuId)).toEqual(['home-blanket-sku01']);
    await okWishlist({ action: 'savePreferences', categoryIds: [], likes: '咖啡' }, FRIEND);
    expect(await okWishlist({ action: 'mine' })).toEqual(ownerBefore);
    expect((await open()).items.map((item) => item.skuId)).toEqual(ownerBefore.items.map((item) => item.skuId));
  });

  it('a friend opens the list read-only: wishes, preferences and the owner nickname', async () => {
    const shared = await open();
    expect(shared).toMatchObject({ ownerNickname: '小红', isOwner: false });
    expect(shared.items).toHaveLength(4);
    expect(shared.items.every((item) => item.beingGifted === false)).toBe(true);
    expect(shared.preferences.dislikes).toBe('不吃甜食\u200B');
    expect(JSON.stringify(shared)).not.toContain(OWNER);
  });
});

describe('beingGifted follows the gifts sent from the list', () => {
  /** Everything the giver, the owner and a third friend see, scanned for who is gifting. */
  const seenByOthers: unknown[] = [];

  it('is true once a gift from the list is paid, for friends only, and never says who', async () => {
    const created = await t.okGift<{ giftId: string; outTradeNo: string }>(
      { action: 'createGift', skuId: 'home-aroma-sku01', greeting: '送你心愿', wishlistToken: share.token },
      GIVER,
    );
    // unpaid is not being gifted yet
    expect(wishOf(await open(THIRD), 'home-aroma-sku01')?.beingGifted).toBe(false);
    expect(t.giftDoc(created.giftId)).toMatchObject({
      wishlistId: wishlistDocs().find((d: any) => d.ownerOpenid === OWNER)._id,
    });
    await t.pay(created.outTradeNo);

    const third = await open(THIRD);
    expect(wishOf(third, 'home-aroma-sku01')?.beingGifted).toBe(true);
    expect(wishOf(third, 'home-mug-sku01')?.beingGifted).toBe(false);
    seenByOthers.push(third, await open(GIVER));

    // the owner learns nothing: no such field in her list, and her own link marks nothing
    const mine = await okWishlist({ action: 'mine' });
    expect(JSON.stringify(mine)).not.toContain('beingGifted');
    const ownView = await open(OWNER);
    expect(ownView.isOwner).toBe(true);
    expect(ownView.items.every((item) => !item.beingGifted)).toBe(true);
    seenByOthers.push(mine, ownView);

    for (const answer of seenByOthers) {
      const text = JSON.stringify(answer);
      for (const secret of [GIVER, '小明', created.giftId, 'giver', 'gift"']) expect(text).not.toContain(secret);
    }
  });

  it('a second friend cannot send the same wish, and nothing is written', async () => {
    const before = { counts: t.counts(), payments: (await t.ledger()).payments.length };
    expect(
      await t.gift(
        { action: 'createGift', skuId: 'home-aroma-sku01', greeting: '我也送', wishlistToken: share.token },
        THIRD,
      ),
    ).toMatchObject({ ok: false, code: 'WISHLIST.ALREADY_BEING_GIFTED' });
    expect(t.counts()).toEqual(before.counts);
    expect((await t.ledger()).payments).toHaveLength(before.payments);
  });

  it('is false again after the owner declines it', async () => {
    const gift = await paidGiftFromList('home-mug-sku01', THIRD);
    expect(wishOf(await open(), 'home-mug-sku01')?.beingGifted).toBe(true);
    await t.okGift({ action: 'declineGift', giftId: gift.giftId, token: gift.token }, OWNER);
    expect(wishOf(await open(), 'home-mug-sku01')?.beingGifted).toBe(false);
  });

  it('is false again once an unaccepted gift expires and is refunded after 24 h', async () => {
    const gift = await paidGiftFromList('home-mug-sku01', FRIEND);
    expect(wishOf(await open(THIRD), 'home-mug-sku01')?.beingGifted).toBe(true);
    await harness.cloud.clock.advance(24 * HOUR_MS + MINUTE_MS);
    await harness.cloud.clock.advance(2_000);
    expect(t.giftDoc(gift.giftId).status).toBe('refundedOnExpiry');
    expect(await t.refundsFor(gift.outTradeNo)).toHaveLength(1);
    expect(wishOf(await open(THIRD), 'home-mug-sku01')?.beingGifted).toBe(false);
  });

  it('stays true once the owner accepts it; a wish removed and added again is free', async () => {
    // the first gift (home-aroma) expired with the clock above: send it again and accept it
    expect(wishOf(await open(), 'home-aroma-sku01')?.beingGifted).toBe(false);
    const gift = await paidGiftFromList('home-aroma-sku01', GIVER);
    await t.okGift({ action: 'acceptGift', giftId: gift.giftId, token: gift.token, address: RECIPIENT_ADDRESS }, OWNER);
    expect(wishOf(await open(), 'home-aroma-sku01')?.beingGifted).toBe(true);
    await okWishlist({ action: 'remove', skuId: 'home-aroma-sku01' });
    await harness.cloud.clock.advance(1_000);
    await okWishlist({ action: 'add', skuId: 'home-aroma-sku01' });
    expect(wishOf(await open(), 'home-aroma-sku01')?.beingGifted).toBe(false);
  });
});

describe('a gift from a wish list is a normal gift in every rule', () => {
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['above the ¥10,000 cap', { skuId: 'digital-camera-sku01' }, GIVER, 'GIFT.PRICE_TOO_HIGH'],
    ['an excluded category', { skuId: 'jewellery-necklace-sku01' }, GIVER, 'GIFT.CATEGORY_NOT_GIFTABLE'],
    ['quantity 2', { skuId: 'home-mug-sku01', quantity: 2 }, GIVER, 'GIFT.QUANTITY_MUST_BE_ONE'],
    ['a SKU not in the list', { skuId: 'home-blanket-sku01' }, GIVER, 'WISHLIST.NOT_IN_LIST'],
    ['the owner herself', { skuId: 'home-mug-sku01' }, OWNER, 'WISHLIST.OWN_WISHLIST'],
    ['a wrong token', { skuId: 'home-mug-sku01', wishlistToken: 'f'.repeat(32) }, GIVER, 'WISHLIST.NOT_FOUND'],
  ];

  it.each(cases)('%s is refused with nothing written', async (_name, request, giver, code) => {
    const before = { counts: t.counts(), payments: (await t.ledger()).payments.length };
    const answer = await t.gift(
      { action: 'createGift', greeting: '心愿', wishlistToken: share.token, ...request },
      giver,
    );
    expect(answer).toMatchObject({ ok: false, code });
    expect(t.counts()).toEqual(before.counts);
    expect((await t.ledger()).payments).toHaveLength(before.payments);
  });

  it('the friend sees why such wishes cannot be gifted', async () => {
    const shared = await open();
    expect(wishOf(shared, 'digital-camera-sku01')).toMatchObject({
      giftable: false,
      giftBlockedReason: { code: 'GIFT.PRICE_TOO_HIGH', message: expect.stringMatching(/10,000/) },
    });
    expect(wishOf(shared, 'jewellery-necklace-sku01')).toMatchObject({
      giftable: false,
      giftBlockedReason: { code: 'GIFT.CATEGORY_NOT_GIFTABLE' },
    });
  });
});
