/**
 * 礼物推荐 in the browser (issue 13): 小明 uses the finder at the top of the 礼物 tab (长辈 · 感谢 ·
 * ¥200–500), opens a suggested gift and starts sending it; the 送礼排行榜 and 品牌飙升榜 from a seeded
 * gift history that the giftStats timer ranked.
 */
import { seedGiftHistory } from '../../scripts/seed';
import { button, chooseSpecs, currentTaroPage } from './flows';
import { arriveAt, useE2E } from './harness';

const e2e = useE2E();

describe('gift finder', () => {
  e2e.test('choose who, occasion and budget on the 礼物 tab, pick a suggestion and start sending it', async () => {
    const giver = await e2e.pageAs('dev-giver');
    await e2e.open(giver, '/pages/gifts/index');
    const finder = currentTaroPage(giver).getByTestId('gift-finder');
    await finder.getByText('长辈', { exact: true }).click();
    await finder.getByText('感谢', { exact: true }).click();
    await finder.getByText('¥200–500', { exact: true }).click();
    await e2e.screenshot(giver, 'finder-gifts-tab');
    await finder.getByTestId('finder-go').click();

    await arriveAt(giver, /\/packages\/finder\/pages\/ideas\/index\?recipient=elder&occasion=thanks&priceBand=4/);
    const ideas = currentTaroPage(giver);
    const results = ideas.getByTestId('finder-results');
    await results.waitFor();
    await e2e.screenshot(giver, 'finder-ideas');
    const first = results.getByTestId('product-card').first();
    const name = (await first.locator('.product-card__name').textContent())?.trim() ?? '';
    expect(name).not.toBe('');
    await first.click();

    await arriveAt(giver, /\/packages\/shop\/pages\/product\/index\?productId=/);
    const productId = new URL(giver.url()).searchParams.get('productId') ?? '';
    const product = await e2e.call('dev-giver', 'shop', { action: 'getProduct', productId });
    expect(product.name).toBe(name);
    // the suggestion really is a gift for the band: a giftable SKU priced ¥200.01–500
    const inBand = product.skus.find((sku) => sku.price > 20_000 && sku.price <= 50_000);
    expect(product.giftable).toBe(true);
    if (!inBand) throw new Error(`${productId} has no SKU in ¥200–500`);

    const productPage = currentTaroPage(giver);
    await button(productPage.getByTestId('action-bar'), '送给朋友').click();
    const specPopup = giver.getByTestId('spec-popup');
    await chooseSpecs(specPopup, inBand);
    await button(specPopup, '送给朋友').click();
    await arriveAt(giver, /\/packages\/gift\/pages\/send\/index\?/);
    await currentTaroPage(giver).getByTestId('gift-card-preview').waitFor();
    await e2e.screenshot(giver, 'finder-send');
  });

  e2e.test('送礼排行榜 and 品牌飙升榜 rank the seeded gift history; a category narrows them', async () => {
    seedGiftHistory(e2e.cloud.db, e2e.cloud.clock.now());
    await e2e.cloud.services.invoke('giftStats', { Type: 'Timer' }, { openid: '', source: 'wx_trigger' });
    const ranking = await e2e.call('dev-giver', 'shop', { action: 'giftRanking', kind: 'gifted' });
    const top = ranking.kind === 'gifted' ? ranking.items[0] : undefined;
    if (!top) throw new Error('no gifted ranking after the timer ran');

    const page = await e2e.pageAs('dev-giver');
    await e2e.open(page, '/pages/gifts/index');
    await currentTaroPage(page).getByTestId('open-ranking').click();
    await arriveAt(page, /\/packages\/finder\/pages\/ranking\/index/);
    const rankingPage = currentTaroPage(page);
    await rankingPage.getByTestId('ranking-list').getByText(top.name).first().waitFor();
    await rankingPage.getByText(`近 7 天送出 ${top.count} 份`).first().waitFor();
    await e2e.screenshot(page, 'finder-ranking-gifted');

    await rankingPage.getByTestId('ranking-tab-risingBrands').click();
    await rankingPage
      .getByTestId('ranking-list')
      .getByText(/本周 \d+ 份 · 上周 \d+ 份/)
      .first()
      .waitFor();
    await e2e.screenshot(page, 'finder-ranking-brands');

    await rankingPage.getByTestId('ranking-tab-gifted').click();
    await rankingPage.getByTestId('ranking-category-flowers').click();
    const flowers = await e2e.call('dev-giver', 'shop', {
      action: 'giftRanking',
      kind: 'gifted',
      categoryId: 'flowers',
    });
    const firstFlower = flowers.kind === 'gifted' ? flowers.items[0] : undefined;
    if (!firstFlower) throw new Error('no flowers in the seeded history');
    await rankingPage.getByTestId('ranking-list').getByText(firstFlower.name).first().waitFor();
  });
});
