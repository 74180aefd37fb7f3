import {
  GIFT_EVENTS,
  GIFT_REFUND_DUE_STATUSES,
  GIFT_STATUSES,
  GIFT_TRANSITIONS,
  GIFT_WECHAT_CODES,
  giftEventsFrom,
  giverView,
  isGiftFinal,
  isGiftStatus,
  recipientView,
  refundStage,
  transitionGift,
  type GiftEvent,
  type GiftStatus,
} from './machine';

/**
 * The allowed edges, written out independently of the table: the cross product below refuses
 * everything else, so a new edge in the table without a line here fails the test.
 */
const EXPECTED_EDGES: ReadonlyArray<[GiftStatus, GiftEvent, GiftStatus]> = [
  ['pendingPayment', 'pay', 'waiting'],
  ['pendingPayment', 'cancel', 'cancelled'],
  ['pendingPayment', 'timeout', 'cancelled'],
  ['waiting', 'accept', 'accepted'],
  ['waiting', 'decline', 'declined'],
  ['waiting', 'expire', 'expired'],
  ['expired', 'refundRequested', 'refundingOnExpiry'],
  ['expired', 'refundConfirmed', 'refundedOnExpiry'],
  ['refundingOnExpiry', 'refundConfirmed', 'refundedOnExpiry'],
  ['refundingOnExpiry', 'refundFailed', 'expired'],
  ['declined', 'refundRequested', 'refundingOnDecline'],
  ['declined', 'refundConfirmed', 'refundedOnDecline'],
  ['refundingOnDecline', 'refundConfirmed', 'refundedOnDecline'],
  ['refundingOnDecline', 'refundFailed', 'declined'],
];

const expectedNext = (status: GiftStatus, event: GiftEvent): GiftStatus | undefined =>
  EXPECTED_EDGES.find(([from, on]) => from === status && on === event)?.[2];

describe('gift state machine', () => {
  it('has the statuses of the gift issue and the events that move them', () => {
    expect([...GIFT_STATUSES].sort()).toEqual(
      [
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
      ].sort(),
    );
    expect([...GIFT_EVENTS].sort()).toEqual(
      [
        'pay',
        'cancel',
        'timeout',
        'accept',
        'decline',
        'expire',
        'refundRequested',
        'refundConfirmed',
        'refundFailed',
      ].sort(),
    );
    expect(Object.keys(GIFT_TRANSITIONS).sort()).toEqual([...GIFT_STATUSES].sort());
  });

  it('the table holds no event outside GIFT_EVENTS and no target outside GIFT_STATUSES', () => {
    for (const edges of Object.values(GIFT_TRANSITIONS)) {
      for (const [event, next] of Object.entries(edges)) {
        expect(GIFT_EVENTS as readonly string[]).toContain(event);
        expect(isGiftStatus(next)).toBe(true);
      }
    }
  });

  const crossProduct = GIFT_STATUSES.flatMap((status) => GIFT_EVENTS.map((event) => [status, event] as const));

  it.each(crossProduct)('%s --%s--> allowed exactly when expected', (status, event) => {
    const result = transitionGift(status, event);
    const next = expectedNext(status, event);
    if (next === undefined) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.code).toMatch(/^GIFT\.[A-Z_]+$/);
        expect(result.message.length).toBeGreaterThan(0);
      }
    } else {
      expect(result).toEqual({ ok: true, data: next });
    }
  });

  it('mirrors WeChat gift codes where they exist', () => {
    expect(GIFT_WECHAT_CODES).toEqual({
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
    });
  });

  it('gives each reason a recipient can be refused its own code', () => {
    const acceptCode = (status: GiftStatus) => {
      const result = transitionGift(status, 'accept');
      return result.ok ? 'ok' : result.code;
    };
    expect(acceptCode('accepted')).toBe('GIFT.ALREADY_ACCEPTED');
    expect(acceptCode('expired')).toBe('GIFT.EXPIRED');
    expect(acceptCode('refundingOnExpiry')).toBe('GIFT.EXPIRED');
    expect(acceptCode('refundedOnExpiry')).toBe('GIFT.EXPIRED');
    expect(acceptCode('declined')).toBe('GIFT.DECLINED');
    expect(acceptCode('refundedOnDecline')).toBe('GIFT.DECLINED');
    expect(acceptCode('pendingPayment')).toBe('GIFT.NOT_PAID');
    expect(acceptCode('cancelled')).toBe('GIFT.CANCELLED');
    expect(transitionGift('accepted', 'decline')).toMatchObject({ code: 'GIFT.ALREADY_ACCEPTED' });
    const messages = new Set(
      ['accepted', 'expired', 'declined', 'pendingPayment', 'cancelled'].map((s) => {
        const result = transitionGift(s as GiftStatus, 'accept');
        return result.ok ? '' : result.message;
      }),
    );
    expect(messages.size).toBe(5);
  });

  it('never lets the giver cancel once paid', () => {
    for (const status of GIFT_STATUSES.filter((s) => s !== 'pendingPayment' && s !== 'cancelled')) {
      expect(transitionGift(status, 'cancel')).toMatchObject({ ok: false, code: 'GIFT.CANNOT_CANCEL' });
    }
    expect(transitionGift('waiting', 'pay')).toMatchObject({ ok: false, code: 'GIFT.ALREADY_PAID' });
    expect(transitionGift('cancelled', 'pay')).toMatchObject({ ok: false, code: 'GIFT.CANCELLED' });
    expect(transitionGift('accepted', 'expire')).toMatchObject({ ok: false, code: 'GIFT.INVALID_STATE' });
  });

  it('confirms a refund only once: refunded statuses are final', () => {
    expect(transitionGift('refundedOnExpiry', 'refundConfirmed').ok).toBe(false);
    expect(transitionGift('refundedOnDecline', 'refundConfirmed').ok).toBe(false);
    expect(transitionGift('refundedOnExpiry', 'refundRequested').ok).toBe(false);
    expect(GIFT_STATUSES.filter(isGiftFinal).sort()).toEqual(
      ['accepted', 'refundedOnExpiry', 'cancelled', 'refundedOnDecline'].sort(),
    );
    expect(giftEventsFrom('waiting')).toEqual(['accept', 'decline', 'expire']);
  });

  it('tracks which statuses owe a refund', () => {
    expect([...GIFT_REFUND_DUE_STATUSES]).toEqual(['expired', 'refundingOnExpiry', 'declined', 'refundingOnDecline']);
    expect(refundStage('waiting')).toBe('none');
    expect(refundStage('accepted')).toBe('none');
    expect(refundStage('expired')).toBe('pending');
    expect(refundStage('refundingOnDecline')).toBe('pending');
    expect(refundStage('refundedOnExpiry')).toBe('refunded');
    expect(refundStage('refundedOnDecline')).toBe('refunded');
  });

  it('labels every status for the giver and the recipient in Chinese', () => {
    for (const status of GIFT_STATUSES) {
      expect(giverView(status).label).toMatch(/[\u4e00-\u9fa5]/);
      expect(recipientView(status, { byMe: false }).label).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(giverView('waiting').label).toBe('等待好友领取');
    expect(giverView('refundedOnExpiry').label).toBe('已过期，已退款');
    expect(recipientView('accepted', { byMe: true }).label).toBe('你已收下');
    expect(recipientView('accepted', { byMe: false }).label).toBe('礼物已被领取');
    expect(recipientView('refundingOnDecline', { byMe: true }).label).toBe('你已婉拒');
  });
});
