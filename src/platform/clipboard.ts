import Taro from '@tarojs/taro';

/** weapp: wx.setClipboardData (WeChat shows its own 「内容已复制」 toast). true when copied. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text });
    return true;
  } catch {
    return false;
  }
}
