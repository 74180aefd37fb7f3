import Taro from '@tarojs/taro';
import type { Address } from '@domain/address';
import { validateAddress } from '@domain/address';
import { readStored, writeStored } from './storage';

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

/** WeChat's address book exists only inside WeChat; H5 offers the form alone. */
export const canChooseWechatAddress = (): boolean => process.env.TARO_ENV === 'weapp';

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

const LAST_ADDRESS_KEY = 'giftshop.lastAddress';

/** The address of the last order, so the next confirm page starts filled in. */
export function lastUsedAddress(): Address | undefined {
  const stored = readStored<unknown>(LAST_ADDRESS_KEY);
  if (stored === undefined) return undefined;
  // Storage is the user's device: only give back what still passes the rules.
  const checked = validateAddress(stored);
  return checked.ok ? checked.data : undefined;
}

export function rememberAddress(address: Address): void {
  try {
    writeStored(LAST_ADDRESS_KEY, address);
  } catch {
    // Storage full or unavailable: the next order asks for the address again, nothing else breaks.
  }
}
