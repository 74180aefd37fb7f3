import Taro from '@tarojs/taro';

/**
 * Pictures from the album or the camera, as local paths for uploadCloudFile (weapp temp paths, H5 blob:
 * URLs; Taro's chooseImage covers both). [] when the person cancels.
 */
export async function pickImages(count: number): Promise<string[]> {
  if (count <= 0) return [];
  try {
    const { tempFilePaths } = await Taro.chooseImage({
      count,
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    });
    return tempFilePaths;
  } catch {
    return [];
  }
}
