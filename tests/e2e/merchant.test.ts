/**
 * The merchant's journey (issue 10) in headless Chromium against the H5 build and the local cloud: 店主
 * (dev-merchant) opens 店铺管理 from 我的, sees the day's figures, a paid order and an accepted gift
 * with its greeting card (and the card's print view), ships the gift with a carrier and a number, then
 * edits a product's price and finds the new price on the shop's product page. Screenshots go to
 * test-artifacts/screenshots; with UPDATE_DOCS_SCREENSHOTS=1 the merchant pages are also written to
 * docs/images/merchant-*.png (375×812) for the merchant guide, so a plain `npm test` changes no tracked file.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { fenToYuanText, formatFen, yuanToFen } from '@domain/money';
import {
  control,
  currentTaroPage,
  findProductWithTwoSkus,
  givePaidGift,
  RECIPIENT_ADDRESS,
  SHOPPER_ADDRESS,
  tabBarItem,
} from './flows';
import { arriveAt, useE2E } from './harness';

const e2e = useE2E();

const GREETING = '生日快乐！愿你每天都有好心情。';
const DOCS_IMAGES = path.resolve(__dirname, '..', '..', 'docs', 'images');

/** A 375×812 CSS-pixel PNG of the page for the README (one device pixel per CSS pixel keeps it small). */
async function docsScreenshot(page: Page, name: string, scrollTo?: Locator): Promise<void> {
  await e2e.screenshot(page, name);
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
  mkdirSync(DOCS_IMAGES, { recursive: true });
  // after the harness's settling (which leaves the page at its top)
  if (scrollTo) await scrollTo.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: path.join(DOCS_IMAGES, `${name}.png`), scale: 'css', animations: 'disabled' });
}

describe('the merchant', () => {
  e2e.test(
    'opens 店铺管理 from 我的, sees a paid order and an accepted gift with its card, ships the gift, edits a price',
    async () => {
      // A paid order of 小明's own, and a gift 小红 accepted with her address.
      const { first: giftSku, second: ownSku } = await findProductWithTwoSkus(e2e.cloud, { giftable: true });
      const placed = await e2e.call('dev-giver', 'order', {
        action: 'createOrder',
        skuId: ownSku.skuId,
        quantity: 1,
        address: SHOPPER_ADDRESS,
      });
      await e2e.dev('/_dev/pay', { outTradeNo: placed.outTradeNo });
      const gift = await givePaidGift(e2e, giftSku.skuId, GREETING);
      await e2e.call('dev-recipient', 'gift', {
        action: 'acceptGift',
        giftId: gift.giftId,
        token: gift.token,
        address: RECIPIENT_ADDRESS,
      });

      // 我的 → 店铺管理 (only the merchant has it)
      const page = await e2e.pageAs('dev-merchant');
      await e2e.open(page, '/');
      await tabBarItem(page, '我的').click();
      await arriveAt(page, /\/pages\/mine\/index/);
      await currentTaroPage(page).getByTestId('mine-merchant').click();
      await arriveAt(page, /\/packages\/merchant\/pages\/home\/index/);
      const home = currentTaroPage(page);
      await home.getByTestId('merchant-today').waitFor();
      await expectText(home.getByTestId('merchant-today-paidOrders'), '2');
      await expectText(home.getByTestId('merchant-today-giftsAccepted'), '1');
      await docsScreenshot(page, 'merchant-dashboard');

      // 订单发货: both orders under 待发货, the gift with its card
      await home.getByTestId('merchant-entry-orders').click();
      await arriveAt(page, /\/packages\/merchant\/pages\/orders\/index/);
      const orders = currentTaroPage(page);
      const ownCard = orders.locator(`[data-order-id="${placed.orderId}"]`);
      const giftCard = orders.locator(`[data-order-id="${gift.orderId}"]`);
      await ownCard.waitFor();
      await giftCard.waitFor();
      await expectText(ownCard.getByTestId('merchant-order-address'), SHOPPER_ADDRESS.detailInfo);
      await expectText(giftCard.getByTestId('merchant-order-address'), RECIPIENT_ADDRESS.detailInfo);
      const card = giftCard.getByTestId('merchant-order-card');
      await expectText(card, '收礼人');
      await expectText(card.getByTestId('gift-card-greeting'), GREETING);
      await docsScreenshot(page, 'merchant-orders');

      // the card's print view: only the card on paper
      await giftCard.getByTestId('merchant-print-card').click();
      await arriveAt(page, /\/packages\/merchant\/pages\/card\/index/);
      const cardPage = currentTaroPage(page);
      await expectText(cardPage.getByTestId('merchant-card-print'), GREETING);
      await page.emulateMedia({ media: 'print' });
      expect(await cardPage.getByTestId('merchant-keep-card').isVisible()).toBe(false);
      expect(await cardPage.getByTestId('merchant-card-print').isVisible()).toBe(true);
      await docsScreenshot(page, 'merchant-card-print');
      await page.emulateMedia({ media: 'screen' });
      await page.goBack();
      await arriveAt(page, /\/packages\/merchant\/pages\/orders\/index/);

      // ship the gift: 发货 → 顺丰速运 → number → 确认发货
      const shipping = currentTaroPage(page);
      await shipping.locator(`[data-order-id="${gift.orderId}"]`).getByTestId('merchant-ship-one').click();
      const panel = shipping.getByTestId('merchant-ship-panel');
      await control(panel, /^\s*顺丰速运\s*$/).click();
      await panel.getByTestId('merchant-tracking-input').locator('input').fill('SF1234567890123');
      await docsScreenshot(page, 'merchant-ship');
      await panel.getByTestId('merchant-ship-confirm').click();
      await shipping.locator(`[data-order-id="${gift.orderId}"]`).waitFor({ state: 'detached' });
      const shipped = await e2e.call('dev-merchant', 'merchant', { action: 'getOrder', orderId: gift.orderId });
      expect(shipped).toMatchObject({
        status: 'shipped',
        shipping: { expressCompany: '顺丰速运', trackingNo: 'SF1234567890123' },
      });

      // 售后处理: nothing asked yet
      await e2e.open(page, '/packages/merchant/pages/orders/index?tab=afterSales');
      await currentTaroPage(page).getByText('暂无售后申请').waitFor();

      // 商品管理 → the product → a new price → the shop shows it
      await e2e.open(page, '/packages/merchant/pages/home/index');
      await currentTaroPage(page).getByTestId('merchant-entry-products').click();
      await arriveAt(page, /\/packages\/merchant\/pages\/products\/index/);
      // the newest product first; open it
      const listed = currentTaroPage(page).getByTestId('merchant-product').first();
      await listed.waitFor();
      const productId = await listed.getAttribute('data-product-id');
      await docsScreenshot(page, 'merchant-products');
      await listed.click();
      await arriveAt(page, /\/packages\/merchant\/pages\/product-edit\/index/);
      const editor = currentTaroPage(page);
      await editor.getByTestId('merchant-product-editor').waitFor();
      const row = editor.getByTestId('merchant-edit-sku').first();
      const priceInput = row.getByTestId('merchant-edit-price').locator('input');
      // above every SKU's price, so the product page's price (range) ends with it
      const prices = await editor
        .getByTestId('merchant-edit-price')
        .locator('input')
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      const newPrice = Math.max(...prices.map((text) => yuanToFen(text))) + 1_000;
      await priceInput.fill(fenToYuanText(newPrice));
      await docsScreenshot(page, 'merchant-product-editor', row);
      await editor.getByTestId('merchant-edit-save').click();
      await editor.getByTestId('merchant-edit-saved').waitFor();
      await control(editor.getByTestId('merchant-edit-saved'), /在商城查看/).click();
      await arriveAt(page, new RegExp(`/packages/shop/pages/product/index\\?productId=${productId}`));
      await expectText(currentTaroPage(page), formatFen(newPrice));
    },
  );
});

async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}
