/**
 * The recipient's journey (issue 8): 小红 (dev-recipient) opens the share link 小明 sent, accepts with
 * her address, is led on from the result page (to the shop and to 我收到的), finds the gift under 我的
 * → 礼物 → 我收到的 with its status and, once the merchant shipped it through the `merchant` function,
 * its carrier and tracking number, then its logistics timeline, and the order itself under 我的订单
 * (marked 好友送的, no price) with the parcel and timeline on its detail. 小刚 (dev-friend) opening the same link afterwards is told it is
 * taken and led on. Any page error or console error fails the test (harness).
 */
import type { Page } from 'playwright-core';
import { HOUR_MS } from '@domain/clock';
import { recipientView } from '@domain/gift/machine';
import {
  acceptThroughPage,
  control,
  currentTaroPage,
  findProductWithTwoSkus,
  givePaidGift,
  openMyOrders,
  openOrderDetail,
  orderCard,
  PRICE_TEXT,
  privateFactsOf,
  RECIPIENT_ADDRESS,
  shipAsMerchant,
  tabBarItem,
} from './flows';
import { arriveAt, useE2E } from './harness';

const e2e = useE2E();

const GREETING = '新年快乐，给你挑了个小礼物。';
/** The way on to the shop, however the page words it: 去逛逛 / 去商城逛逛. */
const TO_THE_SHOP = /^\s*去(商城)?逛逛\s*$/;
const ACCEPTED_LABEL = recipientView('accepted', { byMe: true }).label;

/** A different giftable product for each test, so lists of gifts never mix them up by name. */
const productsTaken: string[] = [];
async function anotherGiftableProduct() {
  const found = await findProductWithTwoSkus(e2e.cloud, { giftable: true, excluding: productsTaken });
  productsTaken.push(found.product.productId);
  return found;
}

/** 我的 → 我的礼物 → 礼物 tab → 我收到的: the entry of the gift with this product name. */
async function findReceivedGift(page: Page, productName: string) {
  await e2e.open(page, '/');
  await tabBarItem(page, '我的').click();
  await arriveAt(page, /\/pages\/mine\/index/);
  await currentTaroPage(page).getByTestId('mine-gifts').click();
  await arriveAt(page, /\/pages\/gifts\/index/);
  await currentTaroPage(page).getByTestId('gift-tab-received').click();
  const entry = currentTaroPage(page).getByTestId('received-gift').filter({ hasText: productName }).first();
  await entry.waitFor();
  return entry;
}

describe('the recipient', () => {
  e2e.test(
    'accepts from the share link with her address; the result page leads to the shop and to 我收到的',
    async () => {
      const { product, first } = await anotherGiftableProduct();
      const gift = await givePaidGift(e2e, first.skuId, GREETING);

      const recipient = await e2e.pageAs('dev-recipient');
      await acceptThroughPage(e2e, recipient, gift.sharePath, RECIPIENT_ADDRESS);
      const done = currentTaroPage(recipient);
      await done.getByTestId('gift-my-address').getByText(RECIPIENT_ADDRESS.detailInfo, { exact: false }).waitFor();
      await e2e.screenshot(recipient, 'journey-recipient-accepted');

      // ---- 我收到的 on the result page: the 礼物 tab, 我收到的 shown, the gift with its status
      const toReceived = control(done, /^\s*(查看)?我收到的(礼物)?\s*$/);
      await e2e.softly('the accepted page offers 我收到的', () => toReceived.waitFor({ timeout: 3_000 }));
      if (await toReceived.isVisible()) {
        await toReceived.click();
        await arriveAt(recipient, /\/pages\/gifts\/index/);
        const entry = currentTaroPage(recipient).getByTestId('received-gift').filter({ hasText: product.name });
        await entry.first().waitFor();
        expect(await entry.first().getByTestId('gift-label').innerText()).toContain(ACCEPTED_LABEL);
        await e2e.screenshot(recipient, 'journey-recipient-received-from-result');
      }

      // ---- the link again: her accepted gift, and the way to the shop
      await e2e.open(recipient, gift.sharePath);
      const again = currentTaroPage(recipient);
      await again.getByTestId('gift-state-accepted').waitFor();
      const toShop = control(again, TO_THE_SHOP);
      await e2e.softly('the accepted page offers 去逛逛', () => toShop.waitFor({ timeout: 3_000 }));
      if (await toShop.isVisible()) {
        await toShop.click();
        await arriveAt(recipient, /\/pages\/index\/index/);
        await currentTaroPage(recipient).getByTestId('product-card').first().waitFor();
      }
    },
  );

  e2e.test(
    'finds the gift under 我的 → 礼物 → 我收到的 with its status; after shipping, its carrier and tracking number',
    async () => {
      const { product, second } = await anotherGiftableProduct();
      const gift = await givePaidGift(e2e, second.skuId, GREETING);
      const recipient = await e2e.pageAs('dev-recipient');
      await acceptThroughPage(e2e, recipient, gift.sharePath, RECIPIENT_ADDRESS);

      const entry = await findReceivedGift(recipient, product.name);
      expect(await entry.getByTestId('gift-label').innerText()).toContain(ACCEPTED_LABEL);
      expect(await entry.innerText()).toContain('小明');
      await e2e.screenshot(recipient, 'journey-recipient-received');

      // ---- the merchant ships it; 小红 looks again
      const shipping = { expressCompany: '京东物流', trackingNo: 'JD0088123456789' };
      await shipAsMerchant(e2e, gift.orderId, shipping);
      const shipped = await findReceivedGift(recipient, product.name);
      // The entry itself, or what it opens (expanded in place or a page of its own), tells where it is.
      let shown = await shipped.innerText();
      if (!shown.includes(shipping.trackingNo)) {
        await shipped.click();
        await currentTaroPage(recipient)
          .getByText(shipping.trackingNo)
          .first()
          .waitFor({ timeout: 5_000 })
          .catch(() => undefined);
        shown = await currentTaroPage(recipient).innerText();
      }
      await e2e.screenshot(recipient, 'journey-recipient-shipped');
      // what she sees, in full, when either is missing
      expect(shown).toContain(shipping.expressCompany);
      expect(shown).toContain(shipping.trackingNo);

      // ---- hours later the carrier has collected it: her timeline in 我收到的 says so
      await e2e.dev('/_dev/clock', { advanceMs: 6 * HOUR_MS });
      const onTheWay = await findReceivedGift(recipient, product.name);
      await onTheWay.click();
      const timeline = currentTaroPage(recipient).getByTestId('parcel-events').first();
      await timeline.getByText('已揽收').first().waitFor();
      await timeline.scrollIntoViewIfNeeded();
      await e2e.screenshot(recipient, 'journey-recipient-timeline');

      // ---- 我的订单 lists the gift order as 好友送的, with no price; its detail has the parcel and timeline
      const orders = await openMyOrders(recipient);
      expect(orders.orderIds).toContain(gift.orderId);
      const card = orderCard(recipient, gift.orderId);
      const cardText = await card.innerText();
      expect(cardText).toContain('好友送的');
      expect(cardText).toContain(product.name);
      expect(cardText).not.toMatch(PRICE_TEXT);
      await e2e.screenshot(recipient, 'journey-recipient-order-list');
      await openOrderDetail(recipient, gift.orderId, '已发货');
      const detail = currentTaroPage(recipient).getByTestId('order-detail');
      await detail.getByTestId('parcel-events').getByText('已揽收').first().waitFor();
      const detailText = await detail.innerText();
      expect(detailText).toContain(shipping.expressCompany);
      expect(detailText).toContain(shipping.trackingNo);
      expect(detailText).toContain(RECIPIENT_ADDRESS.detailInfo);
      expect(detailText).not.toMatch(PRICE_TEXT);
      await e2e.screenshot(recipient, 'journey-recipient-order-detail');
    },
  );

  e2e.test('a friend opening the link after it was accepted is told it is taken, and led on to the shop', async () => {
    const { first } = await anotherGiftableProduct();
    const gift = await givePaidGift(e2e, first.skuId, GREETING);
    await e2e.call('dev-recipient', 'gift', {
      action: 'acceptGift',
      giftId: gift.giftId,
      token: gift.token,
      address: RECIPIENT_ADDRESS,
    });

    const friend = await e2e.pageAs('dev-friend');
    await e2e.open(friend, gift.sharePath);
    const taken = currentTaroPage(friend).getByTestId('gift-state-taken');
    await taken.waitFor();
    expect(await taken.innerText()).toContain('已被领取');
    const everything = await friend.locator('body').innerText();
    for (const fact of privateFactsOf(RECIPIENT_ADDRESS)) expect(everything).not.toContain(fact);
    await e2e.screenshot(friend, 'journey-friend-taken');

    await control(currentTaroPage(friend), TO_THE_SHOP).click();
    await arriveAt(friend, /\/pages\/index\/index/);
    await currentTaroPage(friend).getByTestId('product-card').first().waitFor();
  });
});
