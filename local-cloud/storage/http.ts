/**
 * HTTP side of the local cloud storage (`/_storage/…`):
 * - `PUT /_storage/<bucket>/<cloudPath>`: the SDK's upload (the URL and `authorization` come from
 *   storage.getUploadMetadata), answered like COS: 200 with an empty body, or an XML `<Error>`.
 * - `GET|HEAD /_storage/<bucket>/<cloudPath>?sign=…&t=…`: a temporary URL; refused (403) once expired
 *   by cloud time or when the signature does not match.
 * - `GET /_storage/open?fileID=cloud://…`: 302 to a fresh temporary URL; what the H5 build puts in
 *   `<Image src>` where the mini program shows a `cloud://` id directly.
 * - `POST /_storage/upload` (multipart: `cloudPath`, `file`; X-WX-OPENID): the H5 build's
 *   `Taro.cloud.uploadFile`; answers `{ fileID }`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf } from '@local-cloud/static';
import { decodePathSegment, openidFromHeader, readBody } from '@local-cloud/wire/body';
import { BODY_LIMITS, RequestRejected } from '@local-cloud/wire/limits';
import { MultipartError, parseMultipartParts } from '@local-cloud/wire/multipart';
import { StorageError, type CloudStorage } from './index';

/** Room for the multipart framing and the cloudPath part around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** How long the URL behind /_storage/open stays valid. */
const OPEN_URL_SECONDS = 600;

export async function handleStorageRequest(
  storage: CloudStorage,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  anonymousOpenid: string,
  log: (line: string) => void,
): Promise<void> {
  const method = request.method ?? 'GET';
  const { pathname } = url;

  if (pathname === '/_storage/upload') {
    if (method !== 'POST') throw new RequestRejected(405, 'METHOD_NOT_ALLOWED', 'POST /_storage/upload');
    await browserUpload(storage, request, response, anonymousOpenid, log);
    return;
  }
  if (pathname === '/_storage/open') {
    if (method !== 'GET' && method !== 'HEAD')
      throw new RequestRejected(405, 'METHOD_NOT_ALLOWED', 'GET /_storage/open');
    const cloudPath = knownCloudPath(storage, url.searchParams.get('fileID'));
    if (!storage.stat(cloudPath)) throw new RequestRejected(404, 'STORAGE_FILE_NONEXIST', 'storage file not exists');
    response.writeHead(302, {
      location: storage.tempFileUrl(cloudPath, OPEN_URL_SECONDS, false),
      'cache-control': 'no-store',
    });
    response.end();
    return;
  }

  const objectPrefix = `/_storage/${storage.bucket}/`;
  if (!pathname.startsWith(objectPrefix)) throw new RequestRejected(404, 'NOT_FOUND', `${method} ${pathname}`);
  const decoded = decodePathSegment(pathname.slice(objectPrefix.length));
  let cloudPath: string;
  try {
    storage.fileOf(decoded ?? '');
    cloudPath = decoded ?? '';
  } catch (error) {
    cosError(response, 400, 'InvalidURI', messageOf(error), pathname);
    return;
  }

  if (method === 'PUT') {
    await sdkUpload(storage, request, response, cloudPath);
    return;
  }
  if (method === 'GET' || method === 'HEAD') {
    const check = storage.checkDownload(cloudPath, url.searchParams.get('sign'), url.searchParams.get('t'));
    if (!check.ok) {
      const message = check.reason === 'expired' ? 'Request has expired' : 'The signature does not match';
      cosError(response, 403, 'AccessDenied', message, pathname);
      return;
    }
    const stored = storage.stat(cloudPath);
    if (!stored) {
      cosError(response, 404, 'NoSuchKey', 'The specified key does not exist.', pathname);
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypeOf(stored.file),
      'content-length': stored.size,
      'cache-control': 'private, max-age=0',
    });
    if (method === 'HEAD') {
      response.end();
      return;
    }
    fs.createReadStream(stored.file)
      .on('error', () => response.destroy())
      .pipe(response);
    return;
  }
  cosError(response, 405, 'MethodNotAllowed', `${method} is not allowed on an object`, pathname);
}

/** The SDK's PUT to the URL from getUploadMetadata: streamed to disk, answered like COS. */
async function sdkUpload(
  storage: CloudStorage,
  request: IncomingMessage,
  response: ServerResponse,
  cloudPath: string,
): Promise<void> {
  const resource = storage.objectPath(cloudPath);
  const header = request.headers.authorization;
  const check = storage.checkUpload(cloudPath, Array.isArray(header) ? header[0] : header);
  if (!check.ok) {
    request.resume();
    if (check.reason === 'expired') cosError(response, 403, 'AccessDenied', 'Request has expired', resource);
    else cosError(response, 403, 'SignatureDoesNotMatch', 'The signature does not match', resource);
    return;
  }
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > BODY_LIMITS.storageFile) {
    request.resume();
    response.setHeader('connection', 'close');
    cosError(response, 413, 'EntityTooLarge', `the file is larger than ${BODY_LIMITS.storageFile} bytes`, resource);
    return;
  }
  try {
    await storage.write(cloudPath, request);
  } catch (error) {
    if (response.destroyed) return;
    if (error instanceof StorageError && error.code === 'EntityTooLarge') {
      response.setHeader('connection', 'close');
      cosError(response, 413, 'EntityTooLarge', error.message, resource);
    } else cosError(response, 400, 'InvalidRequest', messageOf(error), resource);
    return;
  }
  response.writeHead(200, { 'content-length': 0, etag: `"${crypto.randomUUID()}"` });
  response.end();
}

/** The H5 build's upload: multipart `cloudPath` + `file`, answered `{ fileID }` or `{ error: { code, message } }`. */
async function browserUpload(
  storage: CloudStorage,
  request: IncomingMessage,
  response: ServerResponse,
  anonymousOpenid: string,
  log: (line: string) => void,
): Promise<void> {
  const openid = openidFromHeader(request, anonymousOpenid);
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    throw new RequestRejected(415, 'UNSUPPORTED_MEDIA_TYPE', 'POST /_storage/upload takes multipart/form-data');
  }
  const body = await readBody(request, BODY_LIMITS.storageFile + MULTIPART_OVERHEAD_BYTES);
  let parts: ReturnType<typeof parseMultipartParts>;
  try {
    parts = parseMultipartParts(body, contentType);
  } catch (error) {
    if (error instanceof MultipartError) throw new RequestRejected(400, 'INVALID_MULTIPART', error.message);
    throw error;
  }
  const cloudPathPart = parts.find((part) => part.name === 'cloudPath');
  const filePart = parts.find((part) => part.name === 'file');
  if (!cloudPathPart || !filePart) {
    throw new RequestRejected(400, 'INVALID_PARAM', 'multipart parts "cloudPath" and "file" are required');
  }
  let fileID: string;
  try {
    const cloudPath = cloudPathPart.value.toString('utf8');
    await storage.write(cloudPath, filePart.value);
    fileID = storage.fileIdOf(cloudPath);
  } catch (error) {
    if (error instanceof StorageError) {
      const status = error.code === 'EntityTooLarge' ? 413 : 400;
      throw new RequestRejected(
        status,
        error.code === 'EntityTooLarge' ? 'PAYLOAD_TOO_LARGE' : error.code,
        error.message,
      );
    }
    throw error;
  }
  log(`[storage] ${openid} uploaded ${fileID} (${filePart.value.length} bytes)`);
  const reply = Buffer.from(JSON.stringify({ fileID }));
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': reply.length });
  response.end(reply);
}

function knownCloudPath(storage: CloudStorage, fileID: string | null): string {
  try {
    return storage.cloudPathOf(fileID);
  } catch (error) {
    throw new RequestRejected(404, 'STORAGE_FILE_NONEXIST', messageOf(error));
  }
}

/** A COS-style XML error; node-sdk's uploadFile reads Code, Message, RequestId and TraceId from it. */
function cosError(response: ServerResponse, status: number, code: string, message: string, resource: string): void {
  const requestId = crypto.randomUUID();
  const body = Buffer.from(
    "<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n" +
      `<Code>${xmlEscape(code)}</Code>\n<Message>${xmlEscape(message)}</Message>\n` +
      `<Resource>${xmlEscape(resource)}</Resource>\n<RequestId>${requestId}</RequestId>\n<TraceId>${requestId}</TraceId>\n</Error>`,
  );
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/xml', 'content-length': body.length });
  response.end(body);
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
