/**
 * The shop in the browser (issues 3 and 4): the home feed with real images and prices, a product page,
 * and buying for oneself from search to an order listed as 待发货 in 我的.
 */
import type { Locator } from 'playwright-core';
import type { Address } from '@domain/address';
import { formatFen } from '@domain/money';
import {
  button,
  chooseSpecs,
  confirmCashier,
  currentTaroPage,
  exactly,
  field,
  fillAddress,
  findProductWithTwoSkus,
  PRICE_TEXT,
  specTextPattern,
  tabBarItem,
} from './flows';
import { arriveAt, useE2E } from './harness';

const e2e = useE2E();

const BUYER_ADDRESS: Address = {
  userName: '张小明',
  telNumber: '13800138000',
  provinceName: '广东省',
  cityName: '深圳市',
  countyName: '南山区',
  detailInfo: '科技园科苑路 15 号 A 座 1602',
};

/** True when the first <img> inside `scope` has loaded real pixels (not a broken or pending image). */
async function imageLoaded(scope: Locator): Promise<boolean> {
  const image = scope.locator('img').first();
  await image.scrollIntoViewIfNeeded();
  await image.evaluate((img: HTMLImageElement) =>
    img.complete ? undefined : new Promise((resolve) => img.addEventListener('load', resolve, { once: true })),
  );
  return image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
}

describe('the shop', () => {
  e2e.test('home lists products with loaded images and prices; a product page opens', async () => {
    const page = await e2e.pageAs('dev-giver');
    await e2e.open(page, '/');

    const cards = currentTaroPage(page).getByTestId('product-card');
    const firstCard = cards.first();
    await firstCard.waitFor();
    expect(await cards.count()).toBeGreaterThan(1);
    expect(await firstCard.innerText()).toMatch(PRICE_TEXT);
    expect(await imageLoaded(firstCard)).toBe(true);
    await e2e.screenshot(page, 'home');

    const name = (await firstCard.locator('.product-card__name').innerText()).trim();
    await firstCard.click();
    await arriveAt(page, /\/packages\/shop\/pages\/product\/index\?productId=/);
    const productPage = currentTaroPage(page);
    await productPage
      .locator('.product__name')
      .filter({ hasText: exactly(name) })
      .waitFor();
    expect(await productPage.getByTestId('product-price').innerText()).toMatch(PRICE_TEXT);
    expect(await imageLoaded(productPage.locator('.product__gallery'))).toBe(true);
    await e2e.screenshot(page, 'product');
  });

  e2e.test('search → product → spec → 立即购买 → address → pay → 我的 lists the order as 待发货', async () => {
    // A product with two SKUs; buying the second proves the chosen spec, not a default, is ordered.
    const { product, second: sku } = await findProductWithTwoSkus(e2e.cloud, { giftable: false });
    const page = await e2e.pageAs('dev-friend');
    await e2e.open(page, '/');

    // ---- search from the home page
    await currentTaroPage(page).getByTestId('home-search').click();
    await arriveAt(page, /\/packages\/shop\/pages\/search\/index/);
    const searchPage = currentTaroPage(page);
    await field(searchPage, '搜索商品或分类').fill(product.name);
    await searchPage.getByText('搜索', { exact: true }).click();
    const result = searchPage.getByTestId('product-card').filter({ hasText: product.name });
    await result.first().waitFor();
    await result.first().click();

    // ---- product page: 立即购买 asks for the spec, then goes to 确认订单
    await arriveAt(page, /\/packages\/shop\/pages\/product\/index\?productId=/);
    const productPage = currentTaroPage(page);
    await productPage
      .locator('.product__name')
      .filter({ hasText: exactly(product.name) })
      .waitFor();
    await button(productPage.getByTestId('action-bar'), '立即购买').click();
    const specPopup = page.getByTestId('spec-popup');
    await chooseSpecs(specPopup, sku);
    expect(await specPopup.getByTestId('spec-price').innerText()).toBe(formatFen(sku.price));
    await button(specPopup, '立即购买').click();

    // ---- 确认订单: address form, 提交订单, the cashier
    await arriveAt(page, /\/packages\/order\/pages\/confirm\/index\?/);
    const confirmPage = currentTaroPage(page);
    await confirmPage.getByTestId('address-form').waitFor();
    await fillAddress(confirmPage, BUYER_ADDRESS);
    await button(confirmPage.getByTestId('address-form'), '使用该地址').click();
    await confirmPage.getByTestId('confirm-address').getByText(BUYER_ADDRESS.userName).waitFor();
    await confirmPage.getByText(specTextPattern(sku)).first().waitFor();
    await button(confirmPage, '提交订单').click();
    await confirmCashier(page);

    // ---- the result page, once the payment notification reached the order
    await arriveAt(page, /\/packages\/order\/pages\/result\/index\?/);
    const resultPage = currentTaroPage(page).getByTestId('order-result');
    await resultPage.getByText('支付成功', { exact: true }).waitFor();
    expect(await resultPage.innerText()).toContain(formatFen(sku.price));
    await e2e.screenshot(page, 'order-result');

    // ---- 我的 → 待发货: the order is there, with the chosen spec and the price
    await button(resultPage, '继续逛逛').click();
    await arriveAt(page, /\/pages\/index\/index/);
    await tabBarItem(page, '我的').click();
    await arriveAt(page, /\/pages\/mine\/index/);
    await currentTaroPage(page).getByText('待发货', { exact: true }).click();
    await arriveAt(page, /\/packages\/order\/pages\/list\/index/);
    const order = currentTaroPage(page).getByTestId('order-card').filter({ hasText: product.name });
    await order.waitFor();
    expect(await order.locator('.order-card__status').innerText()).toBe('待发货');
    expect(await order.innerText()).toMatch(specTextPattern(sku));
    expect(await order.innerText()).toContain(formatFen(sku.price));
    await e2e.screenshot(page, 'order');
  });
});
