/**
 * 心愿单 in the browser (issue 13): 小红 (dev-recipient) adds a product with the spec she wants to her
 * wish list, marks what she dislikes and copies the list's link; 小明 (dev-giver) opens it and sends that
 * wish as a gift (送给TA → 支付并送出); 小刚 (dev-friend) then sees it as 已有好友准备 without learning who;
 * 小红 sees nothing about it on her own list, opens the gift's link and accepts it.
 */
import type { Locator, Page } from 'playwright-core';
import type { Sku } from '@domain/contracts';
import {
  button,
  chooseSpecs,
  confirmCashier,
  currentTaroPage,
  fillAddress,
  findProductWithTwoSkus,
  field,
  RECIPIENT_ADDRESS,
  specTextPattern,
} from './flows';
import { arriveAt, useE2E } from './harness';

const e2e = useE2E();

const DISLIKES = '不吃甜食';

/** The link shown to copy (text, or a read-only field inside it). */
const shownLink = (locator: Locator): Promise<string> =>
  locator
    .evaluate(
      (el) => (el.querySelector('textarea, input') as HTMLTextAreaElement | null)?.value ?? el.textContent ?? '',
    )
    .then((text) => text.trim());

const wishItem = (page: Page | Locator, name: string): Locator =>
  page.getByTestId('wish-item').filter({ hasText: name });

/** The spec line the wish shows: '颜色：红色 / 尺码：M'. */
const specLine = (sku: Sku): string =>
  Object.entries(sku.specs)
    .map(([name, value]) => `${name}：${value}`)
    .join(' / ');

describe('wish lists', () => {
  e2e.test(
    'she adds a wish and shares her list; he sends that wish as a gift; a third friend sees 已有好友准备; she accepts',
    async () => {
      const { product, first } = await findProductWithTwoSkus(e2e.cloud, { giftable: true });

      // ---- 小红: product → 加入心愿单 → the spec she wants → 加入心愿单
      const owner = await e2e.pageAs('dev-recipient');
      await e2e.open(owner, `/packages/shop/pages/product/index?productId=${encodeURIComponent(product.productId)}`);
      const productPage = currentTaroPage(owner);
      await productPage.getByTestId('gift-badge').waitFor();
      await e2e.screenshot(owner, 'wishlist-product');
      await productPage.getByTestId('wish-add').click();
      const specPopup = owner.getByTestId('spec-popup');
      await chooseSpecs(specPopup, first);
      await e2e.screenshot(owner, 'wishlist-product-spec');
      const added = owner.waitForResponse(
        (response) => response.url().endsWith('/functions/wishlist') && response.request().method() === 'POST',
      );
      await button(specPopup, '加入心愿单').click();
      expect((await added).ok()).toBe(true);

      // ---- 我的 → 我的心愿单: the wish, her dislikes saved, the link copied
      await e2e.open(owner, '/pages/mine/index');
      await currentTaroPage(owner).getByTestId('mine-wishlist').click();
      await arriveAt(owner, /\/packages\/wishlist\/pages\/mine\/index/);
      const minePage = currentTaroPage(owner);
      await wishItem(minePage, product.name)
        .filter({ hasText: specLine(first) })
        .waitFor();
      await field(minePage, '如：不吃甜食（50字内）').fill(DISLIKES);
      await button(minePage, '保存喜好').click();
      await owner.getByText('偏好已保存').waitFor();
      const link = await shownLink(minePage.getByTestId('wishlist-share-link'));
      expect(link).toMatch(
        new RegExp(`^${e2e.baseUrl.replace(/\./g, '\\.')}/packages/wishlist/pages/shared/index\\?token=[0-9a-f]{32}$`),
      );
      await minePage.getByTestId('wishlist-copy-link').click();
      await minePage.getByText('链接已复制，发给好友吧').waitFor();
      expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(link);
      await e2e.screenshot(owner, 'wishlist-mine');

      // ---- 小明 opens her list: 送给TA → the send page with her SKU and a greeting → 支付并送出
      const giver = await e2e.pageAs('dev-giver');
      await e2e.open(giver, link);
      const sharedPage = currentTaroPage(giver);
      await sharedPage.getByTestId('wishlist-owner').filter({ hasText: '小红的心愿单' }).waitFor();
      await sharedPage.getByTestId('wishlist-preferences').getByText(`不喜欢：${DISLIKES}`).waitFor();
      await e2e.screenshot(giver, 'wishlist-shared');
      await button(wishItem(sharedPage, product.name), '送给TA').click();

      await arriveAt(giver, /\/packages\/gift\/pages\/send\/index\?.*wishlistToken=/);
      const sendPage = currentTaroPage(giver);
      await sendPage.getByTestId('gift-from-wishlist').waitFor();
      await sendPage.getByTestId('spec-selector').locator('[aria-selected="true"]').first().waitFor();
      await e2e.screenshot(giver, 'wishlist-send');
      await button(sendPage, '支付并送出').click();
      await confirmCashier(giver);
      await arriveAt(giver, /\/packages\/gift\/pages\/detail\/index\?giftId=/);
      const detailPage = currentTaroPage(giver);
      await detailPage.getByTestId('gift-status-label').filter({ hasText: '等待好友领取' }).waitFor();
      const giftLink = await shownLink(detailPage.getByTestId('gift-share-link'));
      expect(giftLink).toContain('/packages/gift/pages/receive/index?giftId=');

      // ---- 小刚 opens the same list: 已有好友准备, no 送给TA for it, and nothing says who
      const friend = await e2e.pageAs('dev-friend');
      await e2e.open(friend, link);
      const friendView = currentTaroPage(friend);
      const taken = wishItem(friendView, product.name);
      await taken.getByTestId('wish-taken').filter({ hasText: '已有好友准备' }).waitFor();
      expect(await button(taken, '送给TA').count()).toBe(0);
      await taken.getByTestId('wish-reason').waitFor();
      expect(await friend.locator('body').innerText()).not.toContain('小明');
      await e2e.screenshot(friend, 'wishlist-being-gifted');

      // ---- 小红's own list says nothing about it; she opens the gift's link and accepts
      await e2e.open(owner, '/packages/wishlist/pages/mine/index');
      await wishItem(currentTaroPage(owner), product.name).waitFor();
      const ownerSees = await currentTaroPage(owner).innerText();
      expect(ownerSees).not.toContain('已有好友准备');
      expect(ownerSees).not.toContain('小明');

      await e2e.open(owner, giftLink);
      const receivePage = currentTaroPage(owner);
      await receivePage.getByTestId('gift-state-open').waitFor();
      expect(await receivePage.getByTestId('gift-from').innerText()).toContain('小明');
      await fillAddress(receivePage, RECIPIENT_ADDRESS);
      await button(receivePage.getByTestId('address-form'), '确认收下').click();
      const acceptedPage = currentTaroPage(owner);
      await acceptedPage.getByTestId('gift-state-accepted').waitFor();
      await acceptedPage
        .getByTestId('gift-card-product')
        .filter({ hasText: specTextPattern(first) })
        .waitFor();
      await e2e.screenshot(owner, 'wishlist-accepted');
    },
  );
});
