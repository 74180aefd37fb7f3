/**
 * The shopper's journey (issue 8): 小刚 (dev-friend) buys for himself in the browser — a spec, an
 * address, the cashier — leaves two orders unpaid, cancels one and pays the other from 我的订单,
 * confirms receipt once the merchant shipped (through the `merchant` function), then reads 我的订单 on
 * every tab and every order's detail. Any page error or console error fails the test (harness).
 */
import type { Page } from 'playwright-core';
import type { Product, Sku } from '@domain/contracts';
import { formatFen } from '@domain/money';
import {
  button,
  chooseSpecs,
  confirmCashier,
  confirmModal,
  currentTaroPage,
  exactly,
  field,
  fillAddress,
  findProductWithTwoSkus,
  openMyOrders,
  openOrderDetail,
  openOrderTab,
  ORDER_TAB_TITLES,
  orderCard,
  SHOPPER_ADDRESS,
  shipAsMerchant,
  specTextPattern,
} from './flows';
import { arriveAt, useE2E } from './harness';

const e2e = useE2E();

/**
 * On a product page in front: 立即购买 → spec → 确认订单 (the address form the first time, the last
 * address afterwards) → 提交订单 → the cashier, confirmed or closed. Answers the order number from
 * the result page the app lands on.
 */
async function buyFromProductPage(page: Page, product: Product, sku: Sku, payNow: boolean): Promise<string> {
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

  await arriveAt(page, /\/packages\/order\/pages\/confirm\/index\?/);
  const confirmPage = currentTaroPage(page);
  const address = confirmPage.getByTestId('confirm-address');
  await address.or(confirmPage.getByTestId('address-form')).first().waitFor();
  if (await confirmPage.getByTestId('address-form').isVisible()) {
    await fillAddress(confirmPage, SHOPPER_ADDRESS);
    await button(confirmPage.getByTestId('address-form'), '使用该地址').click();
  }
  await address.getByText(SHOPPER_ADDRESS.userName).waitFor();
  await confirmPage.getByText(specTextPattern(sku)).first().waitFor();
  await button(confirmPage, '提交订单').click();

  if (payNow) {
    await confirmCashier(page);
  } else {
    const cashier = page.getByTestId('cashier');
    await cashier.getByText('取消', { exact: true }).click();
    await cashier.waitFor({ state: 'detached' });
  }
  await arriveAt(page, /\/packages\/order\/pages\/result\/index\?/);
  const result = currentTaroPage(page).getByTestId('order-result');
  await result.getByText(payNow ? '支付成功' : '支付未完成', { exact: true }).waitFor();
  expect(await result.innerText()).toContain(formatFen(sku.price));
  const orderId = new URL(page.url()).searchParams.get('orderId');
  if (!orderId) throw new Error(`the result page has no orderId: ${page.url()}`);
  return orderId;
}

/** Orders placed straight through the gateway, for the journeys that start after the buying. */
async function placeOrder(sku: Sku, pay: boolean): Promise<string> {
  const placed = await e2e.call('dev-friend', 'order', {
    action: 'createOrder',
    skuId: sku.skuId,
    quantity: 1,
    address: SHOPPER_ADDRESS,
  });
  if (pay) await e2e.dev('/_dev/pay', { outTradeNo: placed.outTradeNo });
  return placed.orderId;
}

describe('the shopper', () => {
  e2e.test('buys with a spec and an address; of two unpaid orders cancels one and pays the other', async () => {
    const { product, first, second } = await findProductWithTwoSkus(e2e.cloud, { giftable: false });
    const shopper = await e2e.pageAs('dev-friend');

    // ---- browse: home → search → the product; buy `second` and pay at once
    await e2e.open(shopper, '/');
    await currentTaroPage(shopper).getByTestId('home-search').click();
    await arriveAt(shopper, /\/packages\/shop\/pages\/search\/index/);
    const searchPage = currentTaroPage(shopper);
    await field(searchPage, '搜索商品或分类').fill(product.name);
    await searchPage.getByText('搜索', { exact: true }).click();
    await searchPage.getByTestId('product-card').filter({ hasText: product.name }).first().click();
    await arriveAt(shopper, /\/packages\/shop\/pages\/product\/index\?productId=/);
    const paidAtOnce = await buyFromProductPage(shopper, product, second, true);
    await e2e.screenshot(shopper, 'journey-shopper-paid');

    // ---- two more orders of `first`, the cashier closed each time: one to pay later, one to cancel
    const productUrl = `/packages/shop/pages/product/index?productId=${encodeURIComponent(product.productId)}`;
    await e2e.open(shopper, productUrl);
    const paidLater = await buyFromProductPage(shopper, product, first, false);
    await e2e.open(shopper, productUrl);
    const cancelled = await buyFromProductPage(shopper, product, first, false);

    // ---- 继续逛逛 → 我的 → 全部订单 → 待付款: cancel one, pay the other
    await button(currentTaroPage(shopper).getByTestId('order-result'), '继续逛逛').click();
    await arriveAt(shopper, /\/pages\/index\/index/);
    await openMyOrders(shopper);
    const pending = await openOrderTab(shopper, '待付款');
    expect(pending.orderIds).toEqual(expect.arrayContaining([paidLater, cancelled]));
    expect(pending.orderIds).not.toContain(paidAtOnce);

    await button(orderCard(shopper, cancelled), '取消订单').click();
    await confirmModal(shopper, '取消订单');
    await orderCard(shopper, cancelled).waitFor({ state: 'detached' });

    await button(orderCard(shopper, paidLater), '继续支付').click();
    await confirmCashier(shopper);
    await arriveAt(shopper, /\/packages\/order\/pages\/result\/index\?/);
    await currentTaroPage(shopper).getByTestId('order-result').getByText('支付成功', { exact: true }).waitFor();
    expect(new URL(shopper.url()).searchParams.get('orderId')).toBe(paidLater);

    // ---- 查看订单: the paid one waits for shipping; 我的订单 lists each under its status
    await button(currentTaroPage(shopper).getByTestId('order-result'), '查看订单').click();
    await arriveAt(shopper, new RegExp(`/packages/order/pages/detail/index\\?orderId=${paidLater}`));
    await currentTaroPage(shopper)
      .getByTestId('order-status')
      .filter({ hasText: exactly('待发货') })
      .waitFor();
    await e2e.open(shopper, '/pages/mine/index');
    await openMyOrders(shopper);
    const expectedTab = { [paidAtOnce]: '待发货', [paidLater]: '待发货', [cancelled]: '已取消' };
    for (const title of ORDER_TAB_TITLES) {
      const tab = await openOrderTab(shopper, title);
      for (const [orderId, statusTab] of Object.entries(expectedTab)) {
        const listed = tab.orderIds.includes(orderId);
        expect({ tab: title, orderId, listed }).toEqual({
          tab: title,
          orderId,
          listed: title === '全部' || title === statusTab,
        });
      }
    }
  });

  e2e.test('after the merchant ships, confirms receipt; then every tab and every order detail agree', async () => {
    const { product, first, second } = await findProductWithTwoSkus(e2e.cloud, { giftable: false });
    // One order in each state, placed and paid through the gateway and the pay simulator.
    const toConfirm = await placeOrder(second, true);
    const shippedOnly = await placeOrder(first, true);
    const notShipped = await placeOrder(first, true);
    const unpaid = await placeOrder(second, false);
    const cancelled = await placeOrder(first, false);
    await e2e.call('dev-friend', 'order', { action: 'cancelOrder', orderId: cancelled });

    // ---- the merchant ships two of them through the merchant function
    const shipments: Record<string, { expressCompany: string; trackingNo: string }> = {
      [toConfirm]: { expressCompany: '顺丰速运', trackingNo: 'SF1400000000001' },
      [shippedOnly]: { expressCompany: '中通快递', trackingNo: '75000000000002' },
    };
    for (const [orderId, shipping] of Object.entries(shipments)) await shipAsMerchant(e2e, orderId, shipping);

    // ---- 我的 → 已发货: both, each with 确认收货; confirm one from its card
    const shopper = await e2e.pageAs('dev-friend');
    await e2e.open(shopper, '/');
    await openMyOrders(shopper);
    const shipped = await openOrderTab(shopper, '已发货');
    expect(shipped.orderIds).toEqual(expect.arrayContaining([toConfirm, shippedOnly]));
    await button(orderCard(shopper, toConfirm), '确认收货').click();
    await confirmModal(shopper, '确认收货');
    await orderCard(shopper, toConfirm).waitFor({ state: 'detached' });

    // ---- every tab: each order exactly where its status puts it
    const orders: Array<{ orderId: string; sku: Sku; status: string }> = [
      { orderId: toConfirm, sku: second, status: '已完成' },
      { orderId: shippedOnly, sku: first, status: '已发货' },
      { orderId: notShipped, sku: first, status: '待发货' },
      { orderId: unpaid, sku: second, status: '待付款' },
      { orderId: cancelled, sku: first, status: '已取消' },
    ];
    for (const title of ORDER_TAB_TITLES) {
      const tab = await openOrderTab(shopper, title);
      for (const { orderId, status } of orders) {
        const listed = tab.orderIds.includes(orderId);
        expect({ tab: title, orderId, listed }).toEqual({
          tab: title,
          orderId,
          listed: title === '全部' || title === status,
        });
      }
      if (title === '全部') await e2e.screenshot(shopper, 'journey-shopper-all-orders');
    }

    // ---- every order's detail, from 全部: status, spec and price, the address, the shipment
    for (const { orderId, sku, status } of orders) {
      const text = await openOrderDetail(shopper, orderId, status);
      const detail = currentTaroPage(shopper).getByTestId('order-detail');
      expect(text).toContain(product.name);
      expect(text).toMatch(specTextPattern(sku));
      expect(text).toContain(formatFen(sku.price));
      expect(text).toContain(orderId);
      expect(text).toContain(SHOPPER_ADDRESS.detailInfo);
      const shipping = shipments[orderId];
      if (shipping) {
        expect(text).toContain(shipping.expressCompany);
        expect(text).toContain(shipping.trackingNo);
      }
      if (orderId === shippedOnly) {
        await button(detail, '确认收货').waitFor();
        await e2e.screenshot(shopper, 'journey-shopper-shipped-detail');
      }
      if (orderId === unpaid) {
        await button(detail, '继续支付').waitFor();
        await button(detail, '取消订单').waitFor();
      }
      await shopper.goBack();
      await arriveAt(shopper, /\/packages\/order\/pages\/list\/index/);
      await orderCard(shopper, orderId).waitFor();
    }
  });
});
