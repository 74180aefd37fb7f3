/**
 * Cloud storage for pages (product images, review photos): upload a local file, get a `cloud://`
 * file id to store, and turn a file id into an <Image> src. weapp: `cloudFile.ts`, H5: `cloudFile.h5.ts`.
 */
export interface CloudFileUpload {
  /** where the file goes, e.g. `reviews/<orderId>/1.jpg`: letters, digits, Chinese and / ! - _ . * only */
  cloudPath: string;
  /** the local file, as Taro.chooseImage hands it out (weapp temp path, H5 blob: URL) */
  filePath: string;
}

export type CloudFileUploadOutcome = { ok: true; fileID: string } | { ok: false; detail: string };

export type UploadCloudFile = (upload: CloudFileUpload) => Promise<CloudFileUploadOutcome>;

/** An <Image src> for a `cloud://` file id; other URLs are returned unchanged. */
export type CloudFileSrc = (fileID: string) => string;
