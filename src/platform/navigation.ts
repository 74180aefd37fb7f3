import Taro from '@tarojs/taro';

/** Every page path the app navigates to, so a typo is a type error instead of a blank screen. */
export const Routes = {
  home: '/pages/index/index',
  gifts: '/pages/gifts/index',
  mine: '/pages/mine/index',
  product: '/packages/shop/pages/product/index',
  category: '/packages/shop/pages/category/index',
  search: '/packages/shop/pages/search/index',
  orderConfirm: '/packages/order/pages/confirm/index',
  orderResult: '/packages/order/pages/result/index',
  orderList: '/packages/order/pages/list/index',
  orderDetail: '/packages/order/pages/detail/index',
  giftSend: '/packages/gift/pages/send/index',
  giftDetail: '/packages/gift/pages/detail/index',
  giftReceive: '/packages/gift/pages/receive/index',
} as const;

type TabRoute = (typeof Routes)['home' | 'gifts' | 'mine'];
type PageRoute = Exclude<(typeof Routes)[keyof typeof Routes], TabRoute>;

export const withQuery = (path: string, query: Record<string, string | number | undefined>): string => {
  const search = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return search ? `${path}?${search}` : path;
};

/** Opens a page on top of the current one. */
export const navigateTo = (
  route: PageRoute,
  query: Record<string, string | number | undefined> = {},
): Promise<unknown> => Taro.navigateTo({ url: withQuery(route, query) });

/** Replaces the current page (e.g. confirm → result, so 返回 does not reach a spent confirm page). */
export const redirectTo = (
  route: PageRoute,
  query: Record<string, string | number | undefined> = {},
): Promise<unknown> => Taro.redirectTo({ url: withQuery(route, query) });

export const openProduct = (productId: string): Promise<unknown> => navigateTo(Routes.product, { productId });

/** The giver's status page of a gift. */
export const openGiftDetail = (giftId: string): Promise<unknown> => navigateTo(Routes.giftDetail, { giftId });

/** After paying: the status page takes the send page's place (back goes to the product). */
export const replaceWithGiftDetail = (giftId: string): Promise<unknown> => redirectTo(Routes.giftDetail, { giftId });

export const switchToTab = (tab: TabRoute): Promise<unknown> => Taro.switchTab({ url: tab });

export const goBack = (): Promise<unknown> => Taro.navigateBack();

export const setPageTitle = (title: string): Promise<unknown> => Taro.setNavigationBarTitle({ title });
