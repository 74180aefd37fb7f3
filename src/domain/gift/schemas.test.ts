import { acceptGiftSchema, createGiftSchema, giftRequestSchemas, listGiftsSchema, openGiftSchema } from './schemas';
import { createOrderSchema, listOrdersSchema, orderRequestSchemas, payOrderSchema } from '@domain/order/schemas';

const address = {
  userName: '王五',
  telNumber: '13700002222',
  provinceName: '浙江省',
  cityName: '杭州市',
  countyName: '西湖区',
  detailInfo: '文三路90号',
};

describe('gift request schemas', () => {
  it('parses createGift and leaves length rules to checkGiftDraft (GIFT.* codes)', () => {
    expect(createGiftSchema.parse({ skuId: 'sku-1', greeting: '  ', extra: 1 })).toEqual({
      skuId: 'sku-1',
      greeting: '  ',
    });
    expect(createGiftSchema.safeParse({ skuId: 'sku-1', greeting: '好'.repeat(101), quantity: 2 }).success).toBe(true);
    expect(createGiftSchema.safeParse({ skuId: 'sku-1', greeting: 'hi', cardStyle: 'gold' }).success).toBe(false);
    expect(createGiftSchema.safeParse({ skuId: 'sku 1', greeting: 'hi' }).success).toBe(false);
    expect(createGiftSchema.safeParse({ greeting: 'hi' }).error?.issues[0]).toMatchObject({
      path: ['skuId'],
      message: '缺少商品规格',
    });
  });

  it('lets a missing token through so that it answers GIFT.INVALID_TOKEN', () => {
    expect(openGiftSchema.parse({ giftId: 'g1' })).toEqual({ giftId: 'g1' });
    expect(acceptGiftSchema.parse({ giftId: 'g1', address })).toEqual({ giftId: 'g1', address });
  });

  it('requires a valid address to accept', () => {
    const result = acceptGiftSchema.safeParse({
      giftId: 'g1',
      token: 'x',
      address: { ...address, telNumber: '010-1234567' },
    });
    expect(result.error?.issues[0]).toMatchObject({ path: ['address', 'telNumber'] });
    expect(acceptGiftSchema.safeParse({ giftId: 'g1', token: 'x' }).error?.issues[0]).toMatchObject({
      path: ['address'],
      message: '请填写收货地址',
    });
  });

  it('lists sent or received gifts only', () => {
    expect(listGiftsSchema.parse({ role: 'received' })).toEqual({ role: 'received' });
    expect(listGiftsSchema.safeParse({ role: 'all' }).success).toBe(false);
    expect(Object.keys(giftRequestSchemas)).toEqual([
      'createGift',
      'getGift',
      'shareCard',
      'openGift',
      'acceptGift',
      'declineGift',
      'listGifts',
    ]);
  });
});

describe('order request schemas', () => {
  it('parses createOrder, leaving the quantity range to checkQuantity (ORDER.INVALID_QUANTITY)', () => {
    expect(createOrderSchema.parse({ skuId: 'sku-1', quantity: 100, address })).toEqual({
      skuId: 'sku-1',
      quantity: 100,
      address,
    });
    expect(createOrderSchema.safeParse({ skuId: 'sku-1', quantity: '2', address }).success).toBe(false);
    expect(createOrderSchema.safeParse({ skuId: 'sku-1', quantity: 1 }).success).toBe(false);
  });

  it('parses the other order requests', () => {
    expect(listOrdersSchema.parse({})).toEqual({});
    expect(listOrdersSchema.parse({ status: 'paid', cursor: 'abc' })).toEqual({ status: 'paid', cursor: 'abc' });
    expect(listOrdersSchema.safeParse({ status: 'refunded' }).success).toBe(false);
    expect(payOrderSchema.safeParse({ orderId: { $ne: null } }).success).toBe(false);
    expect(Object.keys(orderRequestSchemas)).toEqual([
      'createOrder',
      'getOrder',
      'listOrders',
      'payOrder',
      'cancelOrder',
      'confirmReceipt',
      'getTracking',
    ]);
  });
});
