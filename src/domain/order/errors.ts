import { defineErrors } from '@domain/errors';

/** Expected failures of buying for oneself. Codes are stable; messages are what the buyer reads. */
export const OrderErrors = defineErrors('ORDER', {
  NOT_FOUND: '订单不存在',
  SKU_NOT_FOUND: '商品规格不存在',
  SKU_OFF_SHELF: '该商品已下架',
  OUT_OF_STOCK: '库存不足',
  INVALID_QUANTITY: '购买数量应为1-99件',
  INVALID_STATE: '订单当前状态不支持此操作',
  ALREADY_PAID: '订单已支付',
  ALREADY_CANCELLED: '订单已取消',
  CANNOT_CANCEL: '订单已支付，无法取消',
  NOT_SHIPPED: '订单尚未发货',
  PAYMENT_EXPIRED: '订单已超过30分钟未支付，已自动取消',
  AMOUNT_MISMATCH: '支付金额与订单金额不一致',
  PAYMENT_UNAVAILABLE: '暂时无法发起支付，请稍后在订单页重试',
  STOCK_NOT_HELD: '订单库存已失效，请重新下单',
});

/** WeChat Pay as a whole (orders and gifts): the shop cannot take money right now. */
export const PaymentErrors = defineErrors('PAYMENT', {
  NOT_CONFIGURED: '商家尚未开通微信支付，暂时无法付款',
});
