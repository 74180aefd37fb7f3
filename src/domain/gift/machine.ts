/**
 * The gift state machine as data: ONE table `status × event → next status`.
 *
 * Statuses mirror WeChat's gift order codes where they exist (10 paid/waiting, 20 accepted,
 * 180 expired, 181 refunded on expiry, 250 cancelled) and add ours: the unpaid draft, the decline,
 * and "refund requested" states, so that "we asked WeChat Pay to refund" (refundRequested) and
 * "WeChat Pay confirmed the refund" (refundConfirmed, from the refund callback) are different facts.
 * A crash between the two leaves the gift in expired/declined or refunding*: the sweep asks again with
 * the same out_refund_no (`giftOutRefundNo`), which WeChat Pay never refunds twice.
 *
 * Every write that follows a transition is a conditional update on the expected status
 * (`where({ _id, status: 'waiting' }).update(...)` and `stats.updated === 1`).
 */
import type { ErrorSpec } from '@domain/errors';
import { fail, ok, type Result } from '@domain/result';
import { GiftErrors } from './errors';

export const GIFT_STATUSES = [
  'pendingPayment',
  'waiting',
  'accepted',
  'expired',
  'refundingOnExpiry',
  'refundedOnExpiry',
  'cancelled',
  'declined',
  'refundingOnDecline',
  'refundedOnDecline',
] as const;
export type GiftStatus = (typeof GIFT_STATUSES)[number];

export const GIFT_EVENTS = [
  'pay', // payment callback with the right amount
  'cancel', // the giver cancels before paying (never after: the card may already be sent)
  'timeout', // unpaid for 30 minutes: the sweep cancels it and releases the stock
  'accept', // the recipient accepts (address given, SKU locked)
  'decline', // the recipient declines (ours): the giver is refunded at once
  'expire', // 24 h after payment nobody accepted: stock released, refund due
  'refundRequested', // cloudPay.refund answered SUCCESS for out_refund_no
  'refundConfirmed', // the refund callback reported SUCCESS (may arrive before refundRequested is written)
  'refundFailed', // the refund callback reported a failure: back to "refund due", the sweep asks again
] as const;
export type GiftEvent = (typeof GIFT_EVENTS)[number];

type TransitionTable = { readonly [S in GiftStatus]: { readonly [E in GiftEvent]?: GiftStatus } };

export const GIFT_TRANSITIONS = {
  pendingPayment: { pay: 'waiting', cancel: 'cancelled', timeout: 'cancelled' },
  waiting: { accept: 'accepted', decline: 'declined', expire: 'expired' },
  accepted: {},
  expired: { refundRequested: 'refundingOnExpiry', refundConfirmed: 'refundedOnExpiry' },
  refundingOnExpiry: { refundConfirmed: 'refundedOnExpiry', refundFailed: 'expired' },
  refundedOnExpiry: {},
  cancelled: {},
  declined: { refundRequested: 'refundingOnDecline', refundConfirmed: 'refundedOnDecline' },
  refundingOnDecline: { refundConfirmed: 'refundedOnDecline', refundFailed: 'declined' },
  refundedOnDecline: {},
} as const satisfies TransitionTable;

/** WeChat's numeric gift order status where one exists; refundingOnExpiry is still 180 until refunded. */
export const GIFT_WECHAT_CODES = {
  pendingPayment: null,
  waiting: 10,
  accepted: 20,
  expired: 180,
  refundingOnExpiry: 180,
  refundedOnExpiry: 181,
  cancelled: 250,
  declined: null,
  refundingOnDecline: null,
  refundedOnDecline: null,
} as const satisfies Record<GiftStatus, 10 | 20 | 180 | 181 | 250 | null>;

export const GIFT_EVENT_LABELS = {
  pay: '支付',
  cancel: '取消',
  timeout: '超时取消',
  accept: '领取',
  decline: '婉拒',
  expire: '过期',
  refundRequested: '申请退款',
  refundConfirmed: '退款到账',
  refundFailed: '退款失败',
} as const satisfies Record<GiftEvent, string>;

/** Statuses in which a refund is owed and not yet confirmed: the sweep (re)requests it. */
export const GIFT_REFUND_DUE_STATUSES = [
  'expired',
  'refundingOnExpiry',
  'declined',
  'refundingOnDecline',
] as const satisfies readonly GiftStatus[];

/** What a recipient meets when the gift is no longer waiting: one distinct code per reason. */
const RECIPIENT_REFUSALS: { readonly [S in GiftStatus]?: ErrorSpec } = {
  pendingPayment: GiftErrors.NOT_PAID,
  accepted: GiftErrors.ALREADY_ACCEPTED,
  expired: GiftErrors.EXPIRED,
  refundingOnExpiry: GiftErrors.EXPIRED,
  refundedOnExpiry: GiftErrors.EXPIRED,
  cancelled: GiftErrors.CANCELLED,
  declined: GiftErrors.DECLINED,
  refundingOnDecline: GiftErrors.DECLINED,
  refundedOnDecline: GiftErrors.DECLINED,
};

/** The refusal a recipient meets for a gift in `status` (undefined while it is waiting). */
export const recipientRefusalOf = (status: GiftStatus): ErrorSpec | undefined => RECIPIENT_REFUSALS[status];

const PAID_STATUSES = GIFT_STATUSES.filter((s) => s !== 'pendingPayment' && s !== 'cancelled');
const eachPaid = (spec: ErrorSpec): { readonly [S in GiftStatus]?: ErrorSpec } =>
  Object.fromEntries(PAID_STATUSES.map((status) => [status, spec]));

const REFUSALS: { readonly [E in GiftEvent]?: { readonly [S in GiftStatus]?: ErrorSpec } } = {
  pay: { ...eachPaid(GiftErrors.ALREADY_PAID), cancelled: GiftErrors.CANCELLED },
  cancel: { ...eachPaid(GiftErrors.CANNOT_CANCEL), cancelled: GiftErrors.CANCELLED },
  accept: RECIPIENT_REFUSALS,
  decline: RECIPIENT_REFUSALS,
};

export const isGiftStatus = (value: unknown): value is GiftStatus =>
  typeof value === 'string' && (GIFT_STATUSES as readonly string[]).includes(value);

const nextOf = (status: GiftStatus, event: GiftEvent): GiftStatus | undefined =>
  (GIFT_TRANSITIONS[status] as { readonly [E in GiftEvent]?: GiftStatus })[event];

/** The next status, or a refusal with a stable code (GIFT.INVALID_STATE unless a more precise one applies). */
export function transitionGift(status: GiftStatus, event: GiftEvent): Result<GiftStatus> {
  const next = nextOf(status, event);
  if (next !== undefined) return ok(next);
  const precise = REFUSALS[event]?.[status];
  if (precise) return fail(precise.code, precise.message);
  return fail(
    GiftErrors.INVALID_STATE.code,
    `礼物当前为「${GIVER_STATUS_TEXT[status].label}」，无法${GIFT_EVENT_LABELS[event]}`,
  );
}

/** `transition` as the task names it; prefer `transitionGift` where order code is imported too. */
export const transition = transitionGift;

export const giftEventsFrom = (status: GiftStatus): GiftEvent[] =>
  GIFT_EVENTS.filter((event) => nextOf(status, event) !== undefined);

export const isGiftFinal = (status: GiftStatus): boolean => giftEventsFrom(status).length === 0;

export interface StatusText {
  label: string;
  description: string;
}

/** The giver's status page: waiting with a countdown, accepted, declined, expired, refunded. */
const GIVER_STATUS_TEXT = {
  pendingPayment: { label: '待付款', description: '支付后即可把礼物分享给好友' },
  waiting: { label: '等待好友领取', description: '好友24小时内未领取，款项将原路退回' },
  accepted: { label: '好友已收下', description: '商家将尽快为好友发货' },
  expired: { label: '已过期', description: '好友超过24小时未领取，退款处理中' },
  refundingOnExpiry: { label: '已过期', description: '好友超过24小时未领取，退款处理中' },
  refundedOnExpiry: { label: '已过期，已退款', description: '好友未领取，款项已原路退回' },
  cancelled: { label: '已取消', description: '礼物订单已取消' },
  declined: { label: '好友已婉拒', description: '退款处理中，款项将原路退回' },
  refundingOnDecline: { label: '好友已婉拒', description: '退款处理中，款项将原路退回' },
  refundedOnDecline: { label: '好友已婉拒，已退款', description: '款项已原路退回' },
} as const satisfies Record<GiftStatus, StatusText>;

export const giverView = (status: GiftStatus): StatusText => GIVER_STATUS_TEXT[status];

/** Whose action it was, from the recipient's side: the page words it differently. */
export interface RecipientPerspective {
  /** the caller is the one who accepted or declined */
  byMe: boolean;
}

export function recipientView(status: GiftStatus, perspective: RecipientPerspective): StatusText {
  switch (status) {
    case 'pendingPayment':
      return { label: '礼物尚未送出', description: '送礼人还没有完成支付' };
    case 'waiting':
      return { label: '待领取', description: '选择规格、填写收货地址即可收下礼物' };
    case 'accepted':
      return perspective.byMe
        ? { label: '你已收下', description: '商家将尽快为你发货' }
        : { label: '礼物已被领取', description: GiftErrors.ALREADY_ACCEPTED.message };
    case 'expired':
    case 'refundingOnExpiry':
    case 'refundedOnExpiry':
      return { label: '礼物已过期', description: '超过24小时未领取，款项已退回送礼人' };
    case 'cancelled':
      return { label: '礼物已取消', description: GiftErrors.CANCELLED.message };
    case 'declined':
    case 'refundingOnDecline':
    case 'refundedOnDecline':
      return perspective.byMe
        ? { label: '你已婉拒', description: '已通知送礼人，款项将原路退回' }
        : { label: '礼物已被婉拒', description: GiftErrors.DECLINED.message };
  }
}

/** Which refund stage the giver sees. */
export type GiftRefundStage = 'none' | 'pending' | 'refunded';

export const refundStage = (status: GiftStatus): GiftRefundStage =>
  status === 'refundedOnExpiry' || status === 'refundedOnDecline'
    ? 'refunded'
    : (GIFT_REFUND_DUE_STATUSES as readonly GiftStatus[]).includes(status)
      ? 'pending'
      : 'none';
