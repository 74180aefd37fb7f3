import { appPages, isKnownPage, isTabPage, pathOfUrl, routes, withQuery } from './routes';

describe('route table', () => {
  test('builders make the page path with its query, URI-encoded, skipping empty values', () => {
    expect(routes.giftDetail({ giftId: 'g 1' })).toBe('/packages/gift/pages/detail/index?giftId=g%201');
    expect(routes.giftReceive({ giftId: 'g1', token: 'abc' })).toBe(
      '/packages/gift/pages/receive/index?giftId=g1&token=abc',
    );
    expect(routes.orderList()).toBe('/packages/order/pages/list/index');
    expect(routes.orderList({ status: '' })).toBe('/packages/order/pages/list/index');
    expect(routes.home()).toBe('/pages/index/index');
    expect(withQuery('/a', { x: 1, y: undefined, z: '中' })).toBe('/a?x=1&z=%E4%B8%AD');
  });

  test('app.json pages: the tabs in the main package, every other page in its subpackage, in table order', () => {
    expect(appPages()).toEqual({
      pages: ['pages/index/index', 'pages/gifts/index', 'pages/mine/index'],
      subPackages: [
        { root: 'packages/shop', pages: ['pages/product/index', 'pages/category/index', 'pages/search/index'] },
        {
          root: 'packages/order',
          pages: [
            'pages/confirm/index',
            'pages/result/index',
            'pages/list/index',
            'pages/detail/index',
            'pages/after-sale-apply/index',
            'pages/after-sale/index',
          ],
        },
        { root: 'packages/gift', pages: ['pages/send/index', 'pages/detail/index', 'pages/receive/index'] },
        { root: 'packages/wishlist', pages: ['pages/mine/index', 'pages/shared/index'] },
        {
          root: 'packages/merchant',
          pages: [
            'pages/home/index',
            'pages/orders/index',
            'pages/card/index',
            'pages/products/index',
            'pages/product-edit/index',
          ],
        },
        { root: 'packages/finder', pages: ['pages/ideas/index', 'pages/ranking/index'] },
        { root: 'packages/common', pages: ['pages/not-found/index'] },
      ],
    });
  });

  test('known and tab pages, with or without the leading slash and the query', () => {
    expect(pathOfUrl('packages/gift/pages/detail/index?giftId=g1')).toBe('/packages/gift/pages/detail/index');
    expect(isKnownPage('packages/gift/pages/detail/index?giftId=g1')).toBe(true);
    expect(isKnownPage('/packages/gift/pages/status/index')).toBe(false);
    expect(isTabPage('/pages/gifts/index')).toBe(true);
    expect(isTabPage('pages/mine/index')).toBe(true);
    expect(isTabPage(routes.product({ productId: 'p1' }))).toBe(false);
  });
});
