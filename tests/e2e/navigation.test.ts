/**
 * Ways home (issue 8): an unknown path (an old notification, a mistyped link) shows a not-found page
 * whose 返回首页 leads home; a product page opened straight from a link, in a browser with no history,
 * has a way home; a product that does not exist says so and offers 返回首页, not 重试.
 * Any page error or console error fails the test (harness).
 */
import type { Locator, Page } from 'playwright-core';
import { control, currentTaroPage, findProductWithTwoSkus } from './flows';
import { arriveAt, useE2E, waitForTaroPage } from './harness';

const e2e = useE2E();

const HOME_TEXT = /^\s*(返回)?首页\s*$/;

/** Something visible that says 首页 / 返回首页 inside `scope`. */
const homeControl = (scope: Page | Locator): Locator => control(scope, HOME_TEXT);

/** Opens `sitePath` and waits until the page shown says `text`; fails with what the browser shows. */
async function openExpecting(page: Page, sitePath: string, text: string | RegExp): Promise<void> {
  await page.goto(`${e2e.baseUrl}${sitePath}`);
  try {
    await currentTaroPage(page).getByText(text).first().waitFor();
  } catch (error) {
    const shown = await page
      .locator('body')
      .innerText()
      .catch(() => '');
    throw new Error(
      `${sitePath} should show 「${String(text)}」, the browser shows ${JSON.stringify(shown.slice(0, 300))}`,
      {
        cause: error,
      },
    );
  }
  await waitForTaroPage(page);
}

async function clickHomeAndArrive(page: Page, home: Locator): Promise<void> {
  await home.click();
  await arriveAt(page, /\/pages\/index\/index/);
  await currentTaroPage(page).getByTestId('product-card').first().waitFor();
}

describe('ways home', () => {
  for (const unknown of ['/packages/gift/pages/status/index?giftId=abc', '/pages/no-such-page/index']) {
    e2e.test(
      `an unknown path (${unknown.split('?')[0]}) shows a not-found page whose 返回首页 leads home`,
      async () => {
        const page = await e2e.pageAs('dev-giver');
        await openExpecting(page, unknown, '返回首页');
        const shown = currentTaroPage(page);
        expect(await shown.innerText()).toMatch(/不存在|找不到/);
        await e2e.screenshot(page, `journey-not-found-${unknown.split('/')[2]}`);
        await clickHomeAndArrive(page, homeControl(shown));
      },
    );
  }

  e2e.test('a product page opened from a link in a fresh browser has a way home', async () => {
    const { product } = await findProductWithTwoSkus(e2e.cloud, { giftable: false });
    const page = await e2e.freshPageAs('dev-friend');
    await e2e.open(page, `/packages/shop/pages/product/index?productId=${encodeURIComponent(product.productId)}`);
    await currentTaroPage(page).locator('.product__name').filter({ hasText: product.name }).waitFor();
    await homeControl(page).waitFor();
    await e2e.screenshot(page, 'journey-product-from-link');
    await clickHomeAndArrive(page, homeControl(page));
  });

  e2e.test('a product that does not exist says so and offers 返回首页 (not 重试), which leads home', async () => {
    const page = await e2e.pageAs('dev-friend');
    await openExpecting(page, '/packages/shop/pages/product/index?productId=no-such-product', '商品不存在或已下架');
    const shown = currentTaroPage(page);
    await e2e.screenshot(page, 'journey-product-not-found');
    await e2e.softly('the not-found product offers no 重试', async () =>
      expect(await shown.getByText('重试', { exact: true }).count()).toBe(0),
    );
    await clickHomeAndArrive(page, homeControl(shown));
  });
});
