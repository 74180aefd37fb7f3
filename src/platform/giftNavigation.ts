import Taro from '@tarojs/taro';

/**
 * The gift subpackage's pages (src/packages/gift). Kept apart from navigation.ts so the gift pages
 * could be built while others edit that file; the lead may merge these into Routes.
 */
export const GiftRoutes = {
  send: '/packages/gift/pages/send/index',
  detail: '/packages/gift/pages/detail/index',
  receive: '/packages/gift/pages/receive/index',
} as const;

const withQuery = (path: string, query: Record<string, string>): string => {
  const search = Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return search ? `${path}?${search}` : path;
};

export const giftSendUrl = (productId: string, skuId?: string): string =>
  withQuery(GiftRoutes.send, skuId ? { productId, skuId } : { productId });

export const giftDetailUrl = (giftId: string): string => withQuery(GiftRoutes.detail, { giftId });

/** From the product page's 送给朋友. */
export const openGiftSend = (productId: string, skuId?: string): Promise<unknown> =>
  Taro.navigateTo({ url: giftSendUrl(productId, skuId) });

export const openGiftDetail = (giftId: string): Promise<unknown> => Taro.navigateTo({ url: giftDetailUrl(giftId) });

/** After paying: the send page is done, the status page takes its place (back goes to the product). */
export const replaceWithGiftDetail = (giftId: string): Promise<unknown> =>
  Taro.redirectTo({ url: giftDetailUrl(giftId) });
