/**
 * Subscribe messages to the giver (accepted, declined, refunded, shipped) and, on shipping, to whoever
 * receives the parcel (server/shipping.ts). A failure to notify is logged and
 * never fails what triggered it (the gift page shows the same facts).
 *
 * SUBSCRIBE_TEMPLATES is the ONE place with template ids and their keyword names: replace the ids with
 * the ones chosen in the mini program console (订阅消息 → 我的模板) and keep the keywords in step with
 * the template's fields. The giver's page asks wx.requestSubscribeMessage for these ids before paying.
 * Limits (WeChat): `thing` ≤ 20 characters, `name` ≤ 10, `time` like '2026-11-25 10:00', `amount` like '12.80元'.
 */
import { formatChinaDateTime } from '@domain/clock';
import { fenToYuanText } from '@domain/money';
import { routes } from '@domain/routes';
import { openapi } from '@server/cloud';

export const SUBSCRIBE_TEMPLATES = {
  /** 礼物领取通知: 礼物名称 thing1, 领取人 name2, 领取时间 time3 */
  giftAccepted: { templateId: 'GIFT_ACCEPTED_TEMPLATE_ID', keys: { product: 'thing1', who: 'name2', at: 'time3' } },
  /** 礼物状态通知 (婉拒): 礼物名称 thing1, 状态 thing2, 时间 time3 */
  giftDeclined: { templateId: 'GIFT_DECLINED_TEMPLATE_ID', keys: { product: 'thing1', state: 'thing2', at: 'time3' } },
  /** 退款成功通知: 商品名称 thing1, 退款金额 amount2, 退款原因 thing3, 退款时间 time4 */
  giftRefunded: {
    templateId: 'GIFT_REFUNDED_TEMPLATE_ID',
    keys: { product: 'thing1', amount: 'amount2', reason: 'thing3', at: 'time4' },
  },
  /** 订单发货通知 (to the buyer, or the gift's recipient): 商品名称 thing1, 快递公司 thing2, 快递单号 character_string3, 发货时间 time4 */
  orderShipped: {
    templateId: 'ORDER_SHIPPED_TEMPLATE_ID',
    keys: { product: 'thing1', carrier: 'thing2', trackingNo: 'character_string3', at: 'time4' },
  },
  /** 礼物状态通知 (已发货, to the giver: no carrier, no number): 礼物名称 thing1, 状态 thing2, 时间 time3 */
  giftShipped: { templateId: 'GIFT_SHIPPED_TEMPLATE_ID', keys: { product: 'thing1', state: 'thing2', at: 'time3' } },
} as const;

export const THING_MAX_CHARS = 20;
export const NAME_MAX_CHARS = 10;

/** Cuts to `max` code points, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text.trim()];
  if (chars.length <= max) return chars.join('') || '-';
  return `${chars.slice(0, max - 1).join('')}…`;
}

/** Every notice opens the giver's status page of the gift (a page of the route table). */
export const giftNoticePage = (giftId: string): string => routes.giftDetail({ giftId });

async function send(touser: string, templateId: string, page: string, data: Record<string, string>): Promise<boolean> {
  if (!touser) return false;
  try {
    const answer = await openapi.subscribeMessage.send({
      touser,
      templateId,
      page,
      data: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, { value }])),
    });
    if (answer.errCode !== 0) {
      console.error('[gift] subscribeMessage.send refused', templateId, answer.errCode, answer.errMsg);
      return false;
    }
    return true;
  } catch (error) {
    // 43101 (the user did not subscribe) lands here too: nothing to retry.
    console.error('[gift] subscribeMessage.send failed', templateId, error);
    return false;
  }
}

/**
 * 已发货 to whoever will receive the parcel (the buyer of a self order, the recipient of a gift): the
 * carrier and the number, opening the order's page (the recipient may open it too).
 */
export function notifyParcelShipped(
  touser: string,
  order: { orderId: string; productName: string; expressCompany: string; trackingNo: string; shippedAt: number },
): Promise<boolean> {
  const template = SUBSCRIBE_TEMPLATES.orderShipped;
  return send(touser, template.templateId, routes.orderDetail({ orderId: order.orderId }), {
    [template.keys.product]: clip(order.productName, THING_MAX_CHARS),
    [template.keys.carrier]: clip(order.expressCompany, THING_MAX_CHARS),
    [template.keys.trackingNo]: order.trackingNo.slice(0, 32),
    [template.keys.at]: formatChinaDateTime(order.shippedAt),
  });
}

/** 已发货 to the giver: the stage only, never the carrier or the number (they lead to the address). */
export function notifyGiftShipped(gift: GiftNoticeFacts, shippedAt: number): Promise<boolean> {
  const template = SUBSCRIBE_TEMPLATES.giftShipped;
  return send(gift.giverOpenid, template.templateId, giftNoticePage(gift.giftId), {
    [template.keys.product]: clip(gift.productName, THING_MAX_CHARS),
    [template.keys.state]: '已发货，好友将很快收到',
    [template.keys.at]: formatChinaDateTime(shippedAt),
  });
}

export interface GiftNoticeFacts {
  giftId: string;
  giverOpenid: string;
  productName: string;
}

export function notifyGiftAccepted(
  gift: GiftNoticeFacts,
  recipientNickname: string,
  acceptedAt: number,
): Promise<boolean> {
  const template = SUBSCRIBE_TEMPLATES.giftAccepted;
  return send(gift.giverOpenid, template.templateId, giftNoticePage(gift.giftId), {
    [template.keys.product]: clip(gift.productName, THING_MAX_CHARS),
    [template.keys.who]: clip(recipientNickname, NAME_MAX_CHARS),
    [template.keys.at]: formatChinaDateTime(acceptedAt),
  });
}

export function notifyGiftDeclined(gift: GiftNoticeFacts, declinedAt: number): Promise<boolean> {
  const template = SUBSCRIBE_TEMPLATES.giftDeclined;
  return send(gift.giverOpenid, template.templateId, giftNoticePage(gift.giftId), {
    [template.keys.product]: clip(gift.productName, THING_MAX_CHARS),
    [template.keys.state]: '好友已婉拒，款项将原路退回',
    [template.keys.at]: formatChinaDateTime(declinedAt),
  });
}

export function notifyGiftRefunded(
  gift: GiftNoticeFacts & { totalFee: number },
  reason: 'expired' | 'declined',
  refundedAt: number,
): Promise<boolean> {
  const template = SUBSCRIBE_TEMPLATES.giftRefunded;
  return send(gift.giverOpenid, template.templateId, giftNoticePage(gift.giftId), {
    [template.keys.product]: clip(gift.productName, THING_MAX_CHARS),
    [template.keys.amount]: `${fenToYuanText(gift.totalFee)}元`,
    [template.keys.reason]: reason === 'expired' ? '好友24小时内未领取' : '好友婉拒了礼物',
    [template.keys.at]: formatChinaDateTime(refundedAt),
  });
}
