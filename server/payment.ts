/**
 * WeChat Pay, the ONE module that talks to cloudPay (orders and gifts alike): unifiedOrder, closeOrder,
 * queryOrder, refund and queryRefund. The SDK sets errCode 0 on every resolved cloudPay reply, so
 * success is `returnCode === 'SUCCESS' && resultCode === 'SUCCESS'`, and a business refusal is told
 * by its errCodeDes / returnMsg text (WeChat's err_code does not survive the SDK).
 *
 * Merchants: payments go to the sub-merchant (特约商户号) bound to the mini program under 云开发 →
 * 微信支付. Set it as the environment variable PAY_SUB_MCH_ID of every function that pays or refunds
 * (`order`, `gift`, `giftExpiry`, `payCallback`, and `merchant` for after-sale refunds; 云函数 → 配置 →
 * 环境变量). There is no default:
 * without it the first payment answers PAYMENT.NOT_CONFIGURED. The local cloud injects its
 * simulator's sub-merchant into every invocation.
 */
import { randomBytes } from 'node:crypto';
import { failWith } from '@domain/errors';
import { PaymentErrors } from '@domain/order/errors';
import { ok, type Result } from '@domain/result';
import { cloudPay, currentEnv, type PaymentParams } from './cloud';

/** The function environment variable holding the WeChat Pay sub-merchant id. */
export const SUB_MCH_ID_VARIABLE = 'PAY_SUB_MCH_ID';
/** The function WeChat Pay notifies of payments (and of late-payment refunds). */
export const PAY_CALLBACK_FUNCTION = 'payCallback';
/** The function WeChat Pay notifies of gift refunds and after-sale refunds. */
export const REFUND_CALLBACK_FUNCTION = 'refundCallback';
/** cloudPay runs on the server: WeChat only needs a syntactically valid IP here. */
const SERVER_IP = '127.0.0.1';
/** WeChat Pay's body is at most 128 bytes (UTF-8): Chinese text is 3 bytes per character. */
const BODY_MAX_BYTES = 128;

/** PAY_SUB_MCH_ID is not set on this function: nothing can be paid or refunded. */
export class PaymentNotConfiguredError extends Error {
  constructor() {
    super(`${SUB_MCH_ID_VARIABLE} is not set: set it on the function (云函数 → 配置 → 环境变量)`);
    this.name = 'PaymentNotConfiguredError';
  }
}

/** The sub-merchant id from the function's environment; throws PaymentNotConfiguredError when missing. */
export function subMchId(): string {
  const value = process.env[SUB_MCH_ID_VARIABLE]?.trim();
  if (!value) {
    console.error(`[payment] ${SUB_MCH_ID_VARIABLE} is not set on this function: WeChat Pay cannot be used`);
    throw new PaymentNotConfiguredError();
  }
  return value;
}

/** PAYMENT.NOT_CONFIGURED when the sub-merchant id is missing: checked before anything is written. */
export function checkPaymentConfigured(): Result<true> {
  try {
    subMchId();
    return ok(true);
  } catch (error) {
    if (error instanceof PaymentNotConfiguredError) return failWith(PaymentErrors.NOT_CONFIGURED);
    throw error;
  }
}

/** 32 random characters of [0-9a-z], what WeChat Pay wants for nonce_str. */
export const nonceStr = (): string => randomBytes(16).toString('hex');

/** '礼物商城-<name>' cut to whole characters within 128 bytes. */
export function paymentBody(productName: string): string {
  let body = '';
  for (const char of `礼物商城-${productName}`) {
    if (Buffer.byteLength(body + char, 'utf8') > BODY_MAX_BYTES) break;
    body += char;
  }
  return body;
}

interface PayReply {
  returnCode: string;
  returnMsg?: string;
  resultCode?: string;
  errCode?: number | string;
  errCodeDes?: string;
}

const succeeded = (answer: PayReply): boolean => answer.returnCode === 'SUCCESS' && answer.resultCode === 'SUCCESS';
const detailOf = (answer: PayReply): string =>
  `${answer.returnCode}/${answer.resultCode ?? ''} ${answer.returnMsg ?? ''} ${answer.errCodeDes ?? ''}`.trim();
/** WeChat's err_code, or its Chinese description when the SDK replaced the code with 0. */
const refusedFor = (answer: PayReply, code: string, text: RegExp): boolean =>
  String(answer.errCode ?? '') === code || answer.errCodeDes?.includes(code) === true || text.test(detailOf(answer));

export type StartPaymentOutcome =
  | { ok: true; payment: PaymentParams }
  /** alreadyPaid: the callback will arrive or has arrived; closed: the trade was closed */
  | { ok: false; reason: 'alreadyPaid' | 'closed' | 'unavailable' | 'notConfigured'; detail: string };

/**
 * unifiedOrder. Idempotent for the same out_trade_no, amount, body and payer: WeChat answers the
 * same prepay_id, so "pay later" simply calls this again.
 */
export async function startPayment(params: {
  outTradeNo: string;
  totalFee: number;
  body: string;
  /** echoed in the payment notification */
  attach?: string;
}): Promise<StartPaymentOutcome> {
  let answer;
  try {
    answer = await cloudPay.unifiedOrder({
      body: params.body,
      outTradeNo: params.outTradeNo,
      spbillCreateIp: SERVER_IP,
      subMchId: subMchId(),
      totalFee: params.totalFee,
      envId: currentEnv(),
      functionName: PAY_CALLBACK_FUNCTION,
      nonceStr: nonceStr(),
      tradeType: 'JSAPI',
      ...(params.attach !== undefined ? { attach: params.attach } : {}),
    });
  } catch (error) {
    if (error instanceof PaymentNotConfiguredError)
      return { ok: false, reason: 'notConfigured', detail: error.message };
    console.error('[payment] unifiedOrder failed', params.outTradeNo, error);
    return { ok: false, reason: 'unavailable', detail: String(error) };
  }
  if (succeeded(answer) && answer.payment) return { ok: true, payment: answer.payment };
  const detail = detailOf(answer);
  if (refusedFor(answer, 'ORDERPAID', /已支付/)) return { ok: false, reason: 'alreadyPaid', detail };
  if (refusedFor(answer, 'ORDERCLOSED', /已关闭/)) return { ok: false, reason: 'closed', detail };
  console.error('[payment] unifiedOrder refused', params.outTradeNo, detail);
  return { ok: false, reason: 'unavailable', detail };
}

/**
 * - closed: the trade can no longer be paid (closed now, closed before, or never created);
 * - paid: WeChat answered ORDERPAID — the buyer paid; query it and settle, never cancel;
 * - failed: no definite answer; try again later.
 */
export type ClosePaymentOutcome = 'closed' | 'paid' | 'failed';

/** closeOrder before an unpaid order is cancelled. Never throws. */
export async function closePayment(outTradeNo: string): Promise<ClosePaymentOutcome> {
  let answer: PayReply;
  try {
    answer = await cloudPay.closeOrder({ sub_mch_id: subMchId(), out_trade_no: outTradeNo, nonce_str: nonceStr() });
  } catch (error) {
    console.error('[payment] closeOrder failed', outTradeNo, error);
    return 'failed';
  }
  if (succeeded(answer)) return 'closed';
  if (refusedFor(answer, 'ORDERPAID', /已支付/)) return 'paid';
  if (refusedFor(answer, 'ORDERCLOSED', /已关闭/) || refusedFor(answer, 'ORDERNOTEXIST', /不存在/)) return 'closed';
  console.error('[payment] closeOrder refused', outTradeNo, detailOf(answer));
  return 'failed';
}

/** What queryOrder says about a trade; `paid` carries what the payment notification would. */
export type PaymentQueryOutcome =
  { paid: true; transactionId: string; totalFee: number } | { paid: false; tradeState: string };

/** queryOrder. trade_state SUCCESS (or REFUND: paid, then refunded) is a payment. Never throws. */
export async function queryPayment(outTradeNo: string): Promise<PaymentQueryOutcome> {
  try {
    const answer = await cloudPay.queryOrder({
      sub_mch_id: subMchId(),
      out_trade_no: outTradeNo,
      nonce_str: nonceStr(),
    });
    if (!succeeded(answer)) return { paid: false, tradeState: `unknown: ${detailOf(answer)}` };
    const state = answer.tradeState ?? '';
    if ((state === 'SUCCESS' || state === 'REFUND') && answer.transactionId && typeof answer.totalFee === 'number') {
      return { paid: true, transactionId: answer.transactionId, totalFee: answer.totalFee };
    }
    return { paid: false, tradeState: state };
  } catch (error) {
    console.error('[payment] queryOrder failed', outTradeNo, error);
    return { paid: false, tradeState: 'unknown' };
  }
}

/** The out_refund_no of an order's full refund: stable, so every retry is the same refund. */
export const fullRefundNo = (orderId: string): string => `R${orderId}`;

export type RefundRequestResult = { accepted: true } | { accepted: false; problem: string };

/**
 * Refund a whole payment. Idempotent on out_refund_no (WeChat never refunds the same number twice).
 * Accepted means WeChat took the request; the refund notification (to `notify`) or queryRefund
 * confirms it later. Never throws.
 */
export async function refundInFull(params: {
  outTradeNo: string;
  outRefundNo: string;
  totalFee: number;
  reason: string;
  /** the function WeChat Pay notifies of the refund's result */
  notify: typeof PAY_CALLBACK_FUNCTION | typeof REFUND_CALLBACK_FUNCTION;
}): Promise<RefundRequestResult> {
  try {
    const answer = await cloudPay.refund({
      sub_mch_id: subMchId(),
      nonce_str: nonceStr(),
      out_trade_no: params.outTradeNo,
      out_refund_no: params.outRefundNo,
      total_fee: params.totalFee,
      refund_fee: params.totalFee,
      functionName: params.notify,
      envId: currentEnv(),
      refund_desc: params.reason,
    });
    if (succeeded(answer)) return { accepted: true };
    const problem = detailOf(answer);
    console.error('[payment] refund refused', params.outRefundNo, problem);
    return { accepted: false, problem };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    console.error('[payment] refund failed', params.outRefundNo, problem);
    return { accepted: false, problem };
  }
}

/**
 * Where a requested refund stands, from queryRefund:
 * - SUCCESS: the money is back (refundId set);
 * - PROCESSING: wait;
 * - CHANGE / REFUNDCLOSE: it failed: the refund is due again;
 * - NOTEXIST: WeChat has no such refund: request it again with the same out_refund_no;
 * - unknown: no definite answer; ask later.
 */
export type RefundState =
  | { state: 'SUCCESS'; refundId: string | null }
  | { state: 'PROCESSING' | 'CHANGE' | 'REFUNDCLOSE' | 'NOTEXIST' | 'unknown' };

export async function queryRefundState(outRefundNo: string): Promise<RefundState> {
  try {
    const answer = await cloudPay.queryRefund({
      sub_mch_id: subMchId(),
      nonce_str: nonceStr(),
      out_refund_no: outRefundNo,
    });
    if (!succeeded(answer)) {
      if (answer.returnCode === 'SUCCESS' && refusedFor(answer, 'REFUNDNOTEXIST', /退款订单查询失败|不存在/)) {
        return { state: 'NOTEXIST' };
      }
      console.error('[payment] queryRefund refused', outRefundNo, detailOf(answer));
      return { state: 'unknown' };
    }
    const index = (answer.outRefundNoList ?? []).indexOf(outRefundNo);
    const status = answer.refundStatusList?.[index];
    // A successful answer that does not list this refund is not "no such refund" (cloudPay has been seen
    // answering refundCount 1 with empty lists): only the explicit REFUNDNOTEXIST above re-requests it.
    if (index === -1 || status === undefined) {
      console.warn('[payment] queryRefund answered without this refund; asking again later', outRefundNo);
      return { state: 'unknown' };
    }
    if (status === 'SUCCESS') return { state: 'SUCCESS', refundId: answer.refundIdList?.[index] ?? null };
    if (status === 'PROCESSING' || status === 'CHANGE' || status === 'REFUNDCLOSE') return { state: status };
    return { state: 'unknown' };
  } catch (error) {
    console.error('[payment] queryRefund failed', outRefundNo, error);
    return { state: 'unknown' };
  }
}
