import Taro from '@tarojs/taro';

/** Shows the "转发" entry in the page's ··· menu (weapp); a no-op on H5, which has no share menu. */
export const enableShareMenu = (): void => {
  if (process.env.TARO_ENV !== 'weapp') return;
  void Taro.showShareMenu({ withShareTicket: true });
};

/**
 * Private-message share (私密消息) for a gift card: the activityId comes from the server. Taro's typings
 * lag behind wx here, hence the narrow typed wrapper (platform-notes.md).
 */
export const markShareAsPrivateMessage = (activityId: string): Promise<void> => {
  const options = { isPrivateMessage: true, activityId, withShareTicket: true };
  return Taro.updateShareMenu(options as Taro.updateShareMenu.Option).then(() => undefined);
};
