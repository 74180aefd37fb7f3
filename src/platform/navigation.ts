import Taro from '@tarojs/taro';
import { routes, type PageUrl, type TabUrl } from '@domain/routes';

/**
 * Navigation by URLs built from the route table (src/domain/routes.ts): `navigateTo(routes.product({ productId }))`.
 * A tab URL only goes to `switchToTab` (WeChat refuses navigateTo on a tab page): the types keep them apart.
 */
export { routes };

/** Opens a page on top of the current one. */
export const navigateTo = (url: PageUrl): Promise<unknown> => Taro.navigateTo({ url });

/** Replaces the current page (e.g. confirm → result, so 返回 does not reach a spent confirm page). */
export const redirectTo = (url: PageUrl): Promise<unknown> => Taro.redirectTo({ url });

export const switchToTab = (url: TabUrl): Promise<unknown> => Taro.switchTab({ url });

export const goHome = (): Promise<unknown> => switchToTab(routes.home());

export const openProduct = (productId: string): Promise<unknown> => navigateTo(routes.product({ productId }));

/** The giver's status page of a gift. */
export const openGiftDetail = (giftId: string): Promise<unknown> => navigateTo(routes.giftDetail({ giftId }));

/** After paying: the status page takes the send page's place (back goes to the product). */
export const replaceWithGiftDetail = (giftId: string): Promise<unknown> => redirectTo(routes.giftDetail({ giftId }));

/** Which list the 礼物 tab shows next time it appears (a tab URL carries no query). */
export type GiftsTabRole = 'sent' | 'received';
let wantedGiftsRole: GiftsTabRole | null = null;

/** The 礼物 tab, on 我送出的 or 我收到的. */
export const openGiftsTab = (role: GiftsTabRole): Promise<unknown> => {
  wantedGiftsRole = role;
  return switchToTab(routes.gifts());
};

/** The role asked for by `openGiftsTab`, once (the 礼物 tab reads it when it shows). */
export const takeWantedGiftsRole = (): GiftsTabRole | null => {
  const role = wantedGiftsRole;
  wantedGiftsRole = null;
  return role;
};

export const goBack = (): Promise<unknown> => Taro.navigateBack();

export const setPageTitle = (title: string): Promise<unknown> => Taro.setNavigationBarTitle({ title });

/** The not-found page in place of a page that does not exist (App onPageNotFound). */
export const showNotFound = (path: string): Promise<unknown> => redirectTo(routes.notFound({ path }));
