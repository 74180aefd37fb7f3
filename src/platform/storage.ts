import Taro from '@tarojs/taro';

/** Synchronous key/value storage (wx.setStorageSync / localStorage on H5). Values are JSON. */
export function readStored<T>(key: string): T | undefined {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return value === '' || value === undefined || value === null ? undefined : (value as T);
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): void {
  Taro.setStorageSync(key, value);
}

export function removeStored(key: string): void {
  Taro.removeStorageSync(key);
}
