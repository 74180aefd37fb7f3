/**
 * WeChat Pay simulator for cloudPay (`wx.wxPayApi`): unifiedOrder, queryOrder, closeOrder, refund,
 * queryRefund, plus the payer's side (`pay`) and the asynchronous notifications WeChat sends to the
 * callback functions, retried on the local cloud clock. Behaviour and shapes: docs/payment-simulator.md.
 *
 * Every request/reply body here is snake_case, as on the wire; the SDK converts camel ↔ snake itself.
 */
import type { CloudServices, InvocationContext } from '@local-cloud/services';
import { decodeApiOptions } from '@local-cloud/wire/openapi-protobuf';
import { tcbErrorReply, type WireReply } from '@local-cloud/wire/reply';
import { compactTimeUtc8, dashedTimeUtc8, derivedOpenid, md5Sign, nonce, randomDigits, randomHex } from './format';
import { SystemCollection, type StoredDocument } from './store';
import { describe } from '@local-cloud/describe';

/** The service provider (服务商) identity cloudPay pays through: fixed local values. */
export const LOCAL_PAY_PROVIDER = {
  appid: 'wx0c10ca1c10ad0000',
  mchId: '1800000001',
  key: 'local-cloud-pay-key',
} as const;

export const PAYMENTS_COLLECTION = '_local_pay_payments';
export const REFUNDS_COLLECTION = '_local_pay_refunds';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/**
 * Delay before each retry after a failed notification: WeChat Pay's published schedule
 * (15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h = 24h4m), continued every 6 h so that
 * retries span about two days as cloudPay documents. 20 attempts in all, then it gives up.
 */
export const NOTIFY_RETRY_DELAYS_MS: readonly number[] = [
  15 * SECOND,
  15 * SECOND,
  30 * SECOND,
  3 * MINUTE,
  10 * MINUTE,
  20 * MINUTE,
  30 * MINUTE,
  30 * MINUTE,
  30 * MINUTE,
  60 * MINUTE,
  3 * HOUR,
  3 * HOUR,
  3 * HOUR,
  6 * HOUR,
  6 * HOUR,
  6 * HOUR,
  6 * HOUR,
  6 * HOUR,
  6 * HOUR,
];
/** Clock time between an accepted refund request and the refund succeeding (then it is notified). */
export const REFUND_SETTLE_DELAY_MS = 1000;
/** WeChat allows at most 50 partial refunds per order. */
const MAX_REFUNDS_PER_ORDER = 50;

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'REFUND' | 'CLOSED' | 'PAYERROR';
export type RefundState = 'PROCESSING' | 'SUCCESS';

const TRADE_STATE_DESC: Record<TradeState, string> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  REFUND: '订单发生过退款',
  CLOSED: '订单已关闭',
  PAYERROR: '支付失败',
};

export interface NotifyAttempt {
  /** clock time of the attempt */
  at: number;
  /** the callback answered `{ errcode: 0 }` */
  ok: boolean;
  /** JSON of what the callback returned, or the error it threw */
  detail: string;
}

export interface NotifyLog {
  /** callback function; null when the request named none (nothing is delivered) */
  functionName: string | null;
  delivered: boolean;
  attempts: NotifyAttempt[];
  nextAttemptAt: number | null;
  gaveUp: boolean;
  /** nonce_str of the notification, the same on every retry */
  nonceStr: string;
}

export interface PaymentRecord extends StoredDocument {
  outTradeNo: string;
  state: TradeState;
  prepayId: string;
  body: string;
  attach: string | null;
  totalFee: number;
  feeType: string;
  tradeType: string;
  subMchId: string;
  subAppid: string;
  envId: string;
  spbillCreateIp: string;
  /** the merchant's nonce_str of the unifiedOrder request */
  requestNonceStr: string;
  /** sub_openid: the caller of unifiedOrder */
  payerOpenid: string;
  createdAt: number;
  paidAt: number | null;
  closedAt: number | null;
  transactionId: string | null;
  timeEnd: string | null;
  /** sum of all accepted refunds (processing or done), fen */
  refundedFee: number;
  notify: NotifyLog;
}

export interface RefundRecord extends StoredDocument {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  transactionId: string;
  subMchId: string;
  subAppid: string;
  payerOpenid: string;
  totalFee: number;
  refundFee: number;
  state: RefundState;
  createdAt: number;
  /** clock time at which the refund turns SUCCESS */
  completeAt: number;
  successTime: string | null;
  notify: NotifyLog;
}

export interface PayOutcome {
  outTradeNo: string;
  state: TradeState;
  /** the callback acknowledged (`errcode: 0`) — on the first attempt, or earlier for an already-paid order */
  notified: boolean;
  /** the order had already been paid: nothing changed, no new notification */
  alreadyPaid: boolean;
}

export interface PayLedger {
  payments: PaymentRecord[];
  refunds: RefundRecord[];
}

/** pay() on an order that cannot be paid. */
export class PaySimulatorError extends Error {
  constructor(
    readonly code: 'ORDERNOTEXIST' | 'ORDERCLOSED',
    message: string,
  ) {
    super(message);
    this.name = 'PaySimulatorError';
  }
}

/** A cloudPay API the simulator does not implement (downloadBill, profit sharing, ...). */
export class PayApiNotSupportedError extends Error {
  constructor(readonly apiName: string) {
    super(`cloudPay.${apiName} is not simulated by the local cloud`);
    this.name = 'PayApiNotSupportedError';
  }
}

type Reply = Record<string, unknown>;
type Params = Record<string, unknown>;

/** A parameter check that failed: answered as return_code FAIL, like WeChat's format errors. */
class ParamError extends Error {}

function requiredString(params: Params, name: string, maxLength: number, pattern?: RegExp): string {
  const value = params[name];
  if (value === undefined || value === null || value === '') throw new ParamError(`缺少参数${name}`);
  if (typeof value !== 'string' || value.length > maxLength || (pattern && !pattern.test(value))) {
    throw new ParamError(`${name}参数格式错误`);
  }
  return value;
}

function optionalString(params: Params, name: string, maxLength: number): string | null {
  const value = params[name];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > maxLength) throw new ParamError(`${name}参数格式错误`);
  return value;
}

/** Amounts are integer fen; WeChat rejects 0, negatives, fractions and strings. */
function requiredFen(params: Params, name: string): number {
  const value = params[name];
  if (value === undefined || value === null || value === '') throw new ParamError(`缺少参数${name}`);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    throw new ParamError(`${name}参数格式错误`);
  return value;
}

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*@]+$/;
const TRADE_TYPES = new Set(['JSAPI', 'NATIVE', 'APP', 'MWEB']);

function isAcknowledged(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { errcode?: unknown }).errcode === 0;
}

export class PaySimulator {
  private readonly payments: SystemCollection<PaymentRecord>;
  private readonly refunds: SystemCollection<RefundRecord>;
  /** notifications being delivered right now, so a retry never overlaps an attempt */
  private readonly delivering = new Set<string>();

  constructor(private readonly services: CloudServices) {
    this.payments = new SystemCollection(services.db, PAYMENTS_COLLECTION);
    this.refunds = new SystemCollection(services.db, REFUNDS_COLLECTION);
    // start loading now so ledger() is filled even before the first call (errors resurface there)
    this.load().catch(() => undefined);
  }

  private async load(): Promise<void> {
    await Promise.all([this.payments.load(), this.refunds.load()]);
  }

  /**
   * Call once at start: loads the ledger and re-schedules what a restart interrupted (pending
   * notification retries, refunds not yet settled).
   */
  async restoreScheduled(): Promise<void> {
    await this.load();
    const now = this.services.now();
    for (const payment of this.payments.all()) {
      if ((payment.state === 'SUCCESS' || payment.state === 'REFUND') && this.pendingNotify(payment.notify)) {
        await this.resumeNotify('payment', payment, now);
      }
    }
    for (const refund of this.refunds.all()) {
      if (refund.state === 'PROCESSING') this.scheduleSettle(refund._id, refund.completeAt);
      else if (this.pendingNotify(refund.notify)) await this.resumeNotify('refund', refund, now);
    }
  }

  /**
   * A notification still owed after a restart. Its next attempt time is on disk (written before any
   * attempt started); a record from before that rule has none, so it is due now, and written first.
   */
  private async resumeNotify(kind: 'payment' | 'refund', record: PaymentRecord | RefundRecord, now: number) {
    if (record.notify.nextAttemptAt === null) {
      record.notify.nextAttemptAt = now;
      if (kind === 'payment') await this.payments.save(record as PaymentRecord);
      else await this.refunds.save(record as RefundRecord);
    }
    this.scheduleNotify(kind, record._id, record.notify.nextAttemptAt);
  }

  /** Every payment and refund with its state and notification attempts, oldest first. */
  ledger(): PayLedger {
    const byCreation = <T extends { createdAt: number }>(a: T, b: T) => a.createdAt - b.createdAt;
    return {
      payments: this.payments.all().sort(byCreation),
      refunds: this.refunds.all().sort(byCreation),
    };
  }

  /** Answers one cloudPay API call. `requestData` and the reply are snake_case bodies. */
  async handleApi(apiName: string, requestData: Params, caller: InvocationContext): Promise<Reply> {
    await this.load();
    try {
      switch (apiName) {
        case 'unifiedOrder':
          return await this.unifiedOrder(requestData, caller);
        case 'queryOrder':
          return this.queryOrder(requestData);
        case 'closeOrder':
          return await this.closeOrder(requestData);
        case 'refund':
          return await this.refund(requestData);
        case 'queryRefund':
          return this.queryRefund(requestData);
        default:
          throw new PayApiNotSupportedError(apiName);
      }
    } catch (error) {
      if (error instanceof ParamError) return { return_code: 'FAIL', return_msg: error.message };
      throw error;
    }
  }

  /**
   * Answers a whole `wx.wxPayApi` request from its multipart fields (`apiName`, `apiOptions`,
   * `requestData`). The reply is JSON with content-type `application/json` — never
   * `application/json; charset=utf-8`, which makes the SDK reject it (docs/cloudbase-wire.md §4).
   * `apiOptions.appid` (from `cloud.cloudPay({ appid })`) overrides the caller's appid.
   */
  async handleWire(fields: Map<string, Buffer>, caller: InvocationContext): Promise<WireReply> {
    const apiName = fields.get('apiName')?.toString('utf8') ?? '';
    let requestData: unknown;
    let appid = '';
    try {
      appid = decodeApiOptions(fields.get('apiOptions') ?? Buffer.alloc(0)).appid;
      requestData = JSON.parse(fields.get('requestData')?.toString('utf8') ?? '');
    } catch (error) {
      return tcbErrorReply('INVALID_PARAM', `malformed cloudPay request: ${describe(error)}`);
    }
    if (typeof requestData !== 'object' || requestData === null || Array.isArray(requestData)) {
      return tcbErrorReply('INVALID_PARAM', 'cloudPay requestData must be a JSON object');
    }
    try {
      const reply = await this.handleApi(apiName, requestData as Params, appid ? { ...caller, appid } : caller);
      return { contentType: 'application/json', body: Buffer.from(JSON.stringify(reply)) };
    } catch (error) {
      if (error instanceof PayApiNotSupportedError) return tcbErrorReply('INVALID_PARAM', error.message);
      throw error;
    }
  }

  /**
   * The payer's side of `wx.requestPayment`. 'SUCCESS' pays the order and delivers the payment
   * notification (resolving after the first attempt; failures are retried on the clock); paying an
   * already-paid order changes nothing and answers alreadyPaid. 'FAIL' marks it PAYERROR with no
   * notification (it can still be paid or closed later).
   */
  async pay(outTradeNo: string, result: 'SUCCESS' | 'FAIL' = 'SUCCESS'): Promise<PayOutcome> {
    await this.load();
    const payment = this.payments.get(outTradeNo);
    if (!payment) throw new PaySimulatorError('ORDERNOTEXIST', `no order ${outTradeNo}`);
    if (payment.state === 'SUCCESS' || payment.state === 'REFUND') {
      return { outTradeNo, state: payment.state, notified: payment.notify.delivered, alreadyPaid: true };
    }
    if (payment.state === 'CLOSED') throw new PaySimulatorError('ORDERCLOSED', `order ${outTradeNo} is closed`);
    if (result === 'FAIL') {
      payment.state = 'PAYERROR';
      await this.payments.save(payment);
      return { outTradeNo, state: 'PAYERROR', notified: false, alreadyPaid: false };
    }
    const now = this.services.now();
    payment.state = 'SUCCESS';
    payment.paidAt = now;
    payment.transactionId = `42000${randomDigits(5)}${compactTimeUtc8(now).slice(0, 8)}${randomDigits(10)}`;
    payment.timeEnd = compactTimeUtc8(now);
    // the notification is owed from this moment: its due time is saved with the payment itself
    if (payment.notify.functionName !== null) payment.notify.nextAttemptAt = now;
    await this.payments.save(payment);
    const notified = await this.deliver('payment', payment._id);
    return { outTradeNo, state: payment.state, notified, alreadyPaid: false };
  }

  // ------------------------------------------------------------------------------------------------
  // APIs

  private replyBase(subMchId: string, subAppid: string): Reply {
    return {
      return_code: 'SUCCESS',
      return_msg: 'OK',
      appid: LOCAL_PAY_PROVIDER.appid,
      mch_id: LOCAL_PAY_PROVIDER.mchId,
      sub_appid: subAppid,
      sub_mch_id: subMchId,
      nonce_str: nonce(),
    };
  }

  private signed(reply: Reply): Reply {
    return { ...reply, sign: md5Sign(reply, LOCAL_PAY_PROVIDER.key) };
  }

  private resultFail(base: Reply, errCode: string, errCodeDes: string): Reply {
    return this.signed({ ...base, result_code: 'FAIL', err_code: errCode, err_code_des: errCodeDes });
  }

  private async unifiedOrder(params: Params, caller: InvocationContext): Promise<Reply> {
    const body = requiredString(params, 'body', 128);
    const outTradeNo = requiredString(params, 'out_trade_no', 32, OUT_TRADE_NO);
    const totalFee = requiredFen(params, 'total_fee');
    const spbillCreateIp = requiredString(params, 'spbill_create_ip', 64);
    const subMchId = requiredString(params, 'sub_mch_id', 32);
    const envId = requiredString(params, 'env_id', 64);
    const functionName = requiredString(params, 'function_name', 128);
    const requestNonceStr = requiredString(params, 'nonce_str', 32);
    const tradeType = optionalString(params, 'trade_type', 16) ?? 'JSAPI';
    if (!TRADE_TYPES.has(tradeType)) throw new ParamError('trade_type参数格式错误');
    const attach = optionalString(params, 'attach', 127);
    const feeType = optionalString(params, 'fee_type', 16) ?? 'CNY';
    const subAppid = optionalString(params, 'sub_appid', 32) ?? caller.appid;
    const payerOpenid = optionalString(params, 'sub_openid', 128) ?? caller.openid;

    const base = this.replyBase(subMchId, subAppid);
    if (tradeType === 'JSAPI' && !payerOpenid) {
      return this.resultFail(base, 'PARAM_ERROR', 'JSAPI支付必须传openid');
    }

    const existing = this.payments.get(outTradeNo);
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND')
        return this.resultFail(base, 'ORDERPAID', '该订单已支付');
      if (existing.state === 'CLOSED') return this.resultFail(base, 'ORDERCLOSED', '该订单已关闭');
      const sameOrder =
        existing.totalFee === totalFee &&
        existing.body === body &&
        existing.subMchId === subMchId &&
        existing.payerOpenid === payerOpenid;
      if (!sameOrder) return this.resultFail(base, 'INVALID_REQUEST', '201 商户订单号重复');
      return this.prepayReply(base, existing);
    }

    const now = this.services.now();
    const payment: PaymentRecord = {
      _id: outTradeNo,
      outTradeNo,
      state: 'NOTPAY',
      prepayId: `wx${compactTimeUtc8(now).slice(4)}${randomHex(10)}0000`,
      body,
      attach,
      totalFee,
      feeType,
      tradeType,
      subMchId,
      subAppid,
      envId,
      spbillCreateIp,
      requestNonceStr,
      payerOpenid,
      createdAt: now,
      paidAt: null,
      closedAt: null,
      transactionId: null,
      timeEnd: null,
      refundedFee: 0,
      notify: { functionName, delivered: false, attempts: [], nextAttemptAt: null, gaveUp: false, nonceStr: nonce() },
    };
    // insert updates the cache before it awaits the database, so a concurrent duplicate sees this order
    await this.payments.insert(payment);
    return this.prepayReply(base, payment);
  }

  private prepayReply(base: Reply, payment: PaymentRecord): Reply {
    const paymentParams = {
      appId: payment.subAppid,
      timeStamp: String(Math.floor(this.services.now() / 1000)),
      nonceStr: nonce(),
      package: `prepay_id=${payment.prepayId}`,
      signType: 'MD5',
    };
    const reply = this.signed({
      ...base,
      result_code: 'SUCCESS',
      trade_type: payment.tradeType,
      prepay_id: payment.prepayId,
    });
    // camelCase inside `payment`, as cloudPay returns it (the SDK leaves it alone)
    return { ...reply, payment: { ...paymentParams, paySign: md5Sign(paymentParams, LOCAL_PAY_PROVIDER.key) } };
  }

  private findPayment(params: Params): PaymentRecord | undefined {
    const outTradeNo = optionalString(params, 'out_trade_no', 32);
    const transactionId = optionalString(params, 'transaction_id', 32);
    if (!outTradeNo && !transactionId) throw new ParamError('缺少参数out_trade_no');
    if (outTradeNo) return this.payments.get(outTradeNo);
    return this.payments.all().find((payment) => payment.transactionId === transactionId);
  }

  private queryOrder(params: Params): Reply {
    const subMchId = requiredString(params, 'sub_mch_id', 32);
    requiredString(params, 'nonce_str', 32);
    const payment = this.findPayment(params);
    if (!payment) return this.resultFail(this.replyBase(subMchId, ''), 'ORDERNOTEXIST', '订单不存在');
    const base = this.replyBase(payment.subMchId, payment.subAppid);
    const paid = payment.transactionId !== null;
    return this.signed({
      ...base,
      result_code: 'SUCCESS',
      out_trade_no: payment.outTradeNo,
      trade_state: payment.state,
      trade_state_desc: TRADE_STATE_DESC[payment.state],
      total_fee: payment.totalFee,
      fee_type: payment.feeType,
      trade_type: payment.tradeType,
      ...(payment.attach !== null ? { attach: payment.attach } : {}),
      ...(paid
        ? {
            openid: derivedOpenid(payment.payerOpenid, LOCAL_PAY_PROVIDER.appid),
            is_subscribe: 'N',
            sub_openid: payment.payerOpenid,
            sub_is_subscribe: 'N',
            bank_type: 'OTHERS',
            cash_fee: payment.totalFee,
            cash_fee_type: 'CNY',
            transaction_id: payment.transactionId,
            time_end: payment.timeEnd,
          }
        : {}),
    });
  }

  private async closeOrder(params: Params): Promise<Reply> {
    const subMchId = requiredString(params, 'sub_mch_id', 32);
    requiredString(params, 'nonce_str', 32);
    const outTradeNo = requiredString(params, 'out_trade_no', 32, OUT_TRADE_NO);
    const payment = this.payments.get(outTradeNo);
    if (!payment) return this.resultFail(this.replyBase(subMchId, ''), 'ORDERNOTEXIST', '订单不存在');
    const base = this.replyBase(payment.subMchId, payment.subAppid);
    if (payment.state === 'SUCCESS' || payment.state === 'REFUND')
      return this.resultFail(base, 'ORDERPAID', '订单已支付，不能发起关单');
    if (payment.state === 'CLOSED') return this.resultFail(base, 'ORDERCLOSED', '订单已关闭，无法重复关闭');
    payment.state = 'CLOSED';
    payment.closedAt = this.services.now();
    await this.payments.save(payment);
    return this.signed({ ...base, result_code: 'SUCCESS', result_msg: 'OK' });
  }

  private async refund(params: Params): Promise<Reply> {
    const subMchId = requiredString(params, 'sub_mch_id', 32);
    requiredString(params, 'nonce_str', 32);
    const outRefundNo = requiredString(params, 'out_refund_no', 64, OUT_TRADE_NO);
    const totalFee = requiredFen(params, 'total_fee');
    const refundFee = requiredFen(params, 'refund_fee');
    const functionName = optionalString(params, 'function_name', 128);
    const payment = this.findPayment(params);
    if (!payment) return this.resultFail(this.replyBase(subMchId, ''), 'ORDERNOTEXIST', '订单不存在');
    const base = this.replyBase(payment.subMchId, payment.subAppid);

    const previous = this.refunds.get(outRefundNo);
    if (previous) {
      // retrying with the same out_refund_no is how WeChat expects a refund to be re-sent
      if (previous.outTradeNo !== payment.outTradeNo)
        return this.resultFail(base, 'INVALID_REQUEST', '商户退款单号重复');
      if (previous.totalFee !== totalFee || previous.refundFee !== refundFee) {
        return this.resultFail(base, 'INVALID_REQUEST', '订单金额或退款金额与之前请求不一致，请核实后再试');
      }
      return this.refundReply(base, previous);
    }
    if (payment.state !== 'SUCCESS' && payment.state !== 'REFUND')
      return this.resultFail(base, 'TRADE_STATE_ERROR', '订单状态错误');
    if (totalFee !== payment.totalFee) return this.resultFail(base, 'INVALID_REQUEST', '订单金额与支付金额不一致');
    if (payment.refundedFee + refundFee > payment.totalFee)
      return this.resultFail(base, 'NOTENOUGH', '累计退款金额大于支付金额');
    const refundsOfOrder = this.refunds.all().filter((refund) => refund.outTradeNo === payment.outTradeNo).length;
    if (refundsOfOrder >= MAX_REFUNDS_PER_ORDER)
      return this.resultFail(base, 'INVALID_REQUEST', '该订单退款次数已达上限');

    const now = this.services.now();
    const refund: RefundRecord = {
      _id: outRefundNo,
      outRefundNo,
      refundId: `503${randomDigits(26)}`,
      outTradeNo: payment.outTradeNo,
      transactionId: payment.transactionId ?? '',
      subMchId: payment.subMchId,
      subAppid: payment.subAppid,
      payerOpenid: payment.payerOpenid,
      totalFee,
      refundFee,
      state: 'PROCESSING',
      createdAt: now,
      completeAt: now + REFUND_SETTLE_DELAY_MS,
      successTime: null,
      notify: { functionName, delivered: false, attempts: [], nextAttemptAt: null, gaveUp: false, nonceStr: nonce() },
    };
    // both caches change before the first await: a concurrent refund sees the new total
    payment.refundedFee += refundFee;
    payment.state = 'REFUND';
    await Promise.all([this.refunds.insert(refund), this.payments.save(payment)]);
    this.scheduleSettle(refund._id, refund.completeAt);
    return this.refundReply(base, refund);
  }

  private refundReply(base: Reply, refund: RefundRecord): Reply {
    return this.signed({
      ...base,
      result_code: 'SUCCESS',
      transaction_id: refund.transactionId,
      out_trade_no: refund.outTradeNo,
      out_refund_no: refund.outRefundNo,
      refund_id: refund.refundId,
      refund_channel: '',
      refund_fee: refund.refundFee,
      settlement_refund_fee: refund.refundFee,
      total_fee: refund.totalFee,
      settlement_total_fee: refund.totalFee,
      fee_type: 'CNY',
      cash_fee: refund.totalFee,
      cash_refund_fee: refund.refundFee,
      coupon_refund_fee: 0,
      coupon_refund_count: 0,
    });
  }

  private queryRefund(params: Params): Reply {
    const subMchId = requiredString(params, 'sub_mch_id', 32);
    requiredString(params, 'nonce_str', 32);
    const outRefundNo = optionalString(params, 'out_refund_no', 64);
    const refundId = optionalString(params, 'refund_id', 32);
    const outTradeNo = optionalString(params, 'out_trade_no', 32);
    const transactionId = optionalString(params, 'transaction_id', 32);
    if (!outRefundNo && !refundId && !outTradeNo && !transactionId) throw new ParamError('缺少参数out_refund_no');
    // WeChat's precedence: refund_id > out_refund_no > transaction_id > out_trade_no
    const matches = this.refunds
      .all()
      .filter((refund) =>
        refundId
          ? refund.refundId === refundId
          : outRefundNo
            ? refund.outRefundNo === outRefundNo
            : transactionId
              ? refund.transactionId === transactionId
              : refund.outTradeNo === outTradeNo,
      )
      .sort((a, b) => a.createdAt - b.createdAt);
    const first = matches[0];
    if (!first) return this.resultFail(this.replyBase(subMchId, ''), 'REFUNDNOTEXIST', '退款订单查询失败');
    const payment = this.payments.get(first.outTradeNo);
    const base = this.replyBase(first.subMchId, first.subAppid);
    const statusOf = (refund: RefundRecord) => refund.state;
    return this.signed({
      ...base,
      result_code: 'SUCCESS',
      transaction_id: first.transactionId,
      out_trade_no: first.outTradeNo,
      total_fee: first.totalFee,
      cash_fee: first.totalFee,
      fee_type: 'CNY',
      refund_count: matches.length,
      // cloudPay answers queryRefund with *_list arrays rather than WeChat Pay's `_$n` suffixes
      out_refund_no_list: matches.map((refund) => refund.outRefundNo),
      refund_id_list: matches.map((refund) => refund.refundId),
      refund_channel: matches.map(() => 'ORIGINAL'),
      refund_fee_list: matches.map((refund) => refund.refundFee),
      settlement_refund_fee_list: matches.map((refund) => refund.refundFee),
      // no coupons are simulated: the coupon lists are there, as in cloudPay's answer, with nothing in them
      coupon_type_array: [],
      coupon_refund_fee_list: matches.map(() => 0),
      coupon_refund_count_list: matches.map(() => 0),
      coupon_refund_id_array: [],
      coupon_refund_fee_array: [],
      refund_status_list: matches.map(statusOf),
      refund_account_list: matches.map(() => 'REFUND_SOURCE_UNSETTLED_FUNDS'),
      refund_recv_accout_list: matches.map(() => '支付用户零钱'),
      refund_success_time_list: matches.map((refund) => refund.successTime ?? ''),
      ...(payment ? { refund_fee: payment.refundedFee } : {}),
    });
  }

  // ------------------------------------------------------------------------------------------------
  // settlement and notifications

  private scheduleSettle(refundKey: string, atMs: number): void {
    this.services.scheduleAt(atMs, `pay:refund-settle:${refundKey}`, () => this.settleRefund(refundKey));
  }

  private async settleRefund(refundKey: string): Promise<void> {
    const refund = this.refunds.get(refundKey);
    if (!refund || refund.state !== 'PROCESSING') return;
    refund.state = 'SUCCESS';
    refund.successTime = dashedTimeUtc8(this.services.now());
    if (refund.notify.functionName !== null) refund.notify.nextAttemptAt = this.services.now();
    await this.refunds.save(refund);
    await this.deliver('refund', refundKey);
  }

  private pendingNotify(notify: NotifyLog): boolean {
    return notify.functionName !== null && !notify.delivered && !notify.gaveUp;
  }

  private scheduleNotify(kind: 'payment' | 'refund', key: string, atMs: number): void {
    this.services.scheduleAt(atMs, `pay:${kind}-notify:${key}`, async () => {
      const record = kind === 'payment' ? this.payments.get(key) : this.refunds.get(key);
      // a task left over from before a restart (or already superseded) does nothing
      if (!record || record.notify.nextAttemptAt !== atMs) return;
      await this.deliver(kind, key);
    });
  }

  /** One delivery attempt; schedules the next on failure. Resolves true when acknowledged. */
  private async deliver(kind: 'payment' | 'refund', key: string): Promise<boolean> {
    const record = kind === 'payment' ? this.payments.get(key) : this.refunds.get(key);
    if (!record) return false;
    if (record.notify.delivered) return true;
    if (!this.pendingNotify(record.notify)) return false;
    const flightKey = `${kind}:${key}`;
    if (this.delivering.has(flightKey)) return false;
    this.delivering.add(flightKey);
    // Only `notify` is written here: the callback may refund the payment meanwhile, and that change
    // (state, refundedFee) must not be overwritten by the copy this attempt started from.
    const saveNotify = (notify: NotifyLog) =>
      kind === 'payment' ? this.payments.patch(key, { notify }) : this.refunds.patch(key, { notify });
    try {
      const event =
        kind === 'payment' ? this.paymentEvent(record as PaymentRecord) : this.refundEvent(record as RefundRecord);
      const functionName = record.notify.functionName as string;
      const at = this.services.now();
      const attemptsBefore = record.notify.attempts;
      // Before the attempt: when to try again if this one is lost (a crash before its outcome is
      // saved). A restart resumes from this time, so the notification is delivered at least once.
      const retryIfLost = at + (NOTIFY_RETRY_DELAYS_MS[attemptsBefore.length] ?? NOTIFY_RETRY_DELAYS_MS[0] ?? 0);
      await saveNotify({ ...record.notify, nextAttemptAt: retryIfLost });
      let ok = false;
      let detail: string;
      try {
        const result = await this.services.invoke(functionName, event, {
          openid: record.payerOpenid,
          source: 'wx_paycallback',
        });
        ok = isAcknowledged(result);
        detail = describe(result);
      } catch (error) {
        detail = describe(error);
      }
      const current = (kind === 'payment' ? this.payments.get(key) : this.refunds.get(key)) ?? record;
      const notify: NotifyLog = {
        ...current.notify,
        attempts: [...current.notify.attempts, { at, ok, detail }],
        nextAttemptAt: null,
      };
      if (ok) {
        notify.delivered = true;
      } else {
        const delay = NOTIFY_RETRY_DELAYS_MS[notify.attempts.length - 1];
        if (delay === undefined) notify.gaveUp = true;
        else notify.nextAttemptAt = this.services.now() + delay;
      }
      await saveNotify(notify);
      if (notify.nextAttemptAt !== null) this.scheduleNotify(kind, key, notify.nextAttemptAt);
      return ok;
    } finally {
      this.delivering.delete(flightKey);
    }
  }

  /** The payment notification event, as cloudPay hands it to the callback function (camelCase). */
  private paymentEvent(payment: PaymentRecord): Record<string, unknown> {
    return {
      returnCode: 'SUCCESS',
      appid: LOCAL_PAY_PROVIDER.appid,
      mchId: LOCAL_PAY_PROVIDER.mchId,
      subAppid: payment.subAppid,
      subMchId: payment.subMchId,
      nonceStr: payment.notify.nonceStr,
      resultCode: 'SUCCESS',
      openid: derivedOpenid(payment.payerOpenid, LOCAL_PAY_PROVIDER.appid),
      isSubscribe: 'N',
      subOpenid: payment.payerOpenid,
      subIsSubscribe: 'N',
      tradeType: payment.tradeType,
      bankType: 'OTHERS',
      totalFee: payment.totalFee,
      feeType: payment.feeType,
      cashFee: payment.totalFee,
      transactionId: payment.transactionId,
      outTradeNo: payment.outTradeNo,
      timeEnd: payment.timeEnd,
      ...(payment.attach !== null ? { attach: payment.attach } : {}),
      userInfo: { appId: payment.subAppid, openId: payment.payerOpenid },
    };
  }

  /** The refund notification: WeChat Pay's fields with `req_info` delivered decrypted, camelCase. */
  private refundEvent(refund: RefundRecord): Record<string, unknown> {
    return {
      returnCode: 'SUCCESS',
      appid: LOCAL_PAY_PROVIDER.appid,
      mchId: LOCAL_PAY_PROVIDER.mchId,
      subAppid: refund.subAppid,
      subMchId: refund.subMchId,
      nonceStr: refund.notify.nonceStr,
      reqInfo: {
        transactionId: refund.transactionId,
        outTradeNo: refund.outTradeNo,
        refundId: refund.refundId,
        outRefundNo: refund.outRefundNo,
        totalFee: refund.totalFee,
        settlementTotalFee: refund.totalFee,
        refundFee: refund.refundFee,
        settlementRefundFee: refund.refundFee,
        refundStatus: refund.state,
        successTime: refund.successTime,
        refundRecvAccout: '支付用户零钱',
        refundAccount: 'REFUND_SOURCE_UNSETTLED_FUNDS',
        refundRequestSource: 'API',
      },
    };
  }
}
