/**
 * A seeded history of gifts, so that 送礼排行榜, 品牌飙升榜 and 送这个的人也送了 have real input on a fresh
 * start: ordinary gift documents and their gift orders (same id, `kind: 'gift'`), as the gift function
 * leaves them once settled — accepted and delivered (order completed), declined or expired and refunded
 * (order cancelled, 'giftClosed'). Paid in the 14 days before `now`, from a few seed givers, more of
 * some brands this week than last. The giftStats timer computes the rankings from these like from any
 * other gifts; nothing here is a ranking. Deterministic for a given `now`.
 */
import { DAY_MS, HOUR_MS } from '@domain/clock';
import { giftOutRefundNo, giftOutTradeNo, GIFT_TTL_MS } from '@domain/gift/rules';
import type { GiftStatus } from '@domain/gift/machine';
import type { OrderRecord } from '@domain/order/types';
import type { CatalogueDocuments } from './build';

export const SEED_GIVERS = Array.from({ length: 24 }, (_, index) => `seed-giver-${String(index + 1).padStart(2, '0')}`);

/** Gift-worthy products and how often each is gifted this week / last week (the rising brands move up). */
const WEEKLY_GIFTS: ReadonlyArray<readonly [productId: string, thisWeek: number, lastWeek: number]> = [
  ['food-chocolate', 9, 6],
  ['food-mooncake', 4, 7],
  ['food-tea', 5, 3],
  ['food-nuts', 6, 6],
  ['food-wine', 3, 4],
  ['flowers-roses', 8, 3],
  ['flowers-preserved', 5, 2],
  ['flowers-orchid', 2, 3],
  ['beauty-lipstick', 7, 4],
  ['beauty-skincare-set', 4, 4],
  ['beauty-hand-cream', 5, 2],
  ['beauty-perfume', 3, 1],
  ['digital-earbuds', 4, 5],
  ['digital-watch', 3, 1],
  ['digital-speaker', 2, 2],
  ['home-aroma', 6, 2],
  ['home-blanket', 3, 3],
  ['home-mug', 4, 4],
  ['fashion-scarf', 4, 1],
  ['fashion-wallet', 2, 2],
  ['baby-blocks', 3, 2],
  ['baby-plush', 2, 1],
  ['books-calendar', 3, 1],
  ['books-pen', 2, 2],
];

const GREETINGS = ['生日快乐，天天开心', '谢谢你一直以来的照顾', '节日快乐，万事顺意', '恭喜恭喜，前程似锦'];
const RECIPIENT_ADDRESS = {
  userName: '收礼人',
  telNumber: '13800000000',
  provinceName: '上海市',
  cityName: '上海市',
  countyName: '黄浦区',
  detailInfo: '南京东路1号',
};

/** mulberry32: a small deterministic generator, so every seed is the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GiftHistory {
  gifts: Record<string, unknown>[];
  orders: OrderRecord[];
}

export function buildGiftHistory(catalogue: CatalogueDocuments, now: number): GiftHistory {
  const next = random(20261201);
  const gifts: Record<string, unknown>[] = [];
  const orders: OrderRecord[] = [];
  let serial = 0;
  for (const [productId, thisWeek, lastWeek] of WEEKLY_GIFTS) {
    const product = catalogue.products.find((candidate) => candidate._id === productId);
    const sku = catalogue.skus.find(
      (candidate) => candidate.productId === productId && candidate.onShelf && candidate.price <= 1_000_000,
    );
    if (!product || !sku) throw new Error(`gift history: ${productId} has no giftable SKU`);
    const times = [
      // this week: paid 1–7 days ago (all settled by now: accepted, or refused / left for 24 h)
      ...Array.from({ length: thisWeek }, () => now - DAY_MS - Math.floor(next() * 6 * DAY_MS)),
      // last week: 7–14 days ago
      ...Array.from({ length: lastWeek }, () => now - 7 * DAY_MS - HOUR_MS - Math.floor(next() * 6.9 * DAY_MS)),
    ];
    for (const paidAt of times) {
      serial += 1;
      const giftId = `${paidAt.toString(36)}seed${String(serial).padStart(4, '0')}`;
      const giver = SEED_GIVERS[Math.floor(next() * SEED_GIVERS.length)] ?? 'seed-giver-01';
      const roll = next();
      const status: GiftStatus = roll < 0.72 ? 'accepted' : roll < 0.86 ? 'refundedOnDecline' : 'refundedOnExpiry';
      const createdAt = paidAt - 2 * 60 * 1000;
      const settledAt =
        status === 'refundedOnExpiry' ? paidAt + GIFT_TTL_MS : paidAt + Math.floor(next() * 20 * HOUR_MS);
      const accepted = status === 'accepted';
      const recipient = `seed-recipient-${String(serial).padStart(4, '0')}`;
      const snapshot = {
        productId,
        skuId: sku._id,
        productName: product.name,
        image: product.images[0] ?? '',
        specs: { ...sku.specs },
      };
      const greeting = GREETINGS[serial % GREETINGS.length] ?? '';
      gifts.push({
        _id: giftId,
        orderId: giftId,
        status,
        giverOpenid: giver,
        giverNickname: `好友${giver.slice(-2)}`,
        sku: snapshot,
        productId,
        skuId: sku._id,
        price: sku.price,
        unitPrice: sku.price,
        quantity: 1,
        totalFee: sku.price,
        greeting,
        cardStyle: 'classic',
        token: `seed${giftId}`.padEnd(32, '0').slice(0, 32),
        outTradeNo: giftOutTradeNo(giftId),
        outRefundNo: giftOutRefundNo(giftId),
        createdAt,
        updatedAt: settledAt,
        paidAt,
        expiresAt: paidAt + GIFT_TTL_MS,
        acceptedAt: accepted ? settledAt : null,
        declinedAt: status === 'refundedOnDecline' ? settledAt : null,
        expiredAt: status === 'refundedOnExpiry' ? settledAt : null,
        refundedAt: accepted ? null : settledAt + 60 * 1000,
        recipientOpenid: status === 'refundedOnExpiry' ? null : recipient,
        recipientNickname: status === 'refundedOnExpiry' ? null : '收礼人',
        address: accepted ? { ...RECIPIENT_ADDRESS } : null,
      });
      const line = {
        skuId: sku._id,
        productId,
        name: product.name,
        image: snapshot.image,
        specs: { ...sku.specs },
        price: sku.price,
        quantity: 1,
      };
      orders.push({
        _id: giftId,
        kind: 'gift',
        giftId,
        openid: giver,
        status: accepted ? 'completed' : 'cancelled',
        items: [line],
        skuId: sku._id,
        quantity: 1,
        totalFee: sku.price,
        address: accepted ? { ...RECIPIENT_ADDRESS } : null,
        outTradeNo: giftOutTradeNo(giftId),
        stockHold: accepted ? 'committed' : 'released',
        createdAt,
        expiresAt: createdAt + 30 * 60 * 1000,
        paidAt,
        transactionId: `seed-tx-${giftId}`,
        shipping: accepted
          ? { expressCompany: '顺丰速运', trackingNo: `SF${String(1000000 + serial)}`, shippedAt: settledAt + HOUR_MS }
          : null,
        completedAt: accepted ? settledAt + 3 * DAY_MS : null,
        cancelledAt: accepted ? null : settledAt,
        cancelReason: accepted ? null : 'giftClosed',
        greetingCard: accepted
          ? {
              giverNickname: `好友${giver.slice(-2)}`,
              recipientName: null,
              greeting,
              signature: null,
              cardStyle: 'classic',
            }
          : null,
        latePayment: null,
        paymentAnomaly: null,
        updatedAt: settledAt,
      });
    }
  }
  return { gifts, orders };
}
