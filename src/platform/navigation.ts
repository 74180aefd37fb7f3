import Taro from '@tarojs/taro';

/** Every page path the app navigates to, so a typo is a type error instead of a blank screen. */
export const Routes = {
  home: '/pages/index/index',
  gifts: '/pages/gifts/index',
  mine: '/pages/mine/index',
  product: '/packages/shop/pages/product/index',
} as const;

type TabRoute = (typeof Routes)['home' | 'gifts' | 'mine'];

const withQuery = (path: string, query: Record<string, string>): string => {
  const search = Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return search ? `${path}?${search}` : path;
};

export const openProduct = (productId: string): Promise<unknown> =>
  Taro.navigateTo({ url: withQuery(Routes.product, { productId }) });

export const switchToTab = (tab: TabRoute): Promise<unknown> => Taro.switchTab({ url: tab });

export const goBack = (): Promise<unknown> => Taro.navigateBack();

export const setPageTitle = (title: string): Promise<unknown> => Taro.setNavigationBarTitle({ title });
