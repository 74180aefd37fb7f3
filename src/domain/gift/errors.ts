import { defineErrors } from '@domain/errors';

/**
 * Expected failures of gifting. Every refusal the recipient can meet has its own code (wrong token,
 * already accepted, expired, declined, own gift) so the page can say exactly what happened.
 * 'GIFT.CATEGORY_NOT_GIFTABLE' and 'GIFT.PRICE_TOO_HIGH' are also what product eligibility
 * (src/domain/product/errors.ts) answers: it reads them from this table.
 */
export const GiftErrors = defineErrors('GIFT', {
  NOT_FOUND: '礼物不存在',
  INVALID_TOKEN: '礼物链接无效，请让好友重新分享',
  ALREADY_ACCEPTED: '礼物已被领取',
  EXPIRED: '礼物已过期（超过24小时未领取），款项将原路退回给送礼人',
  DECLINED: '礼物已被婉拒',
  CANCELLED: '礼物已取消',
  OWN_GIFT: '不能领取自己送出的礼物',
  NOT_PAID: '礼物尚未支付',
  ALREADY_PAID: '礼物已支付',
  CATEGORY_NOT_GIFTABLE: '珠宝首饰、教育培训类商品不支持送礼',
  PRICE_TOO_HIGH: '单价超过¥10,000的商品不支持送礼',
  QUANTITY_MUST_BE_ONE: '送给好友的礼物数量只能为1件',
  GREETING_TOO_LONG: '赠言不能超过100个字',
  GREETING_EMPTY: '请填写赠言',
  GREETING_INVALID: '赠言包含无法显示的字符，请删除后重新输入',
  RECIPIENT_NAME_INVALID: '收礼人称呼包含无法显示的字符，请删除后重新输入',
  SIGNATURE_INVALID: '署名包含无法显示的字符，请删除后重新输入',
  RECIPIENT_NAME_TOO_LONG: '收礼人称呼不能超过10个字',
  SIGNATURE_TOO_LONG: '署名不能超过10个字',
  INVALID_CARD_STYLE: '贺卡样式不正确',
  SKU_NOT_FOUND: '商品规格不存在',
  SKU_OFF_SHELF: '该商品已下架，无法送礼',
  OUT_OF_STOCK: '该规格已售罄',
  SKU_SWITCH_NOT_ALLOWED: '只能更换为同一商品、同等价格且有货的规格',
  CANNOT_CANCEL: '礼物已送出，无法取消',
  INVALID_STATE: '礼物当前状态不支持此操作',
  PAYMENT_EXPIRED: '礼物订单已超过30分钟未支付，已自动取消',
  AMOUNT_MISMATCH: '支付金额与礼物金额不一致',
  PAYMENT_UNAVAILABLE: '暂时无法发起支付，请稍后重试',
  SHARE_UNAVAILABLE: '暂时无法生成分享卡片，请稍后重试',
  // Answered by the send page itself, never by a function: no spec chosen, the pay sheet closed or failed.
  SKU_REQUIRED: '请选择要送出的规格',
  PAYMENT_CANCELLED: '已取消支付，礼物尚未送出',
  PAYMENT_FAILED: '支付未完成，请稍后重试',
});
