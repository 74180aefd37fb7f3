/**
 * Settings of the gift functions in one place. WeChat Pay settings (sub-merchant id via the
 * PAY_SUB_MCH_ID environment variable, callback functions, payment body) are shared with orders:
 * server/payment.ts.
 */
import { MINUTE_MS, SECOND_MS } from '@domain/clock';

/** cloudfunctions/giftExpiry/config.json "timeout" (seconds): keep the two in step. */
export const GIFT_EXPIRY_TIMEOUT_MS = 20 * SECOND_MS;

export const SWEEP_SETTINGS = {
  /** documents per query (a cloud-function query returns at most 1000) */
  batchSize: 100,
  /** stop starting new work after this much of the timeout: what remains is the next run's */
  timeBudgetMs: Math.floor(GIFT_EXPIRY_TIMEOUT_MS * 0.6),
  /**
   * a refund owed and untouched this long: requested again when WeChat Pay did not accept it (same
   * out_refund_no), queried (queryRefund) when it did but no notification confirmed it
   */
  refundRetryAfterMs: 5 * MINUTE_MS,
  /** an acceptance whose follow-up steps stopped this long ago is resumed by the sweep */
  acceptResumeAfterMs: 2 * MINUTE_MS,
  /** how many gifts are processed at once inside a batch */
  concurrency: 8,
} as const;
