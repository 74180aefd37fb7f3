import Taro from '@tarojs/taro';
import type { CloudFileSrc, UploadCloudFile } from './cloudFileTypes';

export type { CloudFileUpload, CloudFileUploadOutcome } from './cloudFileTypes';

/** weapp: wx.cloud.uploadFile into the environment's storage; failures come back as a value. */
export const uploadCloudFile: UploadCloudFile = async ({ cloudPath, filePath }) => {
  try {
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath });
    return { ok: true, fileID };
  } catch (error) {
    const detail = error instanceof Object && 'errMsg' in error ? String(error.errMsg) : String(error);
    return { ok: false, detail };
  }
};

/** weapp: <Image> shows `cloud://` file ids itself. */
export const cloudFileSrc: CloudFileSrc = (fileID) => fileID;
