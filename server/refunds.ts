/**
 * Gift refunds, exactly once. The out_refund_no is derived from the gift alone (`giftOutRefundNo`),
 * so every request — the first one, a retry after a failed call, the sweep after a crash — is the
 * same refund to WeChat Pay, which never refunds one out_refund_no twice. Status moves are
 * conditional: expired|declined → refundingOn* when the request is accepted; the refund callback
 * moves to refundedOn*.
 */
import { clock } from '@domain/clock';
import type { GiftStatus } from '@domain/gift/machine';
import { cloudPay, command, currentEnv } from './cloud';
import { REFUND_CALLBACK_FUNCTION } from './gifts/config';
import { nonceStr, subMchId } from './payment';
import { moveGift, type GiftDoc } from './gifts/store';

export type RefundRequestOutcome = 'requested' | 'failed' | 'notDue';

/** Where a refund-due status goes once WeChat Pay accepted the refund request. */
const REQUESTED_STATUS: { readonly [S in GiftStatus]?: GiftStatus } = {
  expired: 'refundingOnExpiry',
  declined: 'refundingOnDecline',
};
const REFUNDING: readonly GiftStatus[] = ['refundingOnExpiry', 'refundingOnDecline'];
const inc = (by: number) => command.inc(by);

type RefundableGift = Pick<GiftDoc, '_id' | 'status' | 'outTradeNo' | 'outRefundNo' | 'totalFee'>;

/**
 * Asks WeChat Pay to refund the whole payment of a gift that owes one. Never throws: a failure is
 * recorded on the gift and left to the sweep.
 */
export async function requestRefund(gift: RefundableGift): Promise<RefundRequestOutcome> {
  const next = REQUESTED_STATUS[gift.status];
  if (!next && !REFUNDING.includes(gift.status)) return 'notDue';
  const now = clock.now();
  let problem: string;
  try {
    const answer = await cloudPay.refund({
      sub_mch_id: subMchId(),
      nonce_str: nonceStr(),
      out_trade_no: gift.outTradeNo,
      out_refund_no: gift.outRefundNo,
      total_fee: gift.totalFee,
      refund_fee: gift.totalFee,
      functionName: REFUND_CALLBACK_FUNCTION,
      envId: currentEnv(),
      refund_desc: '礼物未被领取，原路退款',
    });
    // The SDK sets errCode 0 on every reply: only returnCode and resultCode tell.
    if (answer.returnCode === 'SUCCESS' && answer.resultCode === 'SUCCESS') {
      const data = { refundRequestedAt: now, refundLastError: null, updatedAt: now, refundAttempts: inc(1) };
      if (next) await moveGift(gift._id, gift.status, { ...data, status: next });
      else await moveGift(gift._id, gift.status, data);
      return 'requested';
    }
    problem = `${answer.returnCode}/${answer.resultCode ?? ''} ${String(answer.errCode ?? '')} ${answer.errCodeDes ?? answer.returnMsg ?? ''}`;
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  console.error('[refund] request failed; the sweep retries with the same out_refund_no', gift._id, problem);
  // updatedAt moves so the sweep waits its retry interval before asking again
  await moveGift(gift._id, gift.status, {
    refundLastError: problem.slice(0, 200),
    updatedAt: now,
    refundAttempts: inc(1),
  });
  return 'failed';
}
