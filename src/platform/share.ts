import Taro from '@tarojs/taro';

/** Shows the "转发" entry in the page's ··· menu (weapp); a no-op on H5, which has no share menu. */
export const enableShareMenu = (): void => {
  if (process.env.TARO_ENV !== 'weapp') return;
  void Taro.showShareMenu({ withShareTicket: true });
};

/** weapp can share a page as a chat card; H5 shows a link to copy instead. */
export const canShareAsChatCard = (): boolean => process.env.TARO_ENV === 'weapp';

/**
 * Private-message share (私密消息) for a gift card: the activityId comes from the server. Taro's typings
 * lag behind wx here, hence the narrow typed wrapper (docs/docs/platform-notes.md). Must succeed BEFORE the user
 * taps the share button, so the card is sent as a private message that cannot be forwarded.
 */
export const markShareAsPrivateMessage = (activityId: string): Promise<void> => {
  const options = { isPrivateMessage: true, activityId, withShareTicket: true };
  return Taro.updateShareMenu(options as Taro.updateShareMenu.Option).then(() => undefined);
};

/** H5: the full link to a site path (origin + path), for the recipient to open in a browser. */
export const webLinkTo = (path: string): string =>
  typeof window === 'undefined' ? path : `${window.location.origin}${path}`;
