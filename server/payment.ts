/**
 * WeChat Pay for orders, through server/cloud.ts's cloudPay. The SDK sets errCode 0 on every resolved
 * cloudPay reply, so success is `returnCode === 'SUCCESS' && resultCode === 'SUCCESS'`, nothing else.
 *
 * Merchants: payments go to the sub-merchant (特约商户号) bound to the mini program under 云开发 →
 * 微信支付. Set it as the environment variable PAY_SUB_MCH_ID of the `order` and `payCallback`
 * functions (云函数 → 配置 → 环境变量); SUB_MCH_ID_DEFAULT below is only the local simulator's.
 */
import { randomBytes } from 'node:crypto';
import { cloudPay, currentEnv, type PaymentParams, type RefundResult } from './cloud';

export const SUB_MCH_ID_DEFAULT = '1900000109';
/** The function WeChat Pay notifies of payments and refunds. */
export const PAY_CALLBACK_FUNCTION = 'payCallback';
/** cloudPay runs on the server: WeChat only needs a syntactically valid IP here. */
const SERVER_IP = '127.0.0.1';
/** WeChat Pay's body is at most 128 bytes (UTF-8): Chinese text is 3 bytes per character. */
const BODY_MAX_BYTES = 128;

export const subMchId = (): string => process.env.PAY_SUB_MCH_ID?.trim() || SUB_MCH_ID_DEFAULT;

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

export type StartPaymentOutcome =
  | { ok: true; payment: PaymentParams }
  /** the trade is already paid (the callback will arrive or has arrived) */
  | { ok: false; reason: 'alreadyPaid' | 'closed' | 'unavailable'; detail: string };

/**
 * unifiedOrder for an order. Idempotent for the same out_trade_no, amount, body and payer: WeChat
 * answers the same prepay_id, so "pay later" simply calls this again.
 */
export async function startPayment(params: {
  outTradeNo: string;
  totalFee: number;
  body: string;
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
    });
  } catch (error) {
    console.error('[payment] unifiedOrder failed', params.outTradeNo, error);
    return { ok: false, reason: 'unavailable', detail: String(error) };
  }
  if (answer.returnCode === 'SUCCESS' && answer.resultCode === 'SUCCESS' && answer.payment) {
    return { ok: true, payment: answer.payment };
  }
  const detail = `${answer.returnMsg ?? ''} ${String(answer.errCode ?? '')} ${answer.errCodeDes ?? ''}`.trim();
  const code = String(answer.errCode ?? '');
  // errCode is overwritten with 0 by the SDK; the business code survives in errCodeDes / returnMsg.
  if (code === 'ORDERPAID' || /ORDERPAID|已支付/.test(detail)) return { ok: false, reason: 'alreadyPaid', detail };
  if (code === 'ORDERCLOSED' || /ORDERCLOSED|已关闭/.test(detail)) return { ok: false, reason: 'closed', detail };
  console.error('[payment] unifiedOrder refused', params.outTradeNo, detail);
  return { ok: false, reason: 'unavailable', detail };
}

/** Close the trade of a cancelled order so it can no longer be paid. Best effort: never throws. */
export async function closePayment(outTradeNo: string): Promise<void> {
  try {
    const answer = await cloudPay.closeOrder({
      sub_mch_id: subMchId(),
      out_trade_no: outTradeNo,
      nonce_str: nonceStr(),
    });
    if (answer.returnCode !== 'SUCCESS') console.warn('[payment] closeOrder refused', outTradeNo, answer.returnMsg);
  } catch (error) {
    console.warn('[payment] closeOrder failed', outTradeNo, error);
  }
}

/** The out_refund_no of an order's full refund: stable, so every retry is the same refund. */
export const fullRefundNo = (orderId: string): string => `R${orderId}`;

/**
 * Refund a whole payment. Idempotent on out_refund_no (WeChat never refunds the same number twice).
 * true when WeChat accepted the refund; the refund notification (to payCallback) confirms it later.
 */
export async function refundInFull(params: {
  outTradeNo: string;
  outRefundNo: string;
  totalFee: number;
  reason: string;
}): Promise<boolean> {
  let answer: RefundResult;
  try {
    answer = await cloudPay.refund({
      sub_mch_id: subMchId(),
      nonce_str: nonceStr(),
      out_trade_no: params.outTradeNo,
      out_refund_no: params.outRefundNo,
      total_fee: params.totalFee,
      refund_fee: params.totalFee,
      functionName: PAY_CALLBACK_FUNCTION,
      envId: currentEnv(),
      refund_desc: params.reason,
    });
  } catch (error) {
    console.error('[payment] refund failed', params.outRefundNo, error);
    return false;
  }
  if (answer.returnCode === 'SUCCESS' && answer.resultCode === 'SUCCESS') return true;
  console.error('[payment] refund refused', params.outRefundNo, answer.returnMsg, answer.errCodeDes);
  return false;
}
