/**
 * Steps the shop and gift flows share: picking test products through the shop function, choosing
 * specs, filling the address form, confirming the H5 cashier (收银台).
 */
import type { Locator, Page } from 'playwright-core';
import type { LocalCloud } from '@local-cloud/index';
import type { Address } from '@domain/address';
import type { Product, ProductSummary, Sku } from '@domain/contracts';
import type { Result } from '@domain/result';
import { arriveAt, type E2E } from './harness';

/** ¥ with two decimals, as src/domain/money.ts formats fen. */
export const PRICE_TEXT = /¥\d+(?:,\d{3})*\.\d{2}/;
/** A single gift may cost at most ¥10,000 (docs/gift-rules.md). */
const GIFT_PRICE_LIMIT_FEN = 1_000_000;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches an element whose whole text is `text` (ignoring surrounding spaces). */
export const exactly = (text: string): RegExp => new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);

async function callShop<T>(cloud: LocalCloud, event: Record<string, unknown>): Promise<T> {
  const answer = (await cloud.call('shop', event, 'dev-giver')) as Result<T>;
  if (!answer.ok) throw new Error(`shop ${String(event.action)} failed: ${answer.code} ${answer.message}`);
  return answer.data;
}

/** Every product on shelf, through the shop function (the same listing the home page pages through). */
async function allProducts(cloud: LocalCloud): Promise<ProductSummary[]> {
  const products: ProductSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: ProductSummary[]; nextCursor: string | null } = await callShop(cloud, {
      action: 'listProducts',
      limit: 50,
      ...(cursor ? { cursor } : {}),
    });
    products.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return products;
}

export interface ProductWithTwoSkus {
  product: Product;
  /** the SKU to buy or give first */
  first: Sku;
  /** another in-stock SKU of the same product (same price when asked for) */
  second: Sku;
}

/**
 * The first seeded product with two in-stock SKUs that differ in their specs (for a flow that must
 * really choose a spec). `giftable` also requires a giftable product whose two SKUs share a price
 * within the gift limit (the recipient may only switch to a SKU of the same price). `excluding` skips
 * products by id (tests that must not see each other's gifts under the same product name).
 */
export async function findProductWithTwoSkus(
  cloud: LocalCloud,
  options: { giftable: boolean; excluding?: readonly string[] },
): Promise<ProductWithTwoSkus> {
  for (const summary of await allProducts(cloud)) {
    if (options.giftable && !summary.giftable) continue;
    if (options.excluding?.includes(summary.productId)) continue;
    const product: Product = await callShop(cloud, { action: 'getProduct', productId: summary.productId });
    if (!product.onShelf || (options.giftable && !product.giftable)) continue;
    const inStock = product.skus.filter((sku) => sku.stock > 0);
    for (const first of inStock) {
      const second = inStock.find(
        (other) =>
          other.skuId !== first.skuId &&
          (!options.giftable || (other.price === first.price && first.price <= GIFT_PRICE_LIMIT_FEN)),
      );
      if (second) return { product, first, second };
    }
  }
  throw new Error(`the seeded catalogue has no ${options.giftable ? 'giftable ' : ''}product with two in-stock SKUs`);
}

/**
 * Matches a text showing every spec value of `sku` as a whole word, in any order: pages write specs as
 * 「颜色：红色 / 尺码：M」 or 「红色 / M」 (so 'L' does not match 'XL').
 */
export const specTextPattern = (sku: Sku): RegExp =>
  new RegExp(
    Object.values(sku.specs)
      .map((value) => `(?=[\\s\\S]*(?:^|[\\s/：])${escapeRegExp(value)}(?:$|[\\s/（]))`)
      .join(''),
  );

/**
 * Chooses `sku` in the spec selector inside `scope` (clicking only options not chosen yet: a second
 * click on a chosen option clears it) and checks every option ends up selected.
 */
export async function chooseSpecs(scope: Page | Locator, sku: Sku): Promise<void> {
  const selector = scope.getByTestId('spec-selector');
  for (const [name, value] of Object.entries(sku.specs)) {
    const option = selector
      .locator(`[data-testid="spec-option"][data-spec="${name}"]`)
      .filter({ hasText: exactly(value) });
    if ((await option.getAttribute('aria-selected')) !== 'true') await option.click();
    await option.and(selector.locator('[aria-selected="true"]')).waitFor();
  }
}

/** Fills the AddressForm (components/AddressForm) inside `scope`, field by field, as a person types. */
export async function fillAddress(scope: Page | Locator, address: Address): Promise<void> {
  const form = scope.getByTestId('address-form');
  const fields: Array<[placeholder: string, value: string]> = [
    ['收货人姓名', address.userName],
    ['11位手机号码', address.telNumber],
    ['省份', address.provinceName],
    ['城市', address.cityName],
    ['区县', address.countyName],
    ['街道、楼栋、门牌号', address.detailInfo],
  ];
  for (const [placeholder, value] of fields) {
    const input = field(form, placeholder);
    await input.fill(value);
    await input.blur();
  }
  // Every field passed the form's own validation (messages appear under invalid fields once left).
  const errors = await form.locator('[data-testid^="address-error-"]').allInnerTexts();
  if (errors.length > 0) throw new Error(`the address form refused ${JSON.stringify(address)}: ${errors.join('; ')}`);
}

/** Confirms the H5 cashier sheet (platform/payment.h5.ts), which pays through POST /_dev/pay. */
export async function confirmCashier(page: Page): Promise<void> {
  const cashier = page.getByTestId('cashier');
  await cashier.waitFor();
  const paid = page.waitForResponse(
    (response) => response.url().endsWith('/_dev/pay') && response.request().method() === 'POST',
  );
  await cashier.getByText('确认支付', { exact: true }).click();
  const response = await paid;
  if (!response.ok()) throw new Error(`POST /_dev/pay answered HTTP ${response.status()}: ${await response.text()}`);
  await cashier.waitFor({ state: 'detached' });
}

/**
 * The native <input>/<textarea> with this placeholder. Taro's H5 components copy the placeholder onto
 * their custom element too (<taro-input-core>), which cannot be typed into.
 */
export const field = (scope: Page | Locator, placeholder: string): Locator =>
  scope.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`);

/**
 * A Taro/NutUI button by its whole text. Taro renders <Button> as <taro-button-core>, which takes the
 * pointer events itself (its inner text node would not receive a click).
 */
export const button = (scope: Page | Locator, text: string): Locator =>
  scope.locator('taro-button-core').filter({ hasText: exactly(text) });

/** An item of Taro's H5 tab bar (首页 / 礼物 / 我的). */
export const tabBarItem = (page: Page, text: string): Locator =>
  page.locator('.weui-tabbar__item').filter({ has: page.locator('.weui-tabbar__label', { hasText: exactly(text) }) });

/** The page Taro shows now (the last stationed .taro_page), to keep locators off pages left behind. */
export const currentTaroPage = (page: Page): Locator =>
  page.locator('.taro_router > .taro_page.taro_page_show.taro_page_stationed:not(.taro_page_shade)').last();

// ---------------------------------------------------------------------------------------------------
// Journeys: the people, their addresses, and the steps several journeys share.

/** 小明's friend 小红 receives gifts here. */
export const RECIPIENT_ADDRESS: Address = {
  userName: '李晓红',
  telNumber: '13912345678',
  provinceName: '浙江省',
  cityName: '杭州市',
  countyName: '西湖区',
  detailInfo: '文三路 477 号 华星科技大厦 1208 室',
};

/** 小刚 buys for himself and has things sent here. */
export const SHOPPER_ADDRESS: Address = {
  userName: '王小刚',
  telNumber: '13700137000',
  provinceName: '广东省',
  cityName: '深圳市',
  countyName: '南山区',
  detailInfo: '科技园科苑路 15 号 A 座 1602',
};

/** Everything of an address a person other than its owner must never see (the phone also masked). */
export const privateFactsOf = (address: Address): string[] => [
  address.userName,
  address.telNumber,
  `${address.telNumber.slice(0, 3)}****${address.telNumber.slice(-4)}`,
  address.detailInfo,
];

/** Confirms Taro's H5 modal (showModal) with its confirm button and waits for it to close. */
export async function confirmModal(page: Page, confirmText: string): Promise<void> {
  const content = page.locator('.taro__modal .taro-modal__content');
  await content.waitFor();
  await content
    .locator('.taro-model__confirm')
    .filter({ hasText: exactly(confirmText) })
    .click();
  await content.waitFor({ state: 'hidden' });
}

/** A title of the NutUI tabs on 我的订单 (全部 / 待付款 / …). */
export const orderListTab = (scope: Page | Locator, title: string): Locator =>
  scope.locator('.nut-tabs-titles-item').filter({ hasText: exactly(title) });

/** The order card showing this order number on the list page in front. */
export const orderCard = (page: Page, orderId: string): Locator =>
  currentTaroPage(page).getByTestId('order-card').filter({ hasText: orderId });

export interface OrderTabContents {
  /** order numbers on the cards, top to bottom */
  orderIds: string[];
  /** the whole text of the page, to look for what must not be there */
  pageText: string;
}

/**
 * Waits until the order list in front has finished loading (no skeleton; cards, or the empty state)
 * and reads it. An error state fails with its message.
 */
async function readOrderList(page: Page, tabTitle: string): Promise<OrderTabContents> {
  const list = currentTaroPage(page);
  await list.getByTestId('state-loading').waitFor({ state: 'detached' });
  await list
    .getByTestId('order-card')
    .first()
    .or(list.getByTestId('state-empty'))
    .or(list.getByTestId('state-error'))
    .waitFor();
  if (await list.getByTestId('state-error').isVisible()) {
    throw new Error(`我的订单 → ${tabTitle} shows an error: ${await list.getByTestId('state-error').innerText()}`);
  }
  const headers = await list.locator('[data-testid="order-card"] .order-card__id').allInnerTexts();
  return {
    orderIds: headers.map((text) => text.trim().split(/\s+/).pop() ?? ''),
    pageText: await list.innerText(),
  };
}

/**
 * On 我的订单 (already in front): opens the tab `title` and reads what it lists once its own answer
 * arrived (cards of the tab shown before cannot be mistaken for it).
 */
export async function openOrderTab(page: Page, title: string): Promise<OrderTabContents> {
  const tab = orderListTab(currentTaroPage(page), title);
  if (await tab.evaluate((el) => el.classList.contains('nut-tabs-titles-item-active'))) {
    return readOrderList(page, title);
  }
  const answered = page.waitForResponse(
    (response) =>
      response.url().endsWith('/functions/order') && (response.request().postData() ?? '').includes('listOrders'),
  );
  await tab.click();
  await answered;
  await tab.and(page.locator('.nut-tabs-titles-item-active')).waitFor();
  return readOrderList(page, title);
}

/** From any page with the tab bar: 我的 → 全部订单, and the list's first load read. */
export async function openMyOrders(page: Page): Promise<OrderTabContents> {
  await tabBarItem(page, '我的').click();
  await currentTaroPage(page).getByTestId('mine-all-orders').waitFor();
  await currentTaroPage(page).getByTestId('mine-all-orders').click();
  await arriveAt(page, /\/packages\/order\/pages\/list\/index/);
  return readOrderList(page, '全部');
}

/** The six tabs of 我的订单, in the order the page shows them. */
/** From 全部, opens an order's detail and waits for its status; answers the detail's text. */
export async function openOrderDetail(page: Page, orderId: string, status: string): Promise<string> {
  await openOrderTab(page, '全部');
  await orderCard(page, orderId).click();
  await arriveAt(page, new RegExp(`/packages/order/pages/detail/index\\?orderId=${orderId}`));
  const detail = currentTaroPage(page).getByTestId('order-detail');
  await detail
    .getByTestId('order-status')
    .filter({ hasText: exactly(status) })
    .waitFor();
  return detail.innerText();
}

export const ORDER_TAB_TITLES = ['全部', '待付款', '待发货', '已发货', '已完成', '已取消'] as const;

export interface PaidGift {
  giftId: string;
  /** the gift's order (what the merchant ships) */
  orderId: string;
  /** the share path the giver sends (gift.shareCard): /packages/gift/pages/receive/index?giftId=…&token=… */
  sharePath: string;
  /** the token of the share path, for acceptGift / declineGift through the gateway */
  token: string;
}

/** 小明 gives `skuId` and pays, all through the gateway and the pay simulator; the gift is waiting. */
export async function givePaidGift(e2e: E2E, skuId: string, greeting: string): Promise<PaidGift> {
  const created = await e2e.call('dev-giver', 'gift', { action: 'createGift', skuId, greeting });
  await e2e.dev('/_dev/pay', { outTradeNo: created.outTradeNo });
  const card = await e2e.call('dev-giver', 'gift', { action: 'shareCard', giftId: created.giftId });
  const token = new URL(card.path, 'http://share.invalid').searchParams.get('token');
  if (!token) throw new Error(`gift.shareCard answered a path without a token: ${card.path}`);
  return { giftId: created.giftId, orderId: created.orderId, sharePath: card.path, token };
}

/** The merchant ships an order through the `merchant` function, as the back office would. */
export async function shipAsMerchant(
  e2e: E2E,
  orderId: string,
  shipping: { expressCompany: string; trackingNo: string },
): Promise<void> {
  const shipped = await e2e.call('dev-merchant', 'merchant', { action: 'shipOrder', orderId, ...shipping });
  if (shipped.status !== 'shipped') throw new Error(`merchant.shipOrder left ${orderId} ${shipped.status}`);
}

/**
 * 小红 (or whoever `page` belongs to) opens a share link, fills her address and taps 确认收下; waits
 * for the accepted state.
 */
export async function acceptThroughPage(e2e: E2E, page: Page, sharePath: string, address: Address): Promise<void> {
  await e2e.open(page, sharePath);
  const receivePage = currentTaroPage(page);
  await receivePage.getByTestId('gift-state-open').waitFor();
  await fillAddress(receivePage, address);
  await button(receivePage.getByTestId('address-form'), '确认收下').click();
  await currentTaroPage(page).getByTestId('gift-state-accepted').waitFor();
}

/**
 * The outermost visible control (a Taro button or view, a plain button or link) whose whole text
 * matches `text`: a click on it lands on the control whatever element inside takes the pointer
 * (Taro's <taro-button-core> takes pointer events from its inner text, so the text itself cannot be
 * clicked). Hidden copies, such as the tab bar kept in the DOM under a non-tab page, are skipped.
 */
export const control = (scope: Page | Locator, text: RegExp): Locator =>
  scope
    .locator('taro-button-core, taro-view-core, taro-text-core, button, a')
    .filter({ hasText: text, visible: true })
    .first();
