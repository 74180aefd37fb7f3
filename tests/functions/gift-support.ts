/**
 * Helpers shared by the gift function tests: calls as a given user, payment through the pay
 * simulator, the ledger, messages, backend invocations, and the privacy scan.
 */
import type { Result } from '@domain/result';
import type { FunctionsHarness } from './harness';

export const GIVER = 'dev-giver';
export const RECIPIENT = 'dev-recipient';
export const FRIEND = 'dev-friend';

export const RECIPIENT_ADDRESS = {
  userName: '李四',
  telNumber: '13900001111',
  provinceName: '上海市',
  cityName: '上海市',
  countyName: '浦东新区',
  detailInfo: '世纪大道100号',
};

/** Keys and strings that must never reach the giver. */
const PRIVATE_KEYS = [
  'address',
  'telNumber',
  'detailInfo',
  'userName',
  'postalCode',
  'recipientOpenid',
  'phone',
  'myAddress',
];
const PRIVATE_STRINGS = [
  RECIPIENT_ADDRESS.telNumber,
  RECIPIENT_ADDRESS.detailInfo,
  RECIPIENT_ADDRESS.userName,
  RECIPIENT,
];

/** Every private key or string found anywhere in `value` (recursively), as readable paths. */
export function privateLeaks(value: unknown, path = '$'): string[] {
  if (typeof value === 'string')
    return PRIVATE_STRINGS.filter((secret) => value.includes(secret)).map((s) => `${path} contains ${s}`);
  if (Array.isArray(value)) return value.flatMap((item, index) => privateLeaks(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [
      ...(PRIVATE_KEYS.includes(key) ? [`${path}.${key}`] : []),
      ...privateLeaks(inner, `${path}.${key}`),
    ]);
  }
  return [];
}

export interface LedgerRefund {
  outRefundNo: string;
  outTradeNo: string;
  refundFee: number;
  state: string;
}
export interface LedgerPayment {
  outTradeNo: string;
  state: string;
  totalFee: number;
  transactionId: string | null;
  payerOpenid: string;
  timeEnd: string | null;
  subMchId: string;
  subAppid: string;
}

export function giftTools(harness: FunctionsHarness) {
  const url = (path: string) => `${harness.cloud.url}${path}`;
  const tools = {
    gift: <T = any>(event: Record<string, unknown>, openid: string = GIVER) =>
      harness.call<Result<T>>('gift', event, openid),
    async okGift<T = any>(event: Record<string, unknown>, openid: string = GIVER): Promise<T> {
      const answer = await tools.gift<T>(event, openid);
      if (!answer.ok) throw new Error(`${JSON.stringify(event)} as ${openid} failed: ${answer.code} ${answer.message}`);
      return answer.data;
    },
    async pay(outTradeNo: string): Promise<{ notified: boolean; alreadyPaid: boolean }> {
      const response = await fetch(url('/_dev/pay'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ outTradeNo }),
      });
      if (response.status !== 200) throw new Error(`pay ${outTradeNo}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { notified: boolean; alreadyPaid: boolean };
    },
    async ledger(): Promise<{ payments: LedgerPayment[]; refunds: LedgerRefund[] }> {
      return (await (await fetch(url('/_dev/ledger'))).json()) as {
        payments: LedgerPayment[];
        refunds: LedgerRefund[];
      };
    },
    async refundsFor(outTradeNo: string): Promise<LedgerRefund[]> {
      return (await tools.ledger()).refunds.filter((refund) => refund.outTradeNo === outTradeNo);
    },
    async messages(): Promise<Array<{ touser: string; templateId?: string; template_id?: string; data: unknown }>> {
      const body = (await (await fetch(url('/_dev/messages'))).json()) as unknown;
      return (Array.isArray(body) ? body : ((body as { messages?: unknown[] }).messages ?? [])) as never;
    },
    /** Invokes a function as the backend does (no user, a trigger source). */
    backend: (name: string, event: unknown, source: 'wx_trigger' | 'wx_paycallback' = 'wx_trigger') =>
      harness.cloud.services.invoke(name, event, { openid: '', source }),
    giftDoc: (giftId: string): any => harness.cloud.db.find('gifts', { _id: giftId })[0],
    orderDoc: (orderId: string): any => harness.cloud.db.find('orders', { _id: orderId })[0],
    sku: (skuId: string): { stock: number; sales: number; holds?: string[] } =>
      harness.cloud.db.find('skus', { _id: skuId })[0],
    counts: () => ({
      gifts: harness.cloud.db.count('gifts'),
      orders: harness.cloud.db.count('orders'),
    }),
    /** createGift + pay; returns what the giver's page would have. */
    async paidGift(skuId = 'home-aroma-sku01', giver = GIVER) {
      const created = await tools.okGift<{ giftId: string; orderId: string; outTradeNo: string }>(
        {
          action: 'createGift',
          skuId,
          greeting: '生日快乐，天天开心',
          recipientName: '小红',
          signature: '小明',
          cardStyle: 'birthday',
        },
        giver,
      );
      const paid = await tools.pay(created.outTradeNo);
      if (!paid.notified) throw new Error(`payment of ${created.outTradeNo} was not acknowledged`);
      const view = await tools.okGift<{ sharePath: string; status: string }>(
        { action: 'getGift', giftId: created.giftId },
        giver,
      );
      const token = new URLSearchParams(view.sharePath.split('?')[1]).get('token') ?? '';
      return { ...created, token, view };
    },
  };
  return tools;
}
