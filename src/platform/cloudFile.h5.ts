import type { CloudFileSrc, UploadCloudFile } from './cloudFileTypes';
import { currentDevOpenid } from './devUser.h5';

export type { CloudFileUpload, CloudFileUploadOutcome } from './cloudFileTypes';

/**
 * H5: the local cloud's `POST /_storage/upload` (multipart `cloudPath` + `file`, the dev user in
 * X-WX-OPENID) on the same origin, answering `{ fileID }` or `{ error: { code, message } }`.
 */
export const uploadCloudFile: UploadCloudFile = async ({ cloudPath, filePath }) => {
  try {
    const file = await (await fetch(filePath)).blob();
    const form = new FormData();
    form.append('cloudPath', cloudPath);
    form.append('file', file, cloudPath.slice(cloudPath.lastIndexOf('/') + 1));
    const response = await fetch('/_storage/upload', {
      method: 'POST',
      headers: { 'X-WX-OPENID': currentDevOpenid() },
      body: form,
    });
    const body: unknown = await response.json();
    const fileID = typeof body === 'object' && body !== null ? (body as { fileID?: unknown }).fileID : undefined;
    if (response.ok && typeof fileID === 'string') return { ok: true, fileID };
    return { ok: false, detail: `HTTP ${response.status}: ${JSON.stringify(body)}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
};

/** H5: a `cloud://` id becomes the local cloud's redirect to a fresh temporary URL. */
export const cloudFileSrc: CloudFileSrc = (fileID) =>
  fileID.startsWith('cloud://') ? `/_storage/open?fileID=${encodeURIComponent(fileID)}` : fileID;
