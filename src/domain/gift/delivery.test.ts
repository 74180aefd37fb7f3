import { giftDeliveryStage, toGiverDelivery, toRecipientDelivery, type GiftOrderProgress } from './delivery';

const shipping = { expressCompany: '顺丰速运', trackingNo: 'SF1234567890', shippedAt: 1_000 };
const order = (status: GiftOrderProgress['status'], shipped = false): GiftOrderProgress => ({
  status,
  shipping: shipped ? shipping : null,
  completedAt: status === 'completed' ? 2_000 : null,
});

describe('where an accepted gift’s parcel is', () => {
  it('follows the order: paid → 待发货, shipped → 已发货, completed → 已签收; nothing before acceptance', () => {
    expect(giftDeliveryStage(order('paid'))).toBe('toShip');
    expect(giftDeliveryStage(order('shipped', true))).toBe('shipped');
    expect(giftDeliveryStage(order('completed', true))).toBe('received');
    expect(giftDeliveryStage(order('awaitingRecipient'))).toBeNull();
    expect(giftDeliveryStage(order('cancelled'))).toBeNull();
    expect(giftDeliveryStage(null)).toBeNull();
  });

  it('gives the recipient the carrier and the tracking number once shipped', () => {
    expect(toRecipientDelivery(order('shipped', true))).toEqual({
      stage: 'shipped',
      label: '已发货',
      description: expect.stringMatching(/[\u4e00-\u9fa5]/),
      shippedAt: 1_000,
      expressCompany: '顺丰速运',
      trackingNo: 'SF1234567890',
    });
    expect(toRecipientDelivery(order('paid'))).toMatchObject({
      stage: 'toShip',
      expressCompany: null,
      trackingNo: null,
    });
  });

  it('gives the giver the stage only, never the carrier or the number', () => {
    const delivery = toGiverDelivery(order('shipped', true));
    expect(delivery).toEqual({ stage: 'shipped', label: '已发货', description: expect.any(String), shippedAt: 1_000 });
    expect(JSON.stringify(delivery)).not.toMatch(/SF1234567890|顺丰/);
    expect(toGiverDelivery(order('completed', true))?.label).toBe('已签收');
  });
});
