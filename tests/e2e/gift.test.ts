/**
 * 送礼物 in the browser as three people (issue 5): 小明 (dev-giver) gives, pays and copies the link;
 * 小红 (dev-recipient, her own browser context) opens it, switches SKU, fills her address, accepts;
 * 小明 sees "accepted" without any of her address; 小刚 (dev-friend) opening the link is told it was
 * already received.
 */
import type { Address } from '@domain/address';
import {
  button,
  chooseSpecs,
  confirmCashier,
  currentTaroPage,
  exactly,
  field,
  fillAddress,
  findProductWithTwoSkus,
  specTextPattern,
} from './flows';
import { arriveAt, useE2E } from './harness';

const e2e = useE2E();

const GREETING = '生日快乐！挑了一个你会喜欢的小礼物，愿新的一岁每天都开心。';
const RECIPIENT_ADDRESS: Address = {
  userName: '李晓红',
  telNumber: '13912345678',
  provinceName: '浙江省',
  cityName: '杭州市',
  countyName: '西湖区',
  detailInfo: '文三路 477 号 华星科技大厦 1208 室',
};

describe('sending a gift', () => {
  e2e.test(
    'give, pay and copy the link; the friend switches SKU and accepts; the giver sees it; a third person cannot',
    async () => {
      const { product, first, second } = await findProductWithTwoSkus(e2e.cloud, { giftable: true });

      // ---- 小明 gives: product → 送给朋友 → spec → greeting → 支付并送出 → 收银台
      const giver = await e2e.pageAs('dev-giver');
      await e2e.open(giver, `/packages/shop/pages/product/index?productId=${encodeURIComponent(product.productId)}`);
      const productPage = currentTaroPage(giver);
      await productPage.getByTestId('gift-badge').waitFor();
      await button(productPage.getByTestId('action-bar'), '送给朋友').click();
      const specPopup = giver.getByTestId('spec-popup');
      await chooseSpecs(specPopup, first);
      await button(specPopup, '送给朋友').click();

      await arriveAt(giver, /\/packages\/gift\/pages\/send\/index\?/);
      const sendPage = currentTaroPage(giver);
      await sendPage.getByTestId('spec-selector').waitFor();
      await chooseSpecs(sendPage, first); // carried over from the product page; chosen again only if not
      await field(sendPage, '写下你想对好友说的话（最多100字）').fill(GREETING);
      await sendPage.getByTestId('gift-card-preview').getByText(GREETING).waitFor();
      await button(sendPage, '支付并送出').click();
      await confirmCashier(giver);

      // ---- after paying: the giver's status page with the card and the link to send
      await arriveAt(giver, /\/packages\/gift\/pages\/detail\/index\?giftId=/);
      const giftId = new URL(giver.url()).searchParams.get('giftId');
      expect(giftId).toBeTruthy();
      const detailPage = currentTaroPage(giver);
      await detailPage.getByTestId('gift-status-label').filter({ hasText: '等待好友领取' }).waitFor();
      await detailPage.getByTestId('gift-card').getByText(GREETING).waitFor();
      // The link is shown as text to copy (or a read-only field): read whichever it is.
      const shownLink = await detailPage
        .getByTestId('gift-share-link')
        .evaluate(
          (el) => (el.querySelector('textarea, input') as HTMLTextAreaElement | null)?.value ?? el.textContent ?? '',
        )
        .then((text) => text.trim());
      expect(shownLink).toMatch(
        new RegExp(
          `^${e2e.baseUrl.replace(/\./g, '\\.')}/packages/gift/pages/receive/index\\?giftId=${giftId}&token=[^&]{16,}$`,
        ),
      );
      await detailPage.getByTestId('gift-copy-link').click();
      await detailPage.getByText('链接已复制，发给好友吧').waitFor();
      expect(await giver.evaluate(() => navigator.clipboard.readText())).toBe(shownLink);
      await e2e.screenshot(giver, 'gift-card');

      // ---- 小红 opens the link in her own browser, switches SKU, fills the address, accepts
      const recipient = await e2e.pageAs('dev-recipient');
      await e2e.open(recipient, shownLink);
      const receivePage = currentTaroPage(recipient);
      await receivePage.getByTestId('gift-state-open').waitFor();
      expect(await receivePage.getByTestId('gift-from').innerText()).toContain('小明');
      await receivePage.getByTestId('gift-card').getByText(GREETING).waitFor();
      // The recipient never sees what the gift cost.
      expect(await receivePage.innerText()).not.toMatch(/¥\s?\d/);

      const choice = receivePage.getByTestId('gift-sku-choice').filter({ hasText: specTextPattern(second) });
      await choice.click();
      await choice.and(receivePage.locator('[aria-selected="true"]')).waitFor();
      await fillAddress(receivePage, RECIPIENT_ADDRESS);
      await button(receivePage.getByTestId('address-form'), '确认收下').click();

      const accepted = currentTaroPage(recipient).getByTestId('gift-state-accepted');
      await accepted.waitFor();
      const acceptedPage = currentTaroPage(recipient);
      // the SKU she switched to is the one she received
      await acceptedPage
        .getByTestId('gift-card-product')
        .filter({ hasText: specTextPattern(second) })
        .waitFor();
      await acceptedPage
        .getByTestId('gift-my-address')
        .getByText(RECIPIENT_ADDRESS.detailInfo, { exact: false })
        .waitFor();
      await e2e.screenshot(recipient, 'gift-recipient');

      // ---- 小明 reloads the status page: accepted by 小红, and nothing of her address or phone
      await e2e.open(giver, giver.url());
      const statusPage = currentTaroPage(giver);
      await statusPage
        .getByTestId('gift-status-label')
        .filter({ hasText: exactly('好友已收下') })
        .waitFor();
      expect(await statusPage.getByTestId('gift-accepted-by').innerText()).toContain('小红');
      const giverSees = await giver.locator('body').innerText();
      expect(giverSees).not.toContain(RECIPIENT_ADDRESS.telNumber);
      expect(giverSees).not.toContain(RECIPIENT_ADDRESS.detailInfo);
      expect(giverSees).not.toContain(RECIPIENT_ADDRESS.userName);
      await e2e.screenshot(giver, 'gift-giver-status');

      // ---- 小刚 opens the same link: already received
      const friend = await e2e.pageAs('dev-friend');
      await e2e.open(friend, shownLink);
      const taken = currentTaroPage(friend).getByTestId('gift-state-taken');
      await taken.waitFor();
      expect(await taken.innerText()).toContain('这份礼物已被领取');
      expect(await friend.locator('body').innerText()).not.toContain(RECIPIENT_ADDRESS.telNumber);
      await e2e.screenshot(friend, 'gift-third-user');
    },
  );
});
