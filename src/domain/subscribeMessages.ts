/**
 * Subscribe messages: the ONE list of template ids, shared by the pages (which ask
 * wx.requestSubscribeMessage for them from a tap) and the functions (which send them, server/gifts/notify.ts).
 *
 * A merchant replaces the placeholder ids in SUBSCRIBE_TEMPLATE_IDS with the ones from the mini program
 * console (订阅消息 → 我的模板) and keeps each kind's keywords in step with its template's fields
 * (docs/merchant-guide.md §7).
 */

/** One WeChat template per entry. 礼物状态通知 serves both 婉拒 and 已发货: one gift is never both. */
export const SUBSCRIBE_TEMPLATE_IDS = {
  /** 礼物领取通知 */
  giftAccepted: 'GIFT_ACCEPTED_TEMPLATE_ID',
  /** 礼物状态通知 */
  giftStatus: 'GIFT_STATUS_TEMPLATE_ID',
  /** 退款成功通知 */
  giftRefunded: 'GIFT_REFUNDED_TEMPLATE_ID',
  /** 订单发货通知 */
  orderShipped: 'ORDER_SHIPPED_TEMPLATE_ID',
} as const;

export type SubscribeTemplate = keyof typeof SUBSCRIBE_TEMPLATE_IDS;

/** What the functions send: each kind → its template and the template's keyword names. */
export const SUBSCRIBE_MESSAGES = {
  /** to the giver: 礼物名称 thing1, 领取人 name2, 领取时间 time3 */
  giftAccepted: { template: 'giftAccepted', keys: { product: 'thing1', who: 'name2', at: 'time3' } },
  /** to the giver (婉拒): 礼物名称 thing1, 状态 thing2, 时间 time3 */
  giftDeclined: { template: 'giftStatus', keys: { product: 'thing1', state: 'thing2', at: 'time3' } },
  /** to the giver (the payer): 商品名称 thing1, 退款金额 amount2, 退款原因 thing3, 退款时间 time4 */
  giftRefunded: {
    template: 'giftRefunded',
    keys: { product: 'thing1', amount: 'amount2', reason: 'thing3', at: 'time4' },
  },
  /** to the buyer, or the gift's recipient: 商品名称 thing1, 快递公司 thing2, 快递单号 character_string3, 发货时间 time4 */
  orderShipped: {
    template: 'orderShipped',
    keys: { product: 'thing1', carrier: 'thing2', trackingNo: 'character_string3', at: 'time4' },
  },
  /** to the giver (已发货, no carrier, no number): 礼物名称 thing1, 状态 thing2, 时间 time3 */
  giftShipped: { template: 'giftStatus', keys: { product: 'thing1', state: 'thing2', at: 'time3' } },
} as const satisfies Record<string, { template: SubscribeTemplate; keys: Record<string, string> }>;

export type SubscribeMessageKind = keyof typeof SUBSCRIBE_MESSAGES;

export const templateIdOf = (kind: SubscribeMessageKind): string =>
  SUBSCRIBE_TEMPLATE_IDS[SUBSCRIBE_MESSAGES[kind].template];

/** WeChat takes at most 3 template ids in one wx.requestSubscribeMessage. */
export const MAX_TEMPLATES_PER_REQUEST = 3;

/** The taps that ask for consent, and the kinds each one's user may later receive. */
export const SUBSCRIBE_ASKS = {
  /** the buyer paying an order for themselves */
  payOwnOrder: ['orderShipped'],
  /** the giver paying a gift */
  payGift: ['giftAccepted', 'giftDeclined', 'giftRefunded', 'giftShipped'],
  /** the recipient accepting a gift (the parcel is theirs) */
  acceptGift: ['orderShipped'],
} as const satisfies Record<string, readonly SubscribeMessageKind[]>;

export type SubscribeAsk = keyof typeof SUBSCRIBE_ASKS;

/** The distinct template ids to ask for at a tap (kinds sharing a template ask once), at most 3. */
export function templateIdsFor(ask: SubscribeAsk): string[] {
  const ids = [...new Set(SUBSCRIBE_ASKS[ask].map(templateIdOf))];
  if (ids.length > MAX_TEMPLATES_PER_REQUEST) {
    throw new Error(`${ask} asks for ${ids.length} templates; WeChat takes at most ${MAX_TEMPLATES_PER_REQUEST}`);
  }
  return ids;
}
