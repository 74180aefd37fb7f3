/**
 * After everyone acted (issue 8): 小刚 (dev-friend) bought for himself, 小明 (dev-giver) sent three
 * gifts — one accepted by 小红 (dev-recipient), one declined and refunded, one still waiting — and the
 * merchant (dev-merchant) shipped what was paid through the `merchant` function. Then each of them
 * opens every list they have: the merchant's order lists (the function), 我的订单 on every tab and
 * 礼物 → 我送出的 / 我收到的 in the browser. Each list shows exactly what is theirs, in the right
 * place, and nobody but the recipient and the merchant sees her address.
 * Any page error or console error fails the test (harness).
 */
import type { Page } from 'playwright-core';
import type { OrderStatus } from '@domain/contracts';
import { giverView } from '@domain/gift/machine';
import {
  currentTaroPage,
  findProductWithTwoSkus,
  givePaidGift,
  openMyOrders,
  openOrderTab,
  ORDER_TAB_TITLES,
  PRICE_TEXT,
  privateFactsOf,
  RECIPIENT_ADDRESS,
  SHOPPER_ADDRESS,
  shipAsMerchant,
  tabBarItem,
  type PaidGift,
} from './flows';
import { arriveAt, useE2E } from './harness';

const e2e = useE2E();

const GREETING = '谢谢你一直以来的照顾！';
const TAB_OF_STATUS: Record<OrderStatus, string | null> = {
  pendingPayment: '待付款',
  awaitingRecipient: null,
  paid: '待发货',
  shipped: '已发货',
  completed: '已完成',
  cancelled: '已取消',
};

/**
 * 我的订单 on every tab: each of `orders` exactly under 全部 and its status's tab, none of `others`
 * (orders of other people) anywhere; returns every tab's text.
 */
async function checkMyOrders(
  page: Page,
  who: string,
  orders: Record<string, OrderStatus>,
  others: string[],
): Promise<string[]> {
  await e2e.open(page, '/');
  await openMyOrders(page);
  const texts: string[] = [];
  for (const title of ORDER_TAB_TITLES) {
    const tab = await openOrderTab(page, title);
    texts.push(tab.pageText);
    for (const [orderId, status] of Object.entries(orders)) {
      const listed = tab.orderIds.includes(orderId);
      expect({ who, tab: title, orderId, listed }).toEqual({
        who,
        tab: title,
        orderId,
        listed: title === '全部' || title === TAB_OF_STATUS[status],
      });
    }
    for (const orderId of others) {
      expect({ who, tab: title, othersOrder: orderId, listed: tab.orderIds.includes(orderId) }).toEqual({
        who,
        tab: title,
        othersOrder: orderId,
        listed: false,
      });
    }
  }
  return texts;
}

/** 礼物 → 我送出的 or 我收到的, read once the list has loaded. */
async function openGiftList(page: Page, role: 'sent' | 'received') {
  await e2e.open(page, '/');
  await tabBarItem(page, '礼物').click();
  await arriveAt(page, /\/pages\/gifts\/index/);
  const gifts = currentTaroPage(page);
  await gifts.getByTestId(`gift-tab-${role}`).click();
  const item = gifts.getByTestId(role === 'sent' ? 'sent-gift' : 'received-gift');
  await item.first().or(gifts.getByTestId('gifts-empty')).waitFor();
  return { page: gifts, items: item };
}

describe('after everyone acted', () => {
  e2e.test('each role opens every list they have and sees exactly their own, in the right place', async () => {
    // ---- the products: one to buy, three different ones to give (their names tell the gifts apart)
    const bought = await findProductWithTwoSkus(e2e.cloud, { giftable: false });
    const taken: string[] = [bought.product.productId];
    const giftProducts = [];
    for (let index = 0; index < 3; index += 1) {
      const found = await findProductWithTwoSkus(e2e.cloud, { giftable: true, excluding: taken });
      taken.push(found.product.productId);
      giftProducts.push(found);
    }
    const [acceptedProduct, declinedProduct, waitingProduct] = giftProducts as [
      (typeof giftProducts)[number],
      (typeof giftProducts)[number],
      (typeof giftProducts)[number],
    ];

    // ---- 小刚 buys: one paid, one cancelled, one left unpaid
    const order = async (pay: boolean) => {
      const placed = await e2e.call('dev-friend', 'order', {
        action: 'createOrder',
        skuId: bought.first.skuId,
        quantity: 1,
        address: SHOPPER_ADDRESS,
      });
      if (pay) await e2e.dev('/_dev/pay', { outTradeNo: placed.outTradeNo });
      return placed.orderId;
    };
    const shopperPaid = await order(true);
    const shopperCancelled = await order(false);
    await e2e.call('dev-friend', 'order', { action: 'cancelOrder', orderId: shopperCancelled });
    const shopperUnpaid = await order(false);

    // ---- 小明 gives three gifts; 小红 accepts one and declines one; the third waits
    const accepted: PaidGift = await givePaidGift(e2e, acceptedProduct.first.skuId, GREETING);
    await e2e.call('dev-recipient', 'gift', {
      action: 'acceptGift',
      giftId: accepted.giftId,
      token: accepted.token,
      address: RECIPIENT_ADDRESS,
    });
    const declined = await givePaidGift(e2e, declinedProduct.first.skuId, GREETING);
    await e2e.call('dev-recipient', 'gift', { action: 'declineGift', giftId: declined.giftId, token: declined.token });
    const waiting = await givePaidGift(e2e, waitingProduct.first.skuId, GREETING);
    await e2e.dev('/_dev/clock', { advanceMs: 10_000 }); // the pay simulator settles the refund

    // ---- the merchant: both paid orders are to ship (the gift to 小红's address, with the card)
    const toShip = await e2e.call('dev-merchant', 'merchant', { action: 'listOrders', status: 'paid', limit: 50 });
    const shopperToShip = toShip.items.find((item) => item.orderId === shopperPaid);
    const giftToShip = toShip.items.find((item) => item.orderId === accepted.orderId);
    expect(shopperToShip).toMatchObject({ canShip: true, address: SHOPPER_ADDRESS, buyerOpenid: 'dev-friend' });
    expect(giftToShip).toMatchObject({
      kind: 'gift',
      canShip: true,
      address: RECIPIENT_ADDRESS,
      giftCard: { giverNickname: '小明', greeting: GREETING },
    });
    const shipments = {
      [shopperPaid]: { expressCompany: '顺丰速运', trackingNo: 'SF1400000000101' },
      [accepted.orderId]: { expressCompany: '京东物流', trackingNo: 'JD0088000000102' },
    };
    for (const [orderId, shipping] of Object.entries(shipments)) await shipAsMerchant(e2e, orderId, shipping);

    // ---- the merchant's lists, every status: each order exactly where its status puts it
    const expected: Record<string, OrderStatus> = {
      [shopperPaid]: 'shipped',
      [shopperCancelled]: 'cancelled',
      [shopperUnpaid]: 'pendingPayment',
      [accepted.orderId]: 'shipped',
      [declined.orderId]: 'cancelled',
      [waiting.orderId]: 'awaitingRecipient',
    };
    for (const status of [undefined, ...Object.keys(TAB_OF_STATUS)] as Array<OrderStatus | undefined>) {
      const listed = await e2e.call('dev-merchant', 'merchant', {
        action: 'listOrders',
        limit: 50,
        ...(status ? { status } : {}),
      });
      const ids = listed.items.map((item) => item.orderId);
      for (const [orderId, orderStatus] of Object.entries(expected)) {
        expect({ merchantList: status ?? 'all', orderId, listed: ids.includes(orderId) }).toEqual({
          merchantList: status ?? 'all',
          orderId,
          listed: status === undefined || status === orderStatus,
        });
      }
    }

    // ---- 小刚: 我的订单 on every tab; his address only on his own orders; no gifts of others
    const shopper = await e2e.pageAs('dev-friend');
    const shopperTabs = await checkMyOrders(
      shopper,
      '小刚',
      {
        [shopperPaid]: 'shipped',
        [shopperCancelled]: 'cancelled',
        [shopperUnpaid]: 'pendingPayment',
      },
      [accepted.orderId, declined.orderId, waiting.orderId],
    );
    for (const text of shopperTabs)
      for (const fact of privateFactsOf(RECIPIENT_ADDRESS)) expect(text).not.toContain(fact);
    for (const role of ['sent', 'received'] as const) {
      const list = await openGiftList(shopper, role);
      expect(await list.items.count()).toBe(0);
    }

    // ---- 小明: his gift orders on every tab, never 小红's address; 我送出的 with each gift's state
    const giver = await e2e.pageAs('dev-giver');
    await checkMyOrders(
      giver,
      '小明',
      { [accepted.orderId]: 'shipped', [declined.orderId]: 'cancelled', [waiting.orderId]: 'awaitingRecipient' },
      [shopperPaid, shopperCancelled, shopperUnpaid],
    );
    const sent = await openGiftList(giver, 'sent');
    const sentLabel = async (productName: string) =>
      sent.items.filter({ hasText: productName }).getByTestId('gift-label').innerText();
    expect(await sentLabel(acceptedProduct.product.name)).toContain('小红');
    expect(await sentLabel(declinedProduct.product.name)).toBe(giverView('refundedOnDecline').label);
    expect(await sentLabel(waitingProduct.product.name)).toBe(giverView('waiting').label);
    await e2e.screenshot(giver, 'journey-everyone-giver-sent');
    const giverSees = await giver.locator('body').innerText();
    for (const fact of privateFactsOf(RECIPIENT_ADDRESS)) expect(giverSees).not.toContain(fact);

    // ---- 小红: 我的订单 has the gift she accepted (好友送的, no price) and nothing else; 我收到的: the
    // accepted gift only, with its state and where it is
    const recipient = await e2e.pageAs('dev-recipient');
    const recipientTabs = await checkMyOrders(
      recipient,
      '小红',
      { [accepted.orderId]: 'shipped' },
      Object.keys(expected).filter((orderId) => orderId !== accepted.orderId),
    );
    for (const text of recipientTabs) expect(text).not.toMatch(PRICE_TEXT);
    const received = await openGiftList(recipient, 'received');
    const entry = received.items.filter({ hasText: acceptedProduct.product.name });
    await entry.first().waitFor();
    expect(await received.items.filter({ hasText: declinedProduct.product.name }).count()).toBe(0);
    expect(await received.items.filter({ hasText: waitingProduct.product.name }).count()).toBe(0);
    expect(await entry.getByTestId('gift-label').innerText()).toMatch(/收下|发货/);
    await e2e.screenshot(recipient, 'journey-everyone-recipient-received');
    const shipping = shipments[accepted.orderId];
    let shown = await entry.innerText();
    if (!shown.includes(shipping?.trackingNo ?? '')) {
      await entry.click();
      shown = await currentTaroPage(recipient).innerText();
    }
    expect(shown).toContain(shipping?.expressCompany);
    expect(shown).toContain(shipping?.trackingNo);
  });
});
