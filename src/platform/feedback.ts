import Taro from '@tarojs/taro';

/** Short message at the centre of the screen; Chinese text from the page (error messages included). */
export const showToast = (title: string, kind: 'none' | 'success' | 'error' = 'none'): void => {
  void Taro.showToast({ title, icon: kind, duration: 2000 });
};

export const stopPullDownRefresh = (): void => {
  Taro.stopPullDownRefresh();
};

export const previewImages = (urls: string[], current: string): void => {
  void Taro.previewImage({ urls, current });
};
