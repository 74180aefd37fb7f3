import type { Address } from '@domain/address';
import {
  effectiveGiftStatus,
  toGiverView,
  toRecipientView,
  type GiftRecord,
  type GiverGiftView,
  type RecipientGiftView,
} from './views';

const now = Date.UTC(2026, 10, 25, 4, 0, 0);
const token = '0123456789abcdef0123456789abcdef';
const address: Address = {
  userName: '李四',
  telNumber: '13900001111',
  provinceName: '上海市',
  cityName: '上海市',
  countyName: '浦东新区',
  detailInfo: '世纪大道100号',
};

const record = (overrides: Partial<GiftRecord> = {}): GiftRecord => ({
  giftId: 'g1',
  status: 'waiting',
  giverOpenid: 'giver',
  giverNickname: '小明',
  sku: { productId: 'p1', skuId: 's1', productName: '香薰蜡烛', image: '/img/1.png', specs: { 香型: '雪松' } },
  unitPrice: 12_800,
  quantity: 1,
  totalFee: 12_800,
  greeting: '生日快乐',
  cardStyle: 'birthday',
  token,
  outTradeNo: 'Gg1',
  outRefundNo: 'Gg1R',
  createdAt: now - 3_600_000,
  paidAt: now - 3_500_000,
  expiresAt: now + 60_000,
  acceptedAt: null,
  declinedAt: null,
  refundedAt: null,
  recipientOpenid: null,
  recipientNickname: null,
  address: null,
  ...overrides,
});

const accepted = record({
  status: 'accepted',
  acceptedAt: now - 1_000,
  recipientOpenid: 'friend',
  recipientNickname: '阿花',
  address,
});

/** Every string anywhere in a value, to prove nothing private slipped into a view. */
const allStrings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(allStrings)
      : [];

describe('giver view', () => {
  it('shows a countdown and the share path while waiting', () => {
    const view = toGiverView(record(), now);
    expect(view).toMatchObject({
      status: 'waiting',
      wechatCode: 10,
      label: '等待好友领取',
      remainingMs: 60_000,
      refund: 'none',
      sharePath: `/packages/gift/pages/receive/index?giftId=g1&token=${token}`,
      recipientNickname: null,
      cardStyleName: '生日快乐',
    });
  });

  it('shows only the nickname of who accepted: never address, phone or openid', () => {
    const view = toGiverView(accepted, now);
    expect(view).toMatchObject({
      status: 'accepted',
      wechatCode: 20,
      recipientNickname: '阿花',
      sharePath: null,
      remainingMs: null,
    });
    for (const key of ['address', 'telNumber', 'phone', 'userName', 'detailInfo', 'recipientOpenid', 'token']) {
      expect(view).not.toHaveProperty(key);
    }
    const strings = allStrings(view);
    for (const secret of ['13900001111', '世纪大道100号', '李四', 'friend']) {
      expect(strings.some((text) => text.includes(secret))).toBe(false);
    }
  });

  it('shows expired as soon as the deadline passes, even before the sweep writes it', () => {
    const view = toGiverView(record({ expiresAt: now }), now);
    expect(view).toMatchObject({
      status: 'expired',
      wechatCode: 180,
      refund: 'pending',
      remainingMs: null,
      sharePath: null,
    });
    expect(effectiveGiftStatus({ status: 'waiting', expiresAt: now + 1 }, now)).toBe('waiting');
  });

  it('shows declined and refunded states', () => {
    expect(toGiverView(record({ status: 'refundingOnDecline' }), now)).toMatchObject({
      label: '好友已婉拒',
      refund: 'pending',
    });
    expect(toGiverView(record({ status: 'refundedOnExpiry' }), now)).toMatchObject({
      wechatCode: 181,
      refund: 'refunded',
    });
  });

  it("shows an after-sale refund of the accepted gift's order: status only, no carrier or number", () => {
    const shipped = { expressCompany: '顺丰速运', trackingNo: 'SF1234567890', shippedAt: now - 500 };
    const refundedOrder = (afterSaleStatus: 'refunding' | 'refunded') => ({
      status: 'cancelled' as const,
      shipping: shipped,
      completedAt: null,
      cancelReason: 'afterSaleRefund' as const,
      afterSale: { status: afterSaleStatus },
    });
    expect(toGiverView(accepted, now, refundedOrder('refunding'))).toMatchObject({
      status: 'accepted',
      label: '退款中',
      refund: 'pending',
      delivery: null,
    });
    const refunded = toGiverView(accepted, now, refundedOrder('refunded'));
    expect(refunded).toMatchObject({ label: '已退款', refund: 'refunded', delivery: null });
    expect(allStrings(refunded).some((text) => text.includes('SF1234567890'))).toBe(false);
    // an order cancelled for another reason is not an after-sale refund
    const otherCancel = { ...refundedOrder('refunded'), cancelReason: 'timeout' as const };
    expect(toGiverView(accepted, now, otherCancel)).toMatchObject({ refund: 'none' });
  });

  it('cannot carry an address by type', () => {
    const view = toGiverView(accepted, now);
    // @ts-expect-error the giver's view has no room for the recipient's address
    const leaked: GiverGiftView = { ...view, address };
    // @ts-expect-error nor for a phone number
    const leakedPhone: GiverGiftView = { ...view, telNumber: '13900001111' };
    expect([leaked, leakedPhone]).toHaveLength(2);
  });
});

describe('recipient view', () => {
  it('shows the gift without any price', () => {
    const view = toRecipientView(record(), { openid: 'friend' }, now, [
      { skuId: 's1', specs: { 香型: '雪松' }, selectable: true },
      { skuId: 's2', specs: { 香型: '白茶' }, selectable: false },
    ]);
    expect(view).toMatchObject({
      label: '待领取',
      canRespond: true,
      isGiver: false,
      respondedByMe: false,
      giverNickname: '小明',
      remainingMs: 60_000,
      myAddress: null,
    });
    expect(view.skuOptions).toHaveLength(2);
    for (const key of ['price', 'unitPrice', 'totalFee', 'amount', 'token', 'outTradeNo'])
      expect(view).not.toHaveProperty(key);
    expect(allStrings(view).some((text) => text.includes('128'))).toBe(false);
    expect(JSON.stringify(view)).not.toContain('12800');
  });

  it('does not offer the giver to respond to their own gift', () => {
    expect(toRecipientView(record(), { openid: 'giver' }, now)).toMatchObject({ isGiver: true, canRespond: false });
  });

  it('words acceptance for the one who accepted and for anyone else', () => {
    expect(toRecipientView(accepted, { openid: 'friend' }, now)).toMatchObject({
      label: '你已收下',
      respondedByMe: true,
      canRespond: false,
      myAddress: address,
    });
    expect(toRecipientView(accepted, { openid: 'stranger' }, now)).toMatchObject({
      label: '礼物已被领取',
      respondedByMe: false,
      myAddress: null,
    });
  });

  it('shows an overdue gift as expired and not respondable', () => {
    expect(toRecipientView(record({ expiresAt: now - 1 }), { openid: 'friend' }, now)).toMatchObject({
      status: 'expired',
      label: '礼物已过期',
      canRespond: false,
    });
  });

  it('cannot carry a price by type', () => {
    const view = toRecipientView(record(), { openid: 'friend' }, now);
    // @ts-expect-error the recipient's view has no room for the price
    const leaked: RecipientGiftView = { ...view, unitPrice: 12_800 };
    expect(leaked).toBeDefined();
  });
});
