/**
 * refundCallback: WeChat Pay's refund result notification (functionName of cloudPay.refund) for gift
 * refunds (server/gifts/refundNotice.ts) and after-sale refunds (server/afterSales.ts).
 * Must answer `{ errcode: 0, errmsg: '' }` or WeChat Pay retries; handling is idempotent, so a retry
 * or a replay changes nothing. An unexpected error is thrown so the notification is retried.
 * Not callable by users (otherwise anybody could mark a refund as paid out).
 */
import { handleAfterSaleRefundNotice } from '@server/afterSales';
import { caller } from '@server/cloud';
import { handleRefundNotice, type RefundNotice } from '@server/gifts/refundNotice';
import { clock } from '@domain/clock';

/** WeChat Pay's notifications arrive with this SOURCE; a user calling the function is refused. */
const PAY_CALLBACK_SOURCE = 'wx_paycallback';

export async function main(event: unknown): Promise<{ errcode: number; errmsg: string }> {
  const source = caller().source;
  if (source !== PAY_CALLBACK_SOURCE) {
    console.warn('[refundCallback] refused an invocation from', source || '(unknown)');
    return { errcode: 403, errmsg: 'forbidden' };
  }
  const notice = (typeof event === 'object' && event !== null ? event : {}) as RefundNotice;
  const now = clock.now();
  const afterSale = await handleAfterSaleRefundNotice(notice, now);
  const outcome = afterSale === 'notAnAfterSaleRefund' ? await handleRefundNotice(notice, now) : afterSale;
  console.log('[refundCallback]', notice.reqInfo?.outRefundNo ?? '-', outcome);
  return { errcode: 0, errmsg: '' };
}
