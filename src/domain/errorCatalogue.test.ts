import { AddressErrors } from './address';
import { AfterSaleErrors } from './afterSale/errors';
import { ERROR_MESSAGES, failureMessage, messageForCode } from './errorCatalogue';
import { CommonErrors, NetworkErrors } from './errors';
import { GiftErrors } from './gift/errors';
import { LogisticsErrors } from './logistics/errors';
import { MerchantErrors } from './merchant/errors';
import { OrderErrors, PaymentErrors } from './order/errors';
import { GiftEligibilityErrors, ShopErrors } from './product/errors';
import { WishlistErrors } from './wishlist/errors';

const tables = {
  CommonErrors,
  NetworkErrors,
  AddressErrors,
  ShopErrors,
  OrderErrors,
  PaymentErrors,
  GiftErrors,
  AfterSaleErrors,
  LogisticsErrors,
  MerchantErrors,
  WishlistErrors,
};

describe('error catalogue', () => {
  it('holds every code of every area table with its message', () => {
    for (const table of Object.values(tables)) {
      for (const spec of Object.values(table)) expect(ERROR_MESSAGES.get(spec.code)).toBe(spec.message);
    }
    const total = Object.values(tables).reduce((sum, table) => sum + Object.keys(table).length, 0);
    expect(ERROR_MESSAGES.size).toBe(total);
  });

  it('defines each code once: codes follow AREA.REASON and messages are Chinese', () => {
    for (const [code, message] of ERROR_MESSAGES) {
      expect(code).toMatch(/^[A-Z]+\.[A-Z_]+$/);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('product eligibility answers the gift table’s own specs', () => {
    expect(GiftEligibilityErrors.CATEGORY_NOT_GIFTABLE).toBe(GiftErrors.CATEGORY_NOT_GIFTABLE);
    expect(GiftEligibilityErrors.PRICE_TOO_HIGH).toBe(GiftErrors.PRICE_TOO_HIGH);
  });

  it('gives the message to show: the failure’s own, else the catalogue’s, else INTERNAL’s', () => {
    expect(failureMessage({ code: 'ORDER.OUT_OF_STOCK', message: '库存不足，仅剩2件' })).toBe('库存不足，仅剩2件');
    expect(failureMessage({ code: 'ORDER.OUT_OF_STOCK', message: '  ' })).toBe(OrderErrors.OUT_OF_STOCK.message);
    expect(failureMessage({ code: 'NETWORK.UNAVAILABLE' })).toBe('网络不可用，请检查网络后重试');
    expect(failureMessage({ code: 'SOMETHING.ELSE', message: '' })).toBe(CommonErrors.INTERNAL.message);
    expect(messageForCode('NOPE.NOPE')).toBeUndefined();
  });
});
