import Taro from '@tarojs/taro';

/** What wx.chooseAddress gives (declared in app.config requiredPrivateInfos). */
export interface ChosenAddress {
  userName: string;
  telNumber: string;
  provinceName: string;
  cityName: string;
  countyName: string;
  detailInfo: string;
  postalCode: string;
}

/** WeChat's address picker. undefined when the user cancels; callers always offer a manual form too. */
export async function chooseWechatAddress(): Promise<ChosenAddress | undefined> {
  try {
    const picked = await Taro.chooseAddress();
    return {
      userName: picked.userName,
      telNumber: picked.telNumber,
      provinceName: picked.provinceName,
      cityName: picked.cityName,
      countyName: picked.countyName,
      detailInfo: picked.detailInfo,
      postalCode: picked.postalCode,
    };
  } catch {
    return undefined;
  }
}
