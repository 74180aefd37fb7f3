/**
 * The crash test's workload: shoppers and givers acting at the same time through the gateway, as the
 * H5 build would (POST /functions/<name> with X-WX-OPENID, payments through POST /_dev/pay). Choices
 * come from a seeded generator, so a kill point gets the same kind of mix each run (not the same
 * interleaving: which request is in flight at the kill depends on timing, as in a real crash).
 */
import type { ChildCloud } from './child-cloud';

export const GIVER = 'dev-giver';
export const RECIPIENT = 'dev-recipient';
export const FRIEND = 'dev-friend';

/** Three SKUs of one product at one price: a recipient may switch between them. */
export const BURST_SKUS = ['home-aroma-sku01', 'home-aroma-sku02', 'home-aroma-sku03'] as const;

const BUYER_ADDRESS = {
  userName: '张三',
  telNumber: '13812345678',
  provinceName: '广东省',
  cityName: '广州市',
  countyName: '天河区',
  detailInfo: '体育西路1号',
};

const RECIPIENT_ADDRESS = {
  userName: '李四',
  telNumber: '13900001111',
  provinceName: '上海市',
  cityName: '上海市',
  countyName: '浦东新区',
  detailInfo: '世纪大道100号',
};

/** mulberry32: small, seedable, good enough to pick journeys. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

/** Thrown into a journey once the cloud is gone: the journey stops there. */
class CloudGone extends Error {}

/**
 * Runs journeys, `concurrency` at a time (at most `maxJourneys`), and SIGKILLs the cloud when the
 * `killAfter`-th request has been answered (others are then in flight). Resolves when every journey
 * has stopped.
 */
export async function runBurst(
  cloud: ChildCloud,
  options: { seed: number; concurrency: number; maxJourneys: number; killAfter: number },
): Promise<{ answered: number; killed: boolean }> {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  let answered = 0;
  let killing: Promise<void> | undefined;

  async function request<T>(send: () => Promise<{ status: number; body: T }>): Promise<{ status: number; body: T }> {
    if (killing) throw new CloudGone();
    let result: { status: number; body: T };
    try {
      result = await send();
    } catch (error) {
      if (killing) throw new CloudGone();
      throw error;
    }
    answered += 1;
    if (answered === options.killAfter) killing = cloud.kill();
    return result;
  }

  const call = async <T>(name: string, event: object, openid: string): Promise<Answer<T>> => {
    const { status, body } = await request(() => cloud.call<Answer<T>>(name, event, openid));
    if (status !== 200) throw new Error(`${name} ${JSON.stringify(event)} → HTTP ${status}: ${JSON.stringify(body)}`);
    return body;
  };
  const pay = (outTradeNo: string) => request(() => cloud.post('/_dev/pay', { outTradeNo }));

  async function selfOrder(buyer: string): Promise<void> {
    const created = await call<{ orderId: string; outTradeNo: string }>(
      'order',
      {
        action: 'createOrder',
        skuId: pick(BURST_SKUS),
        quantity: 1 + Math.floor(random() * 2),
        address: BUYER_ADDRESS,
      },
      buyer,
    );
    if (!created.ok) return;
    const { orderId, outTradeNo } = created.data;
    const choice = random();
    if (choice < 0.2) {
      await call('order', { action: 'cancelOrder', orderId }, buyer);
    } else if (choice < 0.35) {
      // pays while cancelling: one of the two wins, the money follows
      await Promise.all([pay(outTradeNo), call('order', { action: 'cancelOrder', orderId }, buyer)]);
    } else if (choice < 0.8) {
      if (random() < 0.3) await call('order', { action: 'payOrder', orderId }, buyer);
      await pay(outTradeNo);
    }
    // else: left unpaid for the 30-minute sweep
  }

  async function gift(giver: string): Promise<void> {
    const created = await call<{ giftId: string; outTradeNo: string }>(
      'gift',
      {
        action: 'createGift',
        skuId: pick(BURST_SKUS),
        greeting: '生日快乐',
        recipientName: '小红',
        cardStyle: 'birthday',
      },
      giver,
    );
    if (!created.ok) return;
    const { giftId, outTradeNo } = created.data;
    if (random() < 0.15) return; // never paid: the sweep cancels it
    await pay(outTradeNo);
    const view = await call<{ sharePath: string }>('gift', { action: 'getGift', giftId }, giver);
    if (!view.ok) return;
    const token = new URLSearchParams(view.data.sharePath.split('?')[1] ?? '').get('token') ?? '';
    await call('gift', { action: 'openGift', giftId, token }, RECIPIENT);
    const choice = random();
    const accept = (who: string) =>
      call(
        'gift',
        {
          action: 'acceptGift',
          giftId,
          token,
          address: RECIPIENT_ADDRESS,
          ...(random() < 0.5 ? { skuId: pick(BURST_SKUS) } : {}),
        },
        who,
      );
    if (choice < 0.35) await accept(RECIPIENT);
    else if (choice < 0.6) await call('gift', { action: 'declineGift', giftId, token }, RECIPIENT);
    else if (choice < 0.8) {
      // the link reached two people: one accepts while the other declines
      await Promise.all([accept(RECIPIENT), call('gift', { action: 'declineGift', giftId, token }, FRIEND)]);
    }
    // else: nobody answers; the gift expires after 24 h
  }

  // `concurrency` journeys at a time; each finished journey is followed by a new one until the kill
  let started = 0;
  async function lane(): Promise<void> {
    while (!killing && started < options.maxJourneys) {
      const index = (started += 1);
      const journey = random() < 0.5 ? selfOrder(`o-crash-buyer-${index}`) : gift(pick([GIVER, FRIEND]));
      await journey.catch((error: unknown) => {
        if (!(error instanceof CloudGone)) throw error;
      });
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, () => lane()));
  if (killing) await killing;
  return { answered, killed: killing !== undefined };
}

/** After the restart: the payers whose wx.requestPayment was still open finish paying (some of them). */
export async function payLeftovers(cloud: ChildCloud, seed: number): Promise<void> {
  const random = seededRandom(seed * 7919);
  const ledger = await cloud.get<{ payments: { outTradeNo: string; state: string }[] }>('/_dev/ledger');
  for (const payment of ledger.payments) {
    if (payment.state === 'NOTPAY' && random() < 0.5) await cloud.post('/_dev/pay', { outTradeNo: payment.outTradeNo });
  }
}
