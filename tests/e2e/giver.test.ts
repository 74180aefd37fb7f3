/**
 * The giver's journey (issue 8): 小明 (dev-giver) sends a gift in the browser, then reads 我的订单 on
 * every tab and the gift order's detail — before and after 小红 accepted — and the gift's status page:
 * the gift order is there with its name and price, and nothing of 小红's address or phone is anywhere.
 * Then every subscribe message the local cloud recorded for him opens a real page.
 * Any page error or console error fails the test (harness).
 */
import type { Page } from 'playwright-core';
import type { Product, Sku } from '@domain/contracts';
import { giverView } from '@domain/gift/machine';
import { formatFen } from '@domain/money';
import type { SentMessage } from '@local-cloud/openapi/index';
import { SUBSCRIBE_TEMPLATES } from '@server/gifts/notify';
import {
  button,
  chooseSpecs,
  confirmCashier,
  currentTaroPage,
  exactly,
  field,
  findProductWithTwoSkus,
  givePaidGift,
  openMyOrders,
  openOrderDetail,
  openOrderTab,
  ORDER_TAB_TITLES,
  orderCard,
  privateFactsOf,
  RECIPIENT_ADDRESS,
  tabBarItem,
} from './flows';
import { arriveAt, useE2E } from './harness';

const e2e = useE2E();

const GREETING = '生日快乐！挑了一个你会喜欢的小礼物。';
const PRIVATE = privateFactsOf(RECIPIENT_ADDRESS);

/** Everything the giver's browser shows right now (all pages, popups, toasts). */
const everythingShown = (page: Page): Promise<string> => page.locator('body').innerText();

const expectNothingPrivate = (where: string, text: string): void => {
  for (const fact of PRIVATE) {
    expect({ where, shows: text.includes(fact) ? fact : null }).toEqual({ where, shows: null });
  }
};

/** Product → 送给朋友 → spec → greeting → 支付并送出 → the cashier; answers the gift id of the status page. */
async function sendGiftThroughPages(giver: Page, product: Product, sku: Sku): Promise<string> {
  await e2e.open(giver, `/packages/shop/pages/product/index?productId=${encodeURIComponent(product.productId)}`);
  const productPage = currentTaroPage(giver);
  await productPage.getByTestId('gift-badge').waitFor();
  await button(productPage.getByTestId('action-bar'), '送给朋友').click();
  const specPopup = giver.getByTestId('spec-popup');
  await chooseSpecs(specPopup, sku);
  // A gift goes to one friend: no quantity to choose (issue 8, item 9).
  await e2e.softly('the 送给朋友 spec popup offers no quantity stepper', async () =>
    expect(await specPopup.getByTestId('spec-quantity').count()).toBe(0),
  );
  await button(specPopup, '送给朋友').click();

  await arriveAt(giver, /\/packages\/gift\/pages\/send\/index\?/);
  const sendPage = currentTaroPage(giver);
  await sendPage.getByTestId('spec-selector').waitFor();
  await chooseSpecs(sendPage, sku);
  await e2e.softly('the gift send page offers no quantity stepper', async () =>
    expect(await sendPage.getByTestId('spec-quantity').count()).toBe(0),
  );
  await field(sendPage, '写下你想对好友说的话（最多100字）').fill(GREETING);
  await sendPage.getByTestId('gift-card-preview').getByText(GREETING).waitFor();
  await button(sendPage, '支付并送出').click();
  await confirmCashier(giver);

  await arriveAt(giver, /\/packages\/gift\/pages\/detail\/index\?giftId=/);
  await currentTaroPage(giver)
    .getByTestId('gift-status-label')
    .filter({ hasText: exactly(giverView('waiting').label) })
    .waitFor();
  const giftId = new URL(giver.url()).searchParams.get('giftId');
  if (!giftId) throw new Error(`the gift status page has no giftId: ${giver.url()}`);
  return giftId;
}

/**
 * 我的订单 on every tab: the gift order (its id is the gift id) is listed exactly on `listedOn`, as a
 * 礼物订单 with the product name and price, and no tab shows anything of the recipient's address.
 */
async function checkEveryTab(giver: Page, giftId: string, product: Product, sku: Sku, listedOn: string[]) {
  await e2e.open(giver, '/pages/index/index');
  await openMyOrders(giver);
  for (const title of ORDER_TAB_TITLES) {
    const tab = await openOrderTab(giver, title);
    const listed = tab.orderIds.includes(giftId);
    expect({ tab: title, listed }).toEqual({ tab: title, listed: listedOn.includes(title) });
    if (listed) {
      const card = await orderCard(giver, giftId).innerText();
      expect(card).toContain('礼物订单');
      expect(card).toContain(product.name);
      expect(card).toContain(formatFen(sku.price));
    }
    expectNothingPrivate(`我的订单 → ${title}`, await everythingShown(giver));
  }
}

/** From 全部: the gift order's detail shows the gift, its price and status, and no recipient address. */
async function checkOrderDetail(giver: Page, giftId: string, product: Product, sku: Sku, status: string) {
  const text = await openOrderDetail(giver, giftId, status);
  expect(text).toContain(product.name);
  expect(text).toContain(formatFen(sku.price));
  expectNothingPrivate('the gift order detail', await everythingShown(giver));
}

describe('the giver', () => {
  e2e.test(
    'sends a gift; 我的订单 lists it on every tab with name and price and never the address; its status page',
    async () => {
      const { product, first } = await findProductWithTwoSkus(e2e.cloud, { giftable: true });
      const giver = await e2e.pageAs('dev-giver');
      const giftId = await sendGiftThroughPages(giver, product, first);

      // ---- waiting for the friend: a paid gift order, listed under 全部 only (待领取 has no tab)
      await checkEveryTab(giver, giftId, product, first, ['全部']);
      await checkOrderDetail(giver, giftId, product, first, '待领取');
      await e2e.screenshot(giver, 'journey-giver-order-waiting');

      // ---- 小红 accepts with her address (through the gateway); the order waits for shipping
      const gift = await e2e.call('dev-giver', 'gift', { action: 'getGift', giftId });
      const sharePath = gift.viewer === 'giver' ? gift.sharePath : null;
      const token = new URL(sharePath ?? '', 'http://share.invalid').searchParams.get('token') ?? '';
      await e2e.call('dev-recipient', 'gift', { action: 'acceptGift', giftId, token, address: RECIPIENT_ADDRESS });

      await checkEveryTab(giver, giftId, product, first, ['全部', '待发货']);
      await checkOrderDetail(giver, giftId, product, first, '待发货');
      await e2e.screenshot(giver, 'journey-giver-order-accepted');

      // ---- 礼物 → 我送出的 → the gift's status page: accepted by 小红, nothing of her address
      await e2e.open(giver, '/pages/index/index');
      await tabBarItem(giver, '礼物').click();
      await arriveAt(giver, /\/pages\/gifts\/index/);
      const sent = currentTaroPage(giver).getByTestId('sent-gift').filter({ hasText: product.name }).first();
      await sent.getByTestId('gift-label').filter({ hasText: '小红' }).waitFor();
      expect(await sent.innerText()).toContain(formatFen(first.price));
      await sent.click();
      await arriveAt(giver, new RegExp(`/packages/gift/pages/detail/index\\?giftId=${giftId}`));
      const status = currentTaroPage(giver);
      await status
        .getByTestId('gift-status-label')
        .filter({ hasText: exactly(giverView('accepted').label) })
        .waitFor();
      expect(await status.getByTestId('gift-accepted-by').innerText()).toContain('小红');
      expectNothingPrivate('the gift status page', await everythingShown(giver));
      await e2e.screenshot(giver, 'journey-giver-gift-status');
    },
  );

  e2e.test('every notification the giver receives opens a real page showing that gift', async () => {
    const { product, first, second } = await findProductWithTwoSkus(e2e.cloud, { giftable: true });
    // One gift accepted, one declined (and refunded once the pay simulator settles the refund).
    const accepted = await givePaidGift(e2e, first.skuId, GREETING);
    await e2e.call('dev-recipient', 'gift', {
      action: 'acceptGift',
      giftId: accepted.giftId,
      token: accepted.token,
      address: RECIPIENT_ADDRESS,
    });
    const declined = await givePaidGift(e2e, second.skuId, GREETING);
    await e2e.call('dev-recipient', 'gift', { action: 'declineGift', giftId: declined.giftId, token: declined.token });
    await e2e.dev('/_dev/clock', { advanceMs: 10_000 });

    const messages = (await e2e.dev<SentMessage[]>('/_dev/messages')).filter(
      (message) =>
        message.touser === 'dev-giver' &&
        [accepted.giftId, declined.giftId].some((giftId) => (message.page ?? '').includes(giftId)),
    );
    const sent = messages.map((message) => ({ templateId: message.templateId, page: message.page ?? '' }));
    expect(sent.map((message) => message.templateId).sort()).toEqual(
      [
        SUBSCRIBE_TEMPLATES.giftAccepted.templateId,
        SUBSCRIBE_TEMPLATES.giftDeclined.templateId,
        SUBSCRIBE_TEMPLATES.giftRefunded.templateId,
      ].sort(),
    );

    const giver = await e2e.pageAs('dev-giver');
    for (const { templateId, page } of sent) {
      const giftId = page.includes(accepted.giftId) ? accepted.giftId : declined.giftId;
      const expected = await e2e.call('dev-giver', 'gift', { action: 'getGift', giftId });
      // WeChat opens `page` inside the mini program; in H5 it is a site path.
      const sitePath = `/${page.replace(/^\//, '')}`;
      await giver.goto(`${e2e.baseUrl}${sitePath}`);
      const shown = currentTaroPage(giver);
      const label = shown.getByTestId('gift-status-label');
      try {
        await label.filter({ hasText: exactly(expected.label) }).waitFor();
      } catch (error) {
        const text = await giver
          .locator('body')
          .innerText()
          .catch(() => '');
        throw new Error(
          `the ${templateId} notification's page ${page} does not show the gift (expected 「${expected.label}」); ` +
            `the browser shows: ${JSON.stringify(text.slice(0, 300))}`,
          { cause: error },
        );
      }
      expect(await shown.innerText()).toContain(product.name);
      await e2e.screenshot(giver, `journey-giver-notification-${templateId}`);
    }
  });
});
