/**
 * The ONE wrapper around wx-server-sdk. Cloud functions import the database, the caller's identity,
 * WeChat Pay and the open API from here, never from the SDK. It reaches the real cloud or the local
 * cloud purely through the environment variables the SDK reads: there are no test switches.
 */
// Default import = the SDK's module.exports object itself, so its methods keep their `this`.
import cloud from 'wx-server-sdk';

// DYNAMIC_CURRENT_ENV: use the environment the function runs in. The SDK typings want a string.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export const db = cloud.database();
export const command = db.command;

export type Database = typeof db;
export type CollectionRef = ReturnType<Database['collection']>;
export type Query = ReturnType<CollectionRef['where']>;

/** Who invoked the function. `openid` is '' for timer triggers and other calls without a user. */
export interface Caller {
  openid: string;
  appid: string;
  unionid: string;
  /** e.g. 'wx_client', 'wx_devtools', 'wx_trigger', 'wx_paycallback', 'wx_http' */
  source: string;
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** The caller as WeChat injected it. getWXContext reads env vars on every call, so call it per invocation. */
export function caller(): Caller {
  const context = cloud.getWXContext();
  const source = text(context.SOURCE);
  return {
    openid: text(context.OPENID),
    appid: text(context.APPID),
    unionid: text(context.UNIONID),
    // SOURCE may be a comma list; the wx_* entry names the trigger
    source: source.split(',').find((part) => part.startsWith('wx_')) ?? source,
  };
}

/** The environment id, for cloudPay `envId` and delayed tasks `env`. */
export const currentEnv = (): string => text(cloud.getWXContext().ENV);

// ---- typed query helpers (the SDK typings answer `Promise | void | string`) ----

type Gettable = { get(): unknown };
type Countable = { count(): unknown };

/** Run a query and return its documents typed as T. */
export async function fetchDocs<T>(query: Gettable): Promise<T[]> {
  const result = (await query.get()) as { data: T[] };
  return result.data;
}

export async function countDocs(query: Countable): Promise<number> {
  const result = (await query.count()) as { total: number };
  return result.total;
}

// ---- WeChat Pay (cloud.cloudPay) ----

export interface UnifiedOrderParams {
  body: string;
  outTradeNo: string;
  spbillCreateIp: string;
  subMchId: string;
  /** fen */
  totalFee: number;
  envId: string;
  /** the cloud function WeChat calls with the payment result */
  functionName: string;
  nonceStr?: string;
  tradeType?: 'JSAPI';
  attach?: string;
  timeExpire?: string;
}

/** Everything wx.requestPayment needs. */
export interface PaymentParams {
  appId?: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

interface PayResultBase {
  returnCode: string;
  returnMsg?: string;
  resultCode?: string;
  errCode?: number | string;
  errCodeDes?: string;
  errMsg: string;
}

export interface UnifiedOrderResult extends PayResultBase {
  prepayId?: string;
  payment?: PaymentParams;
}

export interface RefundParams {
  sub_mch_id: string;
  nonce_str: string;
  out_trade_no: string;
  /** reuse the same value when retrying */
  out_refund_no: string;
  total_fee: number;
  refund_fee: number;
  functionName: string;
  envId: string;
  refund_desc?: string;
}

export interface RefundResult extends PayResultBase {
  refundId?: string;
  outRefundNo?: string;
  refundFee?: number;
}

export interface QueryOrderParams {
  sub_mch_id: string;
  out_trade_no: string;
  nonce_str: string;
}

export interface QueryOrderResult extends PayResultBase {
  tradeState?: string;
  transactionId?: string;
  totalFee?: number;
  timeEnd?: string;
}

export interface CloseOrderParams {
  sub_mch_id: string;
  out_trade_no: string;
  nonce_str: string;
}

/** One of out_refund_no / refund_id / out_trade_no / transaction_id names the refund(s). */
export interface QueryRefundParams {
  sub_mch_id: string;
  nonce_str: string;
  out_refund_no?: string;
  refund_id?: string;
  out_trade_no?: string;
  transaction_id?: string;
}

/** cloudPay answers with `*_list` arrays (one entry per refund of the trade), camelCased by the SDK. */
export interface QueryRefundResult extends PayResultBase {
  refundCount?: number;
  outRefundNoList?: string[];
  refundIdList?: string[];
  /** SUCCESS | PROCESSING | CHANGE | REFUNDCLOSE */
  refundStatusList?: string[];
  refundFeeList?: number[];
  refundSuccessTimeList?: string[];
}

type AnyApi = (params: unknown) => Promise<unknown>;
const payApi = (name: string): AnyApi => {
  const pay = (cloud as unknown as { cloudPay: Record<string, AnyApi> }).cloudPay;
  const api = pay[name];
  if (!api) throw new Error(`cloudPay.${name} is not available in this wx-server-sdk`);
  return api.bind(pay);
};

export const cloudPay = {
  unifiedOrder: async (params: UnifiedOrderParams) => (await payApi('unifiedOrder')(params)) as UnifiedOrderResult,
  refund: async (params: RefundParams) => (await payApi('refund')(params)) as RefundResult,
  queryOrder: async (params: QueryOrderParams) => (await payApi('queryOrder')(params)) as QueryOrderResult,
  closeOrder: async (params: CloseOrderParams) => (await payApi('closeOrder')(params)) as PayResultBase,
  queryRefund: async (params: QueryRefundParams) => (await payApi('queryRefund')(params)) as QueryRefundResult,
};

// ---- open API (cloud.openapi) ----

export interface SubscribeMessageParams {
  touser: string;
  templateId: string;
  page?: string;
  /** e.g. { thing1: { value: '...' } } — thing ≤ 20 chars, name ≤ 10 Chinese chars */
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: string;
}

export interface DelayedFunctionTaskParams {
  env: string;
  functionName: string;
  /** a JSON string handed to the function as its event */
  data: string;
  /** seconds, 6 s .. 30 days */
  delayTime: number;
}

interface OpenApiResult {
  errCode: number;
  errMsg: string;
}

const openApi = (namespace: string, method: string): AnyApi => {
  const openapi = (cloud as unknown as { openapi: Record<string, Record<string, AnyApi> | undefined> }).openapi;
  const group = openapi[namespace];
  const api = group?.[method];
  if (!group || !api) throw new Error(`openapi.${namespace}.${method} is not available in this wx-server-sdk`);
  return api.bind(group);
};

export const openapi = {
  subscribeMessage: {
    send: async (params: SubscribeMessageParams) =>
      (await openApi('subscribeMessage', 'send')(params)) as OpenApiResult & { msgid?: number },
  },
  cloudbase: {
    addDelayedFunctionTask: async (params: DelayedFunctionTaskParams) =>
      (await openApi('cloudbase', 'addDelayedFunctionTask')(params)) as OpenApiResult,
  },
  logistics: {
    /** 物流助手 查询运单轨迹; with `openid`, WeChat also sends that user its 物流服务通知 (server/logistics.ts) */
    getPath: async (params: { openid?: string; deliveryId: string; waybillId: string }) =>
      (await openApi('logistics', 'getPath')(params)) as OpenApiResult & {
        pathItemNum?: number;
        pathItemList?: Array<{ actionTime: number; actionType: number; actionMsg: string }>;
      },
  },
  updatableMessage: {
    /** activity id for a share card (see server/gifts/share.ts for the private-message caveat) */
    createActivityId: async (params: { openid?: string; unionid?: string }) =>
      (await openApi('updatableMessage', 'createActivityId')(params)) as Partial<OpenApiResult> & {
        activityId?: string;
        expirationTime?: number;
      },
  },
};
