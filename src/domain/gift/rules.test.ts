import {
  canSwitchSku,
  CARD_STYLE_NAMES,
  CARD_STYLES,
  checkGiftDraft,
  checkGiftSku,
  checkGreeting,
  checkRecipientAction,
  checkRecipientName,
  checkSignature,
  checkSkuSwitch,
  countChars,
  GIFT_MAX_UNIT_PRICE_FEN,
  GIFT_TTL_MS,
  giftExpiresAt,
  giftOutRefundNo,
  giftOutTradeNo,
  giftRemainingMs,
  isGiftExpired,
  isGiftTokenFormat,
  sharePath,
  tokensMatch,
  type GiftAccessFacts,
  type GiftableSku,
} from './rules';

const codeOf = (result: { ok: boolean; code?: string }) => (result.ok ? 'ok' : result.code);

describe('greeting (赠言)', () => {
  it('counts Unicode code points: 100 is fine, 101 is too long, emoji count one each', () => {
    expect(checkGreeting('祝'.repeat(100))).toEqual({ ok: true, data: '祝'.repeat(100) });
    expect(codeOf(checkGreeting('祝'.repeat(101)))).toBe('GIFT.GREETING_TOO_LONG');
    expect(codeOf(checkGreeting('😀'.repeat(100)))).toBe('ok');
    expect('😀'.repeat(100).length).toBe(200); // UTF-16 units would have refused it
    expect(codeOf(checkGreeting('😀'.repeat(101)))).toBe('GIFT.GREETING_TOO_LONG');
    expect(codeOf(checkGreeting(`${'生日快乐'.repeat(24)}🎂🎉🎁a`))).toBe('ok');
    expect(codeOf(checkGreeting(`${'生日快乐'.repeat(24)}🎂🎉🎁ab`))).toBe('GIFT.GREETING_TOO_LONG');
    expect(countChars('👨‍👩‍👧')).toBe(5); // a ZWJ sequence counts its code points (documented)
  });

  it('trims before counting and storing', () => {
    expect(checkGreeting(`  ${'好'.repeat(100)}\n `)).toEqual({ ok: true, data: '好'.repeat(100) });
    expect(checkGreeting('第一行\n第二行')).toEqual({ ok: true, data: '第一行\n第二行' });
  });

  it.each([[''], ['   '], ['\n\t '], ['\u3000\u3000'], ['\u200B\u200D\uFEFF'], [undefined], [42]])(
    'refuses an empty or whitespace-only greeting %j',
    (greeting) => {
      expect(codeOf(checkGreeting(greeting))).toBe('GIFT.GREETING_EMPTY');
    },
  );

  it('reports the current length in the too-long message', () => {
    const result = checkGreeting('a'.repeat(120));
    expect(result).toEqual({
      ok: false,
      code: 'GIFT.GREETING_TOO_LONG',
      message: '赠言不能超过100个字（当前120个字）',
    });
  });
});

describe('text hygiene of the card', () => {
  it.each([
    ['U+2063', '\u2063\u2063'],
    ['U+00AD', '\u00AD'],
    ['U+3164', '\u3164\u3164'],
    ['U+180E', '\u180E'],
    ['U+2800', '\u2800'],
    ['bidi marks', '\u200E\u200F\u202E\u2066\u2069'],
    ['variation selectors', '\uFE0F\uFE0F'],
  ])('a greeting made only of %s is empty', (_name, greeting) => {
    expect(checkGreeting(greeting)).toMatchObject({ ok: false, code: 'GIFT.GREETING_EMPTY' });
    expect(checkRecipientName(greeting)).toEqual({ ok: true, data: undefined });
  });

  it.each([
    ['NUL', '生日\u0000快乐'],
    ['a lone surrogate', '生日快乐\uD800'],
    ['a C1 control', '生日\u009B快乐'],
    ['a noncharacter', '生日\uFFFF'],
  ])('refuses a greeting with %s, naming the field', (_name, greeting) => {
    const result = checkGreeting(greeting);
    expect(result).toMatchObject({ ok: false, code: 'GIFT.GREETING_INVALID' });
    expect(result.ok || result.message).toMatch(/^赠言/);
  });

  it('refuses refused characters and line breaks in the one-line card texts', () => {
    expect(checkRecipientName('小\u0000红')).toMatchObject({ ok: false, code: 'GIFT.RECIPIENT_NAME_INVALID' });
    expect(checkSignature('小\n明')).toMatchObject({ ok: false, code: 'GIFT.SIGNATURE_INVALID' });
    expect(checkSignature('\uDFFF')).toMatchObject({ ok: false, code: 'GIFT.SIGNATURE_INVALID' });
    expect(checkGiftDraft({ greeting: '好', recipientName: '\u0007' })).toMatchObject({
      ok: false,
      code: 'GIFT.RECIPIENT_NAME_INVALID',
    });
  });

  it('keeps line breaks in the greeting and stores NFC text with emoji and CJK', () => {
    expect(checkGreeting(' 生日快乐🎂\r\n天天开心 Cafe\u0301 ❤️ ')).toEqual({
      ok: true,
      data: '生日快乐🎂\n天天开心 Caf\u00E9 ❤️',
    });
    expect(checkSignature(' 小明 👋 ')).toEqual({ ok: true, data: '小明 👋' });
  });
});

describe('card lines and draft', () => {
  it('recipientName and signature: at most 10 characters, blank means absent', () => {
    expect(checkRecipientName('小'.repeat(10))).toEqual({ ok: true, data: '小'.repeat(10) });
    expect(codeOf(checkRecipientName('小'.repeat(11)))).toBe('GIFT.RECIPIENT_NAME_TOO_LONG');
    expect(checkRecipientName('   ')).toEqual({ ok: true, data: undefined });
    expect(checkRecipientName(undefined)).toEqual({ ok: true, data: undefined });
    expect(checkSignature(' 爱你的小明 ')).toEqual({ ok: true, data: '爱你的小明' });
    expect(codeOf(checkSignature('🌸'.repeat(11)))).toBe('GIFT.SIGNATURE_TOO_LONG');
  });

  it('has four card styles with Chinese names', () => {
    expect([...CARD_STYLES]).toEqual(['classic', 'birthday', 'thanks', 'festival']);
    for (const style of CARD_STYLES) expect(CARD_STYLE_NAMES[style]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('normalises a draft and defaults the card style', () => {
    expect(checkGiftDraft({ greeting: ' 生日快乐 ', signature: '  ', recipientName: '阿花' })).toEqual({
      ok: true,
      data: { greeting: '生日快乐', recipientName: '阿花', cardStyle: 'classic', quantity: 1 },
    });
    expect(checkGiftDraft({ greeting: 'hi', cardStyle: 'birthday', quantity: 1 })).toMatchObject({
      ok: true,
      data: { cardStyle: 'birthday' },
    });
  });

  it('refuses quantity other than 1 and unknown card styles with their codes', () => {
    expect(codeOf(checkGiftDraft({ greeting: 'hi', quantity: 2 }))).toBe('GIFT.QUANTITY_MUST_BE_ONE');
    expect(codeOf(checkGiftDraft({ greeting: 'hi', quantity: 0 }))).toBe('GIFT.QUANTITY_MUST_BE_ONE');
    expect(codeOf(checkGiftDraft({ greeting: 'hi', quantity: '1' }))).toBe('GIFT.QUANTITY_MUST_BE_ONE');
    expect(codeOf(checkGiftDraft({ greeting: 'hi', cardStyle: 'gold' }))).toBe('GIFT.INVALID_CARD_STYLE');
    expect(codeOf(checkGiftDraft({ greeting: ' ' }))).toBe('GIFT.GREETING_EMPTY');
  });
});

const sku = (overrides: Partial<GiftableSku> = {}): GiftableSku => ({
  skuId: 'sku-1',
  productId: 'p-1',
  price: 9_900,
  stock: 5,
  onShelf: true,
  giftable: true,
  ...overrides,
});

describe('which SKUs can be gifted', () => {
  it('allows up to 1,000,000 fen and refuses 1,000,001', () => {
    expect(GIFT_MAX_UNIT_PRICE_FEN).toBe(1_000_000);
    expect(codeOf(checkGiftSku(sku({ price: 1_000_000 })))).toBe('ok');
    expect(checkGiftSku(sku({ price: 1_000_001 }))).toEqual({
      ok: false,
      code: 'GIFT.PRICE_TOO_HIGH',
      message: '单价超过¥10,000的商品不支持送礼',
    });
  });

  it('refuses non-giftable categories, off-shelf, sold-out and missing SKUs with distinct codes', () => {
    expect(codeOf(checkGiftSku(sku({ giftable: false })))).toBe('GIFT.CATEGORY_NOT_GIFTABLE');
    expect(codeOf(checkGiftSku(sku({ onShelf: false })))).toBe('GIFT.SKU_OFF_SHELF');
    expect(codeOf(checkGiftSku(sku({ stock: 0 })))).toBe('GIFT.OUT_OF_STOCK');
    expect(codeOf(checkGiftSku(null))).toBe('GIFT.SKU_NOT_FOUND');
  });
});

describe('switching SKU', () => {
  const original = { skuId: 'sku-1', productId: 'p-1', unitPrice: 9_900 };

  it('allows another SKU of the same product at the same price, in stock, on shelf', () => {
    expect(checkSkuSwitch(original, sku({ skuId: 'sku-2' }))).toEqual({
      ok: true,
      data: { skuId: 'sku-2', switched: true },
    });
    expect(canSwitchSku(original, sku({ skuId: 'sku-2' }))).toBe(true);
    expect(checkSkuSwitch(original, sku({ stock: 0 }))).toEqual({
      ok: true,
      data: { skuId: 'sku-1', switched: false },
    });
  });

  it.each([
    ['another product', sku({ skuId: 'sku-9', productId: 'p-2' })],
    ['a different price', sku({ skuId: 'sku-2', price: 9_901 })],
    ['sold out', sku({ skuId: 'sku-2', stock: 0 })],
    ['off shelf', sku({ skuId: 'sku-2', onShelf: false })],
  ])('refuses %s', (_label, candidate) => {
    expect(codeOf(checkSkuSwitch(original, candidate))).toBe('GIFT.SKU_SWITCH_NOT_ALLOWED');
    expect(canSwitchSku(original, candidate)).toBe(false);
  });

  it('refuses a SKU that does not exist', () => {
    expect(codeOf(checkSkuSwitch(original, null))).toBe('GIFT.SKU_NOT_FOUND');
  });
});

describe('time, payment numbers and share path', () => {
  const paidAt = Date.UTC(2026, 10, 25, 2, 0, 0);

  it('expires exactly 24 h after payment', () => {
    expect(GIFT_TTL_MS).toBe(86_400_000);
    const expiresAt = giftExpiresAt(paidAt);
    expect(expiresAt - paidAt).toBe(86_400_000);
    expect(isGiftExpired(expiresAt, expiresAt - 1)).toBe(false);
    expect(isGiftExpired(expiresAt, expiresAt)).toBe(true);
    expect(giftRemainingMs(expiresAt, expiresAt - 5_000)).toBe(5_000);
    expect(giftRemainingMs(expiresAt, expiresAt + 5_000)).toBe(0);
  });

  it('derives a stable out_refund_no within WeChat limits', () => {
    const giftId = 'g20261125abcdef0123456789ABCDE'; // 30 characters
    expect(giftOutTradeNo(giftId)).toBe(`G${giftId}`);
    expect(giftOutRefundNo(giftId)).toBe(giftOutRefundNo(giftId));
    expect(giftOutRefundNo(giftId)).not.toBe(giftOutTradeNo(giftId));
    expect(giftOutRefundNo(giftId).length).toBeLessThanOrEqual(64);
    expect(giftOutRefundNo(giftId)).toMatch(/^[0-9A-Za-z_-]+$/);
    expect(giftOutRefundNo('other')).not.toBe(giftOutRefundNo(giftId));
  });

  it('builds the share path of the receive page', () => {
    const token = '0123456789abcdef0123456789abcdef';
    expect(sharePath('g1', token)).toBe(`/packages/gift/pages/receive/index?giftId=g1&token=${token}`);
  });

  it('validates token format and compares tokens', () => {
    const token = 'a'.repeat(32);
    expect(isGiftTokenFormat(token)).toBe(true);
    expect(isGiftTokenFormat('A'.repeat(32))).toBe(false);
    expect(isGiftTokenFormat('a'.repeat(31))).toBe(false);
    expect(isGiftTokenFormat(undefined)).toBe(false);
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(token, `${'a'.repeat(31)}b`)).toBe(false);
    expect(tokensMatch(token, undefined)).toBe(false);
  });
});

describe('recipient actions', () => {
  const token = '0123456789abcdef0123456789abcdef';
  const now = Date.UTC(2026, 10, 25, 3, 0, 0);
  const gift = (overrides: Partial<GiftAccessFacts> = {}): GiftAccessFacts => ({
    status: 'waiting',
    giverOpenid: 'giver',
    token,
    expiresAt: now + 60_000,
    ...overrides,
  });
  const friend = { openid: 'friend', token };

  it('lets a friend with the right token accept or decline a waiting gift', () => {
    expect(checkRecipientAction(gift(), friend, 'accept', now)).toEqual({ ok: true, data: 'accepted' });
    expect(checkRecipientAction(gift(), friend, 'decline', now)).toEqual({ ok: true, data: 'declined' });
    expect(checkRecipientAction(gift({ status: 'accepted' }), friend, 'open', now)).toEqual({
      ok: true,
      data: 'accepted',
    });
  });

  it('answers each refusal with its own code', () => {
    const cases: Array<[string, ReturnType<typeof checkRecipientAction>]> = [
      ['GIFT.INVALID_TOKEN', checkRecipientAction(gift(), { openid: 'friend' }, 'accept', now)],
      ['GIFT.INVALID_TOKEN', checkRecipientAction(gift(), { openid: 'friend', token: 'f'.repeat(32) }, 'accept', now)],
      ['GIFT.INVALID_TOKEN', checkRecipientAction(gift(), { openid: 'friend', token: 'nope' }, 'open', now)],
      ['GIFT.OWN_GIFT', checkRecipientAction(gift(), { openid: 'giver', token }, 'accept', now)],
      ['GIFT.ALREADY_ACCEPTED', checkRecipientAction(gift({ status: 'accepted' }), friend, 'accept', now)],
      ['GIFT.EXPIRED', checkRecipientAction(gift({ status: 'refundedOnExpiry' }), friend, 'accept', now)],
      ['GIFT.EXPIRED', checkRecipientAction(gift({ expiresAt: now }), friend, 'accept', now)],
      ['GIFT.DECLINED', checkRecipientAction(gift({ status: 'declined' }), friend, 'accept', now)],
      [
        'GIFT.NOT_PAID',
        checkRecipientAction(gift({ status: 'pendingPayment', expiresAt: null }), friend, 'accept', now),
      ],
    ];
    for (const [code, result] of cases) expect(codeOf(result)).toBe(code);
    const distinct = new Set(cases.map(([, result]) => (result.ok ? '' : result.message)));
    expect(distinct.size).toBe(new Set(cases.map(([code]) => code)).size);
  });

  it('does not reveal the status to someone without the token', () => {
    expect(
      codeOf(checkRecipientAction(gift({ status: 'accepted' }), { openid: 'x', token: 'b'.repeat(32) }, 'accept', now)),
    ).toBe('GIFT.INVALID_TOKEN');
  });
});
