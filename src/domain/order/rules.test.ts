import {
  checkPaidAmount,
  checkPayable,
  checkQuantity,
  checkStock,
  isPaymentWindowOpen,
  ORDER_MAX_QUANTITY,
  ORDER_STATUS_HINTS,
  ORDER_STATUS_LABELS,
  outTradeNo,
  outTradeNoFor,
  parseOutTradeNo,
  PAYMENT_WINDOW_MS,
  paymentDeadline,
  priceOrderLine,
  type SellableSku,
} from './rules';

const codeOf = (result: { ok: boolean; code?: string }) => (result.ok ? 'ok' : result.code);

describe('quantity', () => {
  it.each([1, 2, 98, 99])('accepts %p', (quantity) => {
    expect(checkQuantity(quantity)).toEqual({ ok: true, data: quantity });
  });

  it.each([0, -1, 100, 1.5, Number.NaN, Infinity, '2', null, undefined])('refuses %p', (quantity) => {
    expect(codeOf(checkQuantity(quantity))).toBe('ORDER.INVALID_QUANTITY');
  });

  it('has a sane maximum', () => {
    expect(ORDER_MAX_QUANTITY).toBe(99);
  });
});

const sku = (overrides: Partial<SellableSku> = {}): SellableSku => ({
  skuId: 'sku-1',
  productId: 'p-1',
  price: 1_999,
  stock: 10,
  onShelf: true,
  ...overrides,
});

describe('pricing an order line from the database price', () => {
  it('multiplies the database price by the quantity in fen', () => {
    expect(priceOrderLine(sku(), 3)).toEqual({
      ok: true,
      data: { skuId: 'sku-1', productId: 'p-1', unitPrice: 1_999, quantity: 3, totalFee: 5_997 },
    });
    expect(priceOrderLine(sku({ stock: 99, price: 1_000_000 }), 99)).toMatchObject({
      ok: true,
      data: { totalFee: 99_000_000 },
    });
  });

  it('refuses with clear codes in a stable order', () => {
    expect(codeOf(priceOrderLine(sku(), 0))).toBe('ORDER.INVALID_QUANTITY');
    expect(codeOf(priceOrderLine(null, 1))).toBe('ORDER.SKU_NOT_FOUND');
    expect(codeOf(priceOrderLine(sku({ onShelf: false, stock: 0 }), 1))).toBe('ORDER.SKU_OFF_SHELF');
    expect(priceOrderLine(sku({ stock: 0 }), 1)).toEqual({
      ok: false,
      code: 'ORDER.OUT_OF_STOCK',
      message: '该规格已售罄',
    });
    expect(priceOrderLine(sku({ stock: 2 }), 3)).toEqual({
      ok: false,
      code: 'ORDER.OUT_OF_STOCK',
      message: '库存不足，仅剩2件',
    });
    expect(codeOf(checkStock(3, 3))).toBe('ok');
  });
});

describe('payment window', () => {
  const createdAt = Date.UTC(2026, 10, 25, 1, 0, 0);

  it('is 30 minutes and closes at the deadline', () => {
    expect(PAYMENT_WINDOW_MS).toBe(1_800_000);
    expect(paymentDeadline(createdAt)).toBe(createdAt + 1_800_000);
    expect(isPaymentWindowOpen(createdAt, createdAt + 1_799_999)).toBe(true);
    expect(isPaymentWindowOpen(createdAt, createdAt + 1_800_000)).toBe(false);
  });

  it('refuses to start a payment that cannot be accepted', () => {
    expect(codeOf(checkPayable({ status: 'pendingPayment', createdAt }, createdAt + 60_000))).toBe('ok');
    expect(codeOf(checkPayable({ status: 'pendingPayment', createdAt }, createdAt + 1_800_000))).toBe(
      'ORDER.PAYMENT_EXPIRED',
    );
    expect(codeOf(checkPayable({ status: 'paid', createdAt }, createdAt))).toBe('ORDER.ALREADY_PAID');
    expect(codeOf(checkPayable({ status: 'cancelled', createdAt }, createdAt))).toBe('ORDER.ALREADY_CANCELLED');
  });
});

describe('payment callback amount', () => {
  it('accepts exactly the order amount (number or digit string) and refuses anything else', () => {
    expect(codeOf(checkPaidAmount(5_997, 5_997))).toBe('ok');
    expect(codeOf(checkPaidAmount(5_997, '5997'))).toBe('ok');
    expect(codeOf(checkPaidAmount(5_997, 5_996))).toBe('ORDER.AMOUNT_MISMATCH');
    expect(codeOf(checkPaidAmount(5_997, '59.97'))).toBe('ORDER.AMOUNT_MISMATCH');
    expect(codeOf(checkPaidAmount(5_997, undefined))).toBe('ORDER.AMOUNT_MISMATCH');
  });
});

describe('out_trade_no', () => {
  it('is the kind letter and the id, at most 32 characters of [0-9A-Za-z_-]', () => {
    const id = 'o20261125093000123abcdefABCDEF_'; // 31 characters
    expect(outTradeNo(id)).toBe(`O${id}`);
    expect(outTradeNo(id)).toHaveLength(32);
    expect(outTradeNo(id)).toMatch(/^[0-9A-Za-z_-]{1,32}$/);
    expect(outTradeNoFor('gift', 'g1')).toBe('Gg1');
    expect(outTradeNo('a')).not.toBe(outTradeNo('b'));
  });

  it('throws for ids that cannot fit (a broken invariant, not a user error)', () => {
    expect(() => outTradeNo('x'.repeat(32))).toThrow(RangeError);
    expect(() => outTradeNo('has space')).toThrow(RangeError);
    expect(() => outTradeNo('')).toThrow(RangeError);
  });

  it('parses back what it issued and nothing else', () => {
    expect(parseOutTradeNo(outTradeNo('order-1'))).toEqual({ kind: 'order', id: 'order-1' });
    expect(parseOutTradeNo(outTradeNoFor('gift', 'g_7'))).toEqual({ kind: 'gift', id: 'g_7' });
    expect(parseOutTradeNo('X123')).toBeNull();
    expect(parseOutTradeNo('O')).toBeNull();
    expect(parseOutTradeNo(`O${'x'.repeat(32)}`)).toBeNull();
  });
});

describe('labels', () => {
  it('has a Chinese label and hint for every status', () => {
    expect(Object.keys(ORDER_STATUS_HINTS).sort()).toEqual(Object.keys(ORDER_STATUS_LABELS).sort());
    expect(ORDER_STATUS_LABELS.paid).toBe('待发货');
  });
});
