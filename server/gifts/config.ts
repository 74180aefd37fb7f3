/**
 * Settings of the gift functions in one place. The merchant id must match the order function's
 * (same WeChat Pay sub-merchant); the local cloud accepts any.
 */
import { MINUTE_MS, SECOND_MS } from '../../src/domain/clock';

export const PAY_SETTINGS = {
  /** 子商户号 bound to the cloud environment (云开发 → 微信支付) */
  subMchId: '1900000109',
  /** the client IP is not known to cloud functions; WeChat accepts the server's */
  spbillCreateIp: '127.0.0.1',
} as const;

/** The functions WeChat Pay notifies. */
export const PAY_CALLBACK_FUNCTION = 'payCallback';
export const REFUND_CALLBACK_FUNCTION = 'refundCallback';

/** cloudfunctions/giftExpiry/config.json "timeout" (seconds): keep the two in step. */
export const GIFT_EXPIRY_TIMEOUT_MS = 20 * SECOND_MS;

export const SWEEP_SETTINGS = {
  /** documents per query (a cloud-function query returns at most 1000) */
  batchSize: 100,
  /** stop starting new work after this much of the timeout: what remains is the next run's */
  timeBudgetMs: Math.floor(GIFT_EXPIRY_TIMEOUT_MS * 0.6),
  /** a refund-due gift untouched this long gets its refund requested again (same out_refund_no) */
  refundRetryAfterMs: 5 * MINUTE_MS,
  /** an acceptance whose follow-up steps stopped this long ago is resumed by the sweep */
  acceptResumeAfterMs: 2 * MINUTE_MS,
  /** how many gifts are processed at once inside a batch */
  concurrency: 8,
} as const;
