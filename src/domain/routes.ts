/**
 * Every page of the mini program, once: the client navigates with these builders, the server builds
 * share paths and subscribe-message pages with them, and src/app.config.ts lists its pages from
 * `appPages()`. tests/weapp/routes.test.ts checks every path against the built dist/app.json.
 */

type QueryValue = string | number | undefined;
type Query = Record<string, QueryValue>;

declare const urlKind: unique symbol;
/** A URL of a tab page: only `switchTab` may open it (WeChat refuses navigateTo/redirectTo on tabs). */
export type TabUrl = string & { readonly [urlKind]: 'tab' };
/** A URL of any other page, with its query. */
export type PageUrl = string & { readonly [urlKind]: 'page' };

/** `path?key=value&…`, skipping undefined and empty values, URI-encoded. */
export function withQuery(path: string, query: Query = {}): string {
  const search = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}

interface PageFacts {
  /** the page inside its package, as app.json lists it ('pages/product/index') */
  readonly page: string;
  /** '/packages/shop/pages/product/index' */
  readonly path: string;
}

/** The query may be left out when every key of it is optional. */
type Builder<Q extends Query, U> = Partial<Q> extends Q ? (query?: Q) => U : (query: Q) => U;
/** A tab: main package (root null). */
export type TabRoute = Builder<Query, TabUrl> & PageFacts & { readonly tab: true; readonly root: null };
/** Any other page: in a subpackage ('packages/shop'), so the main package stays small. */
export type PageRoute<Q extends Query = Query> = Builder<Q, PageUrl> &
  PageFacts & { readonly tab: false; readonly root: string };

const pathOf = (root: string | null, page: string): string => `/${root ? `${root}/` : ''}${page}`;

const tab = (page: string): TabRoute => {
  const path = pathOf(null, page);
  return Object.assign(() => path as TabUrl, { root: null, page, path, tab: true as const });
};

const page = <Q extends Query = Record<never, never>>(root: string, pagePath: string): PageRoute<Q> => {
  const path = pathOf(root, pagePath);
  const build = (query?: Q) => withQuery(path, query ?? {}) as PageUrl;
  return Object.assign(build as Builder<Q, PageUrl>, { root, page: pagePath, path, tab: false as const });
};

const SHOP = 'packages/shop';
const ORDER = 'packages/order';
const GIFT = 'packages/gift';
const WISHLIST = 'packages/wishlist';
const FINDER = 'packages/finder';
const MERCHANT = 'packages/merchant';
const COMMON = 'packages/common';

/**
 * The table. Order matters: the first tab is the home page, and app.json lists pages and subpackages
 * in this order.
 */
export const routes = {
  // Main package: the three tabs only (size budget).
  home: tab('pages/index/index'),
  gifts: tab('pages/gifts/index'),
  mine: tab('pages/mine/index'),
  product: page<{ productId: string }>(SHOP, 'pages/product/index'),
  category: page<{ categoryId: string; name?: string }>(SHOP, 'pages/category/index'),
  search: page<{ keyword?: string }>(SHOP, 'pages/search/index'),
  // 买给自己: confirm, pay result, my orders and an order's detail.
  orderConfirm: page<{ productId: string; skuId: string; quantity: number }>(ORDER, 'pages/confirm/index'),
  orderResult: page<{ orderId: string; outcome: string }>(ORDER, 'pages/result/index'),
  orderList: page<{ status?: string }>(ORDER, 'pages/list/index'),
  orderDetail: page<{ orderId: string }>(ORDER, 'pages/detail/index'),
  // 售后: 申请售后 (from an order's detail) and 售后详情.
  afterSaleApply: page<{ orderId: string }>(ORDER, 'pages/after-sale-apply/index'),
  afterSaleDetail: page<{ afterSaleId: string }>(ORDER, 'pages/after-sale/index'),
  // 送礼物: the send page, the giver's status page, and the page the chat card opens.
  giftSend: page<{ productId: string; skuId?: string; wishlistToken?: string }>(GIFT, 'pages/send/index'),
  giftDetail: page<{ giftId: string }>(GIFT, 'pages/detail/index'),
  giftReceive: page<{ giftId: string; token: string }>(GIFT, 'pages/receive/index'),
  // 心愿单: the owner's list (from 我的) and a friend's read-only view (from the shared card).
  wishlistMine: page(WISHLIST, 'pages/mine/index'),
  wishlistShared: page<{ token: string }>(WISHLIST, 'pages/shared/index'),
  // 店铺管理 (merchants only, from 我的): dashboard, orders to ship, the printable card, products.
  merchantHome: page(MERCHANT, 'pages/home/index'),
  merchantOrders: page<{ tab?: string }>(MERCHANT, 'pages/orders/index'),
  merchantCard: page<{ orderId: string }>(MERCHANT, 'pages/card/index'),
  merchantProducts: page(MERCHANT, 'pages/products/index'),
  merchantProductEdit: page<{ productId?: string }>(MERCHANT, 'pages/product-edit/index'),
  // 礼物推荐 (from the 礼物 tab's finder) and 送礼排行榜 / 品牌飙升榜.
  finderIdeas: page<{ recipient?: string; occasion?: string; priceBand?: number }>(FINDER, 'pages/ideas/index'),
  finderRanking: page<{ kind?: string }>(FINDER, 'pages/ranking/index'),
  // Where an unknown path lands (App onPageNotFound); `path` is the one that was asked for.
  notFound: page<{ path?: string }>(COMMON, 'pages/not-found/index'),
} as const;

export type RouteName = keyof typeof routes;
type AnyRoute = (typeof routes)[RouteName];

const allRoutes = (): AnyRoute[] => Object.values(routes);

/** The pages and subpackages of app.json, in table order. */
export function appPages(): { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> } {
  const pages: string[] = [];
  const subPackages: Array<{ root: string; pages: string[] }> = [];
  for (const route of allRoutes()) {
    if (route.root === null) {
      pages.push(route.page);
      continue;
    }
    const existing = subPackages.find((sub) => sub.root === route.root);
    if (existing) existing.pages.push(route.page);
    else subPackages.push({ root: route.root, pages: [route.page] });
  }
  return { pages, subPackages };
}

/** The tab pages' paths ('/pages/index/index', …). */
export const tabPaths = (): string[] => allRoutes().flatMap((route) => (route.tab ? [route.path] : []));

/** The path part of a URL, with a leading slash ('/packages/gift/pages/detail/index'). */
export const pathOfUrl = (url: string): string => `/${url.split('?')[0]?.replace(/^\/+/, '') ?? ''}`;

/** Whether a URL (with or without query, leading slash optional) is a page of the table. */
export const isKnownPage = (url: string): boolean => {
  const path = pathOfUrl(url);
  return allRoutes().some((route) => route.path === path);
};

export const isTabPage = (url: string): boolean => tabPaths().includes(pathOfUrl(url));
