/**
 * Subscribe messages to the giver (accepted, declined, refunded, shipped) and, on shipping, to whoever
 * receives the parcel (server/shipping.ts). A failure to notify is logged and
 * never fails what triggered it (the gift page shows the same facts).
 *
 * Template ids and keyword names live in ONE list shared with the pages, src/domain/subscribeMessages.ts;
 * the pages ask wx.requestSubscribeMessage for the same ids from the pay / accept taps.
 * Limits (WeChat): `thing` ≤ 20 characters, `name` ≤ 10, `time` like '2026-11-25 10:00', `amount` like '12.80元'.
 */
import { formatChinaDateTime } from '@domain/clock';
import { fenToYuanText } from '@domain/money';
import { routes } from '@domain/routes';
import { SUBSCRIBE_MESSAGES, templateIdOf, type SubscribeMessageKind } from '@domain/subscribeMessages';
import { openapi } from '@server/cloud';

type Sendable<Kind extends SubscribeMessageKind> = {
  templateId: string;
  keys: (typeof SUBSCRIBE_MESSAGES)[Kind]['keys'];
};

const sendable = <Kind extends SubscribeMessageKind>(kind: Kind): Sendable<Kind> => ({
  templateId: templateIdOf(kind),
  keys: SUBSCRIBE_MESSAGES[kind].keys,
});

/** Every kind the functions send, with its template id (from the shared list) and keyword names. */
export const SUBSCRIBE_TEMPLATES = {
  giftAccepted: sendable('giftAccepted'),
  giftDeclined: sendable('giftDeclined'),
  giftRefunded: sendable('giftRefunded'),
  orderShipped: sendable('orderShipped'),
  giftShipped: sendable('giftShipped'),
} as const satisfies { [Kind in SubscribeMessageKind]: Sendable<Kind> };

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
