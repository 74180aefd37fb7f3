/**
 * payCallback: the function WeChat Pay invokes (SOURCE wx_paycallback) with the result of a payment
 * started by `order` (and of the refunds it requests). Not callable by users: an invocation from
 * any other source is refused, otherwise anybody could "pay" an order by calling it.
 * Answers `{ errcode, errmsg }` as WeChat expects; see ./callback.ts for when errcode is non-zero.
 */
import { caller } from '@server/cloud';
import { type CallbackAnswer, handlePayment, handleRefund, type PaymentEvent, type RefundInfo } from './callback';

const PAY_CALLBACK_SOURCE = 'wx_paycallback';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export async function main(event: unknown): Promise<CallbackAnswer> {
  const source = caller().source;
  if (source !== PAY_CALLBACK_SOURCE) {
    console.warn('[payCallback] refused an invocation from', source || '(unknown)');
    return { errcode: 403, errmsg: 'forbidden' };
  }
  if (!isRecord(event)) return { errcode: 0, errmsg: '' };
  try {
    if (isRecord(event.reqInfo)) return await handleRefund(event.reqInfo as RefundInfo);
    return await handlePayment(event as PaymentEvent);
  } catch (error) {
    // Handlers are idempotent: WeChat's resend is the retry.
    console.error('[payCallback] unexpected error', error);
    return { errcode: 1, errmsg: 'internal error' };
  }
}
