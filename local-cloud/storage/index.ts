/**
 * Cloud storage of the local cloud: files under `<dataDir>/storage/<cloudPath>`, `cloud://` file ids
 * as the cloud forms them, signed upload and temporary download URLs served by the local cloud
 * (`local-cloud/storage/http.ts`). The SDK actions (`storage.getUploadMetadata`,
 * `storage.batchGetDownloadUrl`, `storage.batchDeleteFile`) answer the shapes @cloudbase/node-sdk
 * 3.17.2 reads (`dist/storage/index.js`). See docs/local-cloud.md "Cloud storage".
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { BODY_LIMITS } from '@local-cloud/wire/limits';

/**
 * The bucket part of a file id. The cloud's is `<hex of the env id's first two characters>-<env id>-<number>`
 * (`cloud://test-28farb.7465-test-28farb-1258717525/a.png`); this is the same form for env `local`.
 */
export const LOCAL_BUCKET = '6c6f-local-1300000000';
/** Temporary URLs: the cloud's default and longest lifetime is one day. */
export const DEFAULT_TEMP_URL_SECONDS = 86_400;
export const MAX_TEMP_URL_SECONDS = 86_400;
/** The cloud answers at most 50 files per getTempFileURL. */
export const MAX_FILES_PER_REQUEST = 50;
/** How long an upload URL from getUploadMetadata stays valid (cloud time). */
export const UPLOAD_URL_SECONDS = 600;
/** An upload past the size limit is still read up to this many times the limit before the connection is cut. */
const DRAIN_FACTOR = 4;
/** COS object keys are at most 850 bytes. */
const MAX_CLOUD_PATH_BYTES = 850;
/**
 * Characters the cloud documents for cloudPath (letters incl. Chinese, digits, `/ ! - _ . *`), so
 * that a path never needs escaping in a URL and cannot smuggle `..`, `\`, `%`, `?`, `#` or control bytes.
 */
const CLOUD_PATH_SEGMENT = /^[\p{L}\p{N}!\-_.*]+$/u;

export class StorageError extends Error {
  constructor(
    /** a TCB code the SDK maps: INVALID_PARAM, STORAGE_FILE_NONEXIST, STORAGE_REQUEST_FAIL, ... */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export interface CloudStorageOptions {
  dataDir: string;
  envName: string;
  /** cloud time (ms): temporary URLs expire by it */
  now: () => number;
  /** http://127.0.0.1:PORT, known once the server listens */
  baseUrl: () => string;
}

export interface StoredFile {
  file: string;
  size: number;
}

/** Result of a signature check on an upload or download URL. */
export type UrlCheck = { ok: true } | { ok: false; reason: 'bad-signature' | 'expired' };

export class CloudStorage {
  readonly root: string;
  private readonly incoming: string;
  private readonly secret: Buffer;

  constructor(private readonly options: CloudStorageOptions) {
    this.root = path.resolve(options.dataDir, 'storage');
    this.incoming = path.resolve(options.dataDir, 'storage-incoming');
    fs.mkdirSync(this.root, { recursive: true });
    fs.mkdirSync(this.incoming, { recursive: true });
    this.secret = loadSecret(path.join(options.dataDir, 'storage.key'));
  }

  get bucket(): string {
    return LOCAL_BUCKET;
  }

  /** `cloud://<env>.<bucket>/<cloudPath>` */
  fileIdOf(cloudPath: string): string {
    return `cloud://${this.options.envName}.${LOCAL_BUCKET}/${cloudPath}`;
  }

  /** The cloudPath of one of this environment's file ids; throws StorageError otherwise. */
  cloudPathOf(fileID: unknown): string {
    if (typeof fileID !== 'string') throw new StorageError('INVALID_PARAM', 'fileID must be a string');
    const prefix = `cloud://${this.options.envName}.${LOCAL_BUCKET}/`;
    if (!fileID.startsWith(prefix)) {
      throw new StorageError('STORAGE_FILE_NONEXIST', `${fileID} is not a file of env ${this.options.envName}`);
    }
    return validCloudPath(fileID.slice(prefix.length));
  }

  /** The file on disk for a valid cloudPath, never outside the storage folder. */
  fileOf(cloudPath: string): string {
    const file = path.resolve(this.root, validCloudPath(cloudPath));
    if (!file.startsWith(this.root + path.sep)) throw new StorageError('INVALID_PARAM', 'cloudPath leaves the storage');
    return file;
  }

  stat(cloudPath: string): StoredFile | undefined {
    const file = this.fileOf(cloudPath);
    try {
      const stat = fs.statSync(file);
      return stat.isFile() ? { file, size: stat.size } : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Stores a file from a stream: written to a temporary file first and renamed into place, so a
   * reader never sees half a file and an aborted upload leaves nothing. Over `maxBytes` → StorageError
   * 'EntityTooLarge'.
   */
  async write(
    cloudPath: string,
    content: Readable | Buffer,
    maxBytes: number = BODY_LIMITS.storageFile,
  ): Promise<void> {
    const target = this.fileOf(cloudPath);
    const temporary = path.join(this.incoming, crypto.randomUUID());
    try {
      if (Buffer.isBuffer(content)) {
        if (content.length > maxBytes) throw tooLarge(maxBytes);
        fs.writeFileSync(temporary, content);
      } else {
        let size = 0;
        await pipeline(
          content,
          async function* limit(source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              size += chunk.length;
              // past the limit the rest is read and dropped, so the uploader gets its 413 cleanly;
              // far past it, the connection is cut
              if (size > maxBytes * DRAIN_FACTOR) throw tooLarge(maxBytes);
              if (size <= maxBytes) yield chunk;
            }
            if (size > maxBytes) throw tooLarge(maxBytes);
          },
          fs.createWriteStream(temporary),
        );
      }
      try {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw new Error('a folder has that name');
        fs.renameSync(temporary, target);
      } catch (error) {
        // on disk `a` cannot be a file and a folder (for `a/b`) at once; COS keys could
        throw new StorageError('STORAGE_REQUEST_FAIL', `cannot store ${cloudPath}: ${(error as Error).message}`);
      }
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }

  /** Deletes a file; false when there was none. Empty folders left behind are removed too. */
  delete(cloudPath: string): boolean {
    const file = this.fileOf(cloudPath);
    if (!this.stat(cloudPath)) return false;
    fs.rmSync(file);
    for (let dir = path.dirname(file); dir !== this.root && dir.startsWith(this.root); dir = path.dirname(dir)) {
      try {
        fs.rmdirSync(dir);
      } catch {
        break; // not empty
      }
    }
    return true;
  }

  /** URL path of a stored object (no query): `/_storage/<bucket>/<cloudPath>`, the path left unescaped. */
  objectPath(cloudPath: string): string {
    return `/_storage/${LOCAL_BUCKET}/${cloudPath}`;
  }

  /** A download URL valid for `maxAgeSeconds` of cloud time. The path is unescaped, as the cloud's are. */
  tempFileUrl(cloudPath: string, maxAgeSeconds: number, absolute = true): string {
    const expires = Math.floor(this.options.now() / 1000) + maxAgeSeconds;
    const query = `sign=${this.sign('get', cloudPath, expires)}&t=${expires}`;
    return `${absolute ? this.options.baseUrl() : ''}${this.objectPath(cloudPath)}?${query}`;
  }

  /** The authorization an upload (PUT) of `cloudPath` must carry. */
  uploadAuthorization(cloudPath: string): string {
    const expires = Math.floor(this.options.now() / 1000) + UPLOAD_URL_SECONDS;
    return `local-put;${expires};${this.sign('put', cloudPath, expires)}`;
  }

  checkDownload(cloudPath: string, sign: string | null, expires: string | null): UrlCheck {
    return this.check('get', cloudPath, sign, expires);
  }

  checkUpload(cloudPath: string, authorization: string | undefined): UrlCheck {
    const [scheme, expires, sign] = (authorization ?? '').split(';');
    if (scheme !== 'local-put') return { ok: false, reason: 'bad-signature' };
    return this.check('put', cloudPath, sign ?? null, expires ?? null);
  }

  // --- the SDK's actions (POST /admin) ---

  /** storage.getUploadMetadata `{path, method: 'put'}` → where and how to PUT the file. */
  uploadMetadata(request: Record<string, unknown>): Record<string, unknown> {
    const cloudPath = validCloudPath(request.path);
    const fileId = this.fileIdOf(cloudPath);
    return {
      url: `${this.options.baseUrl()}${encodeURI(this.objectPath(cloudPath))}`,
      token: '',
      authorization: this.uploadAuthorization(cloudPath),
      fileId,
      // sent back by the SDK as a header (x-cos-meta-fileid): ASCII only, like the cloud's opaque ids
      cosFileId: crypto.createHash('sha256').update(fileId).digest('base64url'),
      download_url: this.tempFileUrl(cloudPath, DEFAULT_TEMP_URL_SECONDS),
    };
  }

  /** storage.batchGetDownloadUrl `{file_list: [{fileid, max_age?}]}` → `{download_list}`, one answer per file. */
  downloadUrls(request: Record<string, unknown>): Record<string, unknown> {
    const list = request.file_list;
    if (!Array.isArray(list) || list.length === 0)
      throw new StorageError('INVALID_PARAM', 'file_list must be a non-empty array');
    if (list.length > MAX_FILES_PER_REQUEST) {
      throw new StorageError('INVALID_PARAM', `at most ${MAX_FILES_PER_REQUEST} files per request`);
    }
    const downloadList = list.map((item: unknown) => {
      const entry = (typeof item === 'object' && item !== null ? item : {}) as { fileid?: unknown; max_age?: unknown };
      const fileID = typeof entry.fileid === 'string' ? entry.fileid : '';
      const maxAge = tempUrlSeconds(entry.max_age);
      try {
        const cloudPath = this.cloudPathOf(fileID);
        if (!this.stat(cloudPath)) throw new StorageError('STORAGE_FILE_NONEXIST', 'storage file not exists');
        return { code: 'SUCCESS', fileID, tempFileURL: this.tempFileUrl(cloudPath, maxAge), maxAge };
      } catch (error) {
        return { ...fileFailure(fileID, error), tempFileURL: '', maxAge };
      }
    });
    return { download_list: downloadList };
  }

  /** storage.batchDeleteFile `{fileid_list}` → `{delete_list}`, one answer per file. */
  deleteFiles(request: Record<string, unknown>): Record<string, unknown> {
    const list = request.fileid_list;
    if (!Array.isArray(list) || list.length === 0) {
      throw new StorageError('INVALID_PARAM', 'fileid_list must be a non-empty array');
    }
    if (list.length > MAX_FILES_PER_REQUEST) {
      throw new StorageError('INVALID_PARAM', `at most ${MAX_FILES_PER_REQUEST} files per request`);
    }
    const deleteList = list.map((fileID: unknown) => {
      const id = typeof fileID === 'string' ? fileID : '';
      try {
        if (!this.delete(this.cloudPathOf(id)))
          throw new StorageError('STORAGE_FILE_NONEXIST', 'storage file not exists');
        return { code: 'SUCCESS', fileID: id };
      } catch (error) {
        return fileFailure(id, error);
      }
    });
    return { delete_list: deleteList };
  }

  private sign(operation: 'get' | 'put', cloudPath: string, expires: number): string {
    return crypto.createHmac('sha256', this.secret).update(`${operation}\n${cloudPath}\n${expires}`).digest('hex');
  }

  private check(operation: 'get' | 'put', cloudPath: string, sign: string | null, expires: string | null): UrlCheck {
    if (!sign || !expires || !/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(sign)) {
      return { ok: false, reason: 'bad-signature' };
    }
    const expected = Buffer.from(this.sign(operation, cloudPath, Number(expires)), 'hex');
    if (!crypto.timingSafeEqual(expected, Buffer.from(sign, 'hex'))) return { ok: false, reason: 'bad-signature' };
    if (this.options.now() > Number(expires) * 1000) return { ok: false, reason: 'expired' };
    return { ok: true };
  }
}

/** A cloudPath the storage accepts, or StorageError INVALID_PARAM saying why not. */
export function validCloudPath(value: unknown): string {
  if (typeof value !== 'string' || value === '')
    throw new StorageError('INVALID_PARAM', 'cloudPath must be a non-empty string');
  if (Buffer.byteLength(value) > MAX_CLOUD_PATH_BYTES) {
    throw new StorageError('INVALID_PARAM', `cloudPath is longer than ${MAX_CLOUD_PATH_BYTES} bytes`);
  }
  if (value.startsWith('/')) throw new StorageError('INVALID_PARAM', 'cloudPath must be relative (no leading /)');
  for (const segment of value.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') {
      throw new StorageError('INVALID_PARAM', `cloudPath ${JSON.stringify(value)} has an empty, "." or ".." segment`);
    }
    if (!CLOUD_PATH_SEGMENT.test(segment)) {
      throw new StorageError(
        'INVALID_PARAM',
        `cloudPath ${JSON.stringify(value)} may contain only letters, digits, Chinese and / ! - _ . *`,
      );
    }
  }
  return value;
}

function tempUrlSeconds(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return DEFAULT_TEMP_URL_SECONDS;
  return Math.min(Math.floor(value) || 1, MAX_TEMP_URL_SECONDS);
}

function fileFailure(fileID: string, error: unknown): { code: string; fileID: string; message: string } {
  if (error instanceof StorageError) return { code: error.code, fileID, message: error.message };
  return { code: 'STORAGE_REQUEST_FAIL', fileID, message: (error as Error).message };
}

function tooLarge(maxBytes: number): StorageError {
  return new StorageError('EntityTooLarge', `the file is larger than ${maxBytes} bytes`);
}

/** The signing key, made once per data folder so URLs handed out survive a restart. */
function loadSecret(file: string): Buffer {
  try {
    const existing = fs.readFileSync(file);
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = crypto.randomBytes(32);
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
