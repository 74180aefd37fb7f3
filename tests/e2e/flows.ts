/**
 * Steps the shop and gift flows share: picking test products through the shop function, choosing
 * specs, filling the address form, confirming the H5 cashier (收银台).
 */
import type { Locator, Page } from 'playwright-core';
import type { LocalCloud } from '@local-cloud/index';
import type { Address } from '@domain/address';
import type { Product, ProductSummary, Sku } from '@domain/contracts';
import type { Result } from '@domain/result';

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
 * within the gift limit (the recipient may only switch to a SKU of the same price).
 */
export async function findProductWithTwoSkus(
  cloud: LocalCloud,
  options: { giftable: boolean },
): Promise<ProductWithTwoSkus> {
  for (const summary of await allProducts(cloud)) {
    if (options.giftable && !summary.giftable) continue;
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
