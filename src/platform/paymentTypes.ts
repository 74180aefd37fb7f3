import type { Fen, WxPaymentParams } from '@domain/contracts';

/** What wx.requestPayment takes: the `payment` block cloudPay.unifiedOrder returns, as is. */
export type PaymentParams = WxPaymentParams;

export interface PaymentRequestOptions {
  /** the order's out_trade_no: the H5 cashier pays it through the local cloud's /_dev/pay */
  outTradeNo: string;
  /** shown on the H5 cashier sheet; WeChat's own sheet shows the amount it already knows */
  totalFee?: Fen;
  /** one line under the amount on the H5 cashier, e.g. the product name */
  description?: string;
}

/** How wx.requestPayment rejects: `{ errMsg: 'requestPayment:fail cancel' }` when the user backs out. */
export interface PaymentFailure {
  errMsg: string;
}

export type PaymentOutcome = 'paid' | 'cancelled' | 'failed';

export const PAYMENT_CANCEL_MESSAGE = 'requestPayment:fail cancel';

const errMsgOf = (error: unknown): string =>
  error instanceof Object && 'errMsg' in error ? String(error.errMsg) : error instanceof Error ? error.message : '';

/** True for the user closing the pay sheet (not an error to report, the order stays payable). */
export const isPaymentCancelled = (error: unknown): boolean => /cancel/i.test(errMsgOf(error));

export const paymentOutcomeOf = (error: unknown): Exclude<PaymentOutcome, 'paid'> =>
  isPaymentCancelled(error) ? 'cancelled' : 'failed';
