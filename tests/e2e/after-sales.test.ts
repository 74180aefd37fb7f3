/**
 * After-sales across three people (issue 10): 小明 (dev-giver) gives a gift and pays; 小红
 * (dev-recipient) accepts it with her address; the shop owner (dev-merchant) ships it from the merchant
 * pages with a carrier and tracking number; 小红 sees the carrier, number and timeline, then asks for
 * 仅退款 from her order; the merchant approves it under 售后; the pay simulator settles the refund; 小明
 * sees the refund on the gift's page and in 我的订单, and never her address, phone or the tracking
 * number. Any page error or console error fails the test (harness).
 */
import type { Page } from 'playwright-core';
import { AFTER_SALE_STATUS_LABELS } from '@domain/afterSale/machine';
import { afterSaleRefundNo } from '@domain/afterSale/rules';
import { HOUR_MS } from '@domain/clock';
import { giftOutTradeNo } from '@domain/gift/rules';
import type { PayLedger } from '@local-cloud/pay/index';
import {
  acceptThroughPage,
  button,
  control,
  currentTaroPage,
  findProductWithTwoSkus,
  givePaidGift,
  openMyOrders,
  openOrderDetail,
  orderCard,
  privateFactsOf,
  RECIPIENT_ADDRESS,
  tabBarItem,
} from './flows';
import { arriveAt, useE2E } from './harness';

const e2e = useE2E();

const GREETING = '天冷了，送你一条围巾，记得保暖。';
const SHIPPING = { expressCompany: '顺丰速运', trackingNo: 'SF9876543210123' };
const DESCRIPTION = '快递一直没有更新，不想等了';
/** The gift's order once the after-sale refund closed it (src/domain/afterSale/views.ts). */
const ORDER_REFUNDED_LABEL = '已退款';

const shot = (page: Page, step: string) => e2e.screenshot(page, `after-sales-${step}`);

/** Everything the giver must never read: her name, phone (plain or masked), street, and the tracking number. */
const HIDDEN_FROM_GIVER = [...privateFactsOf(RECIPIENT_ADDRESS), SHIPPING.trackingNo];

function expectNothingPrivate(where: string, text: string): void {
  const leaked = HIDDEN_FROM_GIVER.filter((fact) => text.includes(fact));
  if (leaked.length > 0) throw new Error(`${where} shows the giver ${leaked.join(', ')}:\n${text}`);
}

/** Re-reads `read` until `done` holds (the refund settles through the pay simulator's callback). */
async function pollUntil<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  return last;
}

describe('after-sales', () => {
  e2e.test(
    'the merchant ships an accepted gift; the recipient sees the parcel and asks for 仅退款; the merchant approves; the giver sees the refund',
    async () => {
      // ---- 1. 小明 gives and pays; 小红 accepts with her address
      const { product, first } = await findProductWithTwoSkus(e2e.cloud, { giftable: true });
      const gift = await givePaidGift(e2e, first.skuId, GREETING);
      const recipient = await e2e.pageAs('dev-recipient');
      await acceptThroughPage(e2e, recipient, gift.sharePath, RECIPIENT_ADDRESS);
      await shot(recipient, '1-accepted');

      // ---- 2. the merchant: 我的 → 店铺管理 → 订单发货 → 发货 → 顺丰速运 → number → 确认发货
      const merchant = await e2e.pageAs('dev-merchant');
      await e2e.open(merchant, '/');
      await tabBarItem(merchant, '我的').click();
      await arriveAt(merchant, /\/pages\/mine\/index/);
      await currentTaroPage(merchant).getByTestId('mine-merchant').click();
      await arriveAt(merchant, /\/packages\/merchant\/pages\/home\/index/);
      await currentTaroPage(merchant).getByTestId('merchant-entry-orders').click();
      await arriveAt(merchant, /\/packages\/merchant\/pages\/orders\/index/);
      const orders = currentTaroPage(merchant);
      const giftRow = orders.locator(`[data-order-id="${gift.orderId}"]`);
      await giftRow.getByTestId('merchant-order-address').filter({ hasText: RECIPIENT_ADDRESS.detailInfo }).waitFor();
      await giftRow.getByTestId('merchant-ship-one').click();
      const panel = orders.getByTestId('merchant-ship-panel');
      await control(panel, /^\s*顺丰速运\s*$/).click();
      await panel.getByTestId('merchant-tracking-input').locator('input').fill(SHIPPING.trackingNo);
      await shot(merchant, '2-ship');
      await panel.getByTestId('merchant-ship-confirm').click();
      await giftRow.waitFor({ state: 'detached' });
      const shipped = await e2e.call('dev-merchant', 'merchant', { action: 'getOrder', orderId: gift.orderId });
      expect(shipped).toMatchObject({ status: 'shipped', shipping: SHIPPING });

      // ---- 3. hours later the carrier has collected it: 小红's order shows carrier, number and timeline
      await e2e.dev('/_dev/clock', { advanceMs: 6 * HOUR_MS });
      await e2e.open(recipient, '/');
      await openMyOrders(recipient);
      const parcelText = await openOrderDetail(recipient, gift.orderId, '已发货');
      expect(parcelText).toContain(SHIPPING.expressCompany);
      expect(parcelText).toContain(SHIPPING.trackingNo);
      const detail = currentTaroPage(recipient).getByTestId('order-detail');
      const timeline = detail.getByTestId('parcel-events');
      await timeline.getByText('已揽收').first().waitFor();
      await timeline.scrollIntoViewIfNeeded();
      await shot(recipient, '3-parcel');

      // ---- 4. 申请售后 → 仅退款 → a reason → words → 提交申请
      await detail.getByTestId('after-sale-entry-button').click();
      await arriveAt(recipient, new RegExp(`/packages/order/pages/after-sale-apply/index\\?orderId=${gift.orderId}`));
      const apply = currentTaroPage(recipient).getByTestId('after-sale-apply');
      await apply.getByTestId('after-sale-type-refund').click();
      await apply.getByTestId('after-sale-reason-notReceived').click();
      await apply.getByTestId('after-sale-description').locator('textarea').fill(DESCRIPTION);
      // a gift's refund goes back to the giver: she is shown no price
      expect(await apply.getByTestId('after-sale-amount').innerText()).toContain('全额退款');
      await shot(recipient, '4-apply');
      await apply.getByTestId('after-sale-submit').click();
      await arriveAt(recipient, /\/packages\/order\/pages\/after-sale\/index\?afterSaleId=/);
      const asked = currentTaroPage(recipient).getByTestId('after-sale-detail');
      await asked.getByTestId('after-sale-status').filter({ hasText: AFTER_SALE_STATUS_LABELS.requested }).waitFor();
      const afterSaleId = new URL(recipient.url()).searchParams.get('afterSaleId') ?? '';
      expect(afterSaleId).not.toBe('');
      await shot(recipient, '4-requested');

      // ---- 5. the merchant: 售后 → 查看并处理 → 同意
      await e2e.open(merchant, '/packages/merchant/pages/orders/index?tab=afterSales');
      const request = currentTaroPage(merchant).getByTestId('merchant-after-sale').filter({ hasText: product.name });
      await request.filter({ hasText: AFTER_SALE_STATUS_LABELS.requested }).waitFor();
      await button(request, '查看并处理').click();
      const requestDetail = request.getByTestId('merchant-after-sale-detail');
      await requestDetail.filter({ hasText: gift.orderId }).waitFor();
      expect(await requestDetail.innerText()).toContain(DESCRIPTION);
      await shot(merchant, '5-review');
      await request.getByTestId('merchant-after-sale-approve').click();
      await request
        .filter({ hasText: new RegExp(`${AFTER_SALE_STATUS_LABELS.refunding}|${AFTER_SALE_STATUS_LABELS.refunded}`) })
        .waitFor();
      await shot(merchant, '5-approved');

      // ---- 6. the pay simulator settles the refund and notifies refundCallback
      await e2e.dev('/_dev/clock', { advanceMs: 10_000 });
      await pollUntil(
        'the after-sale after the refund callback',
        () => e2e.call('dev-recipient', 'order', { action: 'getAfterSale', afterSaleId }),
        (view) => view.status === 'refunded',
      );
      await e2e.open(recipient, `/packages/order/pages/after-sale/index?afterSaleId=${afterSaleId}`);
      await currentTaroPage(recipient)
        .getByTestId('after-sale-status')
        .filter({ hasText: AFTER_SALE_STATUS_LABELS.refunded })
        .waitFor();
      await shot(recipient, '6-refunded');
      // refunded to 小明 once, in full (the payment ledger of the pay simulator)
      const ledger = await e2e.dev<PayLedger>('/_dev/ledger');
      const outTradeNo = giftOutTradeNo(gift.giftId);
      const paid = ledger.payments.filter((payment) => payment.outTradeNo === outTradeNo);
      const refunds = ledger.refunds.filter((refund) => refund.outTradeNo === outTradeNo);
      expect(paid).toHaveLength(1);
      expect(refunds.map(({ outRefundNo, refundFee, state }) => ({ outRefundNo, refundFee, state }))).toEqual([
        { outRefundNo: afterSaleRefundNo(afterSaleId), refundFee: paid[0]?.totalFee, state: 'SUCCESS' },
      ]);
      expect(paid[0]?.payerOpenid).toBe('dev-giver');

      // ---- 7. 小明: the gift's page and 我的订单 show the refund, and nothing of her address or parcel
      const giver = await e2e.pageAs('dev-giver');
      await e2e.open(giver, `/packages/gift/pages/detail/index?giftId=${encodeURIComponent(gift.giftId)}`);
      const giftPage = currentTaroPage(giver);
      await giftPage.getByTestId('gift-refund').filter({ hasText: '已退款' }).waitFor();
      await shot(giver, '7-gift');
      expectNothingPrivate('the gift page', await giver.locator('body').innerText());

      await e2e.open(giver, '/');
      const list = await openMyOrders(giver);
      expect(list.orderIds).toContain(gift.orderId);
      expect(await orderCard(giver, gift.orderId).innerText()).toContain(ORDER_REFUNDED_LABEL);
      expectNothingPrivate('我的订单', list.pageText);
      await shot(giver, '7-orders');
      const giverDetail = await openOrderDetail(giver, gift.orderId, ORDER_REFUNDED_LABEL);
      expectNothingPrivate('the order detail', giverDetail);
      expectNothingPrivate('the order detail page', await giver.locator('body').innerText());
      await shot(giver, '7-order-detail');
    },
  );
});
