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

/** A yes/no question (e.g. 取消订单?). Resolves true for the confirm button. */
export async function confirmAction(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const answer = await Taro.showModal({ title, content, confirmText, cancelText: '再想想', confirmColor: '#e4393c' });
    return answer.confirm;
  } catch {
    return false;
  }
}

export const showLoading = (title = '请稍候'): void => {
  void Taro.showLoading({ title, mask: true });
};

export const hideLoading = (): void => {
  Taro.hideLoading();
};
