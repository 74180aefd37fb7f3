/**
 * Cloud storage through the unmodified wx-server-sdk (fixture function `files`) and the H5 upload
 * endpoint: upload, temporary URLs (served and expired by the local cloud), download, delete, path
 * safety and size limits. Also: an unknown function called through the SDK is FUNCTION_NOT_FOUND.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LocalCloud } from '@local-cloud/index';
import { LOCAL_BUCKET } from '@local-cloud/storage';
import { BODY_LIMITS } from '@local-cloud/wire/limits';
import { startTestCloud, tempDataDir } from './helpers';

jest.setTimeout(60_000);

type SdkOutcome<T> = { ok: true; value: T } | { ok: false; errCode: number; errMsg: string; code?: string };
type TempUrl = { fileID: string; tempFileURL: string; status: number; errMsg: string; maxAge: number };
type FileStatus = { fileID: string; status: number; errMsg: string };

const FILE_ID_PREFIX = `cloud://local.${LOCAL_BUCKET}/`;

describe('cloud storage', () => {
  let cloud: LocalCloud;
  const dataDir = tempDataDir('storage');
  const storageDir = path.join(dataDir, 'storage');

  beforeAll(async () => {
    cloud = await startTestCloud({ dataDir });
  });

  afterAll(() => cloud.stop());

  const files = <T>(event: Record<string, unknown>) =>
    cloud.call('files', event, 'o-storage-user') as Promise<SdkOutcome<T>>;

  async function upload(cloudPath: string, bytes: Buffer): Promise<string> {
    const result = await files<{ fileID: string; errMsg: string }>({
      op: 'upload',
      cloudPath,
      base64: bytes.toString('base64'),
    });
    if (!result.ok) throw new Error(`upload failed: ${result.errMsg}`);
    expect(result.value.errMsg).toBe('uploadFile:ok');
    return result.value.fileID;
  }

  async function tempUrls(fileList: unknown[]): Promise<TempUrl[]> {
    const result = await files<{ fileList: TempUrl[] }>({ op: 'tempUrl', fileList });
    if (!result.ok) throw new Error(`getTempFileURL failed: ${result.errMsg}`);
    return result.value.fileList;
  }

  describe('through wx-server-sdk', () => {
    it('uploads to <dataDir>/storage/<cloudPath> and answers a cloud:// file id', async () => {
      const bytes = crypto.randomBytes(4096);
      const fileID = await upload('reviews/o-1/照片-1.png', bytes);
      expect(fileID).toBe(`${FILE_ID_PREFIX}reviews/o-1/照片-1.png`);
      expect(fs.readFileSync(path.join(storageDir, 'reviews', 'o-1', '照片-1.png')).equals(bytes)).toBe(true);
    });

    it('hands out temporary URLs the local cloud serves with the same bytes', async () => {
      const bytes = crypto.randomBytes(10_000);
      const fileID = await upload('products/p-1/main.png', bytes);
      const [plain, withAge] = await tempUrls([fileID, { fileID, maxAge: 120 }]);
      expect(plain).toMatchObject({ fileID, status: 0, errMsg: 'ok', maxAge: 86_400 });
      expect(withAge).toMatchObject({ fileID, status: 0, maxAge: 120 });
      const response = await fetch(plain?.tempFileURL ?? '');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    });

    it('downloads the same bytes', async () => {
      const bytes = crypto.randomBytes(2048);
      const fileID = await upload('downloads/a.bin', bytes);
      const result = await files<{ base64: string; statusCode: number; errMsg: string }>({ op: 'download', fileID });
      expect(result).toMatchObject({ ok: true, value: { statusCode: 200, errMsg: 'downloadFile:ok' } });
      expect(result.ok && Buffer.from(result.value.base64, 'base64').equals(bytes)).toBe(true);
    });

    it('answers per file: a missing file or a foreign env is STORAGE_FILE_NONEXIST (-503003)', async () => {
      const fileID = await upload('mixed/here.txt', Buffer.from('here'));
      const list = await tempUrls([fileID, `${FILE_ID_PREFIX}mixed/missing.txt`, 'cloud://other-env.bucket/x.txt']);
      expect(list.map((item) => item.status)).toEqual([0, -503003, -503003]);
      expect(list[1]?.tempFileURL).toBe('');
      const download = await files({ op: 'download', fileID: `${FILE_ID_PREFIX}mixed/missing.txt` });
      expect(download).toMatchObject({ ok: false, errMsg: expect.stringMatching(/^downloadFile:fail/) });
    });

    it('deletes files, answering per file, and they are gone', async () => {
      const fileID = await upload('trash/old.png', Buffer.from('old'));
      const [before] = await tempUrls([fileID]);
      const result = await files<{ fileList: FileStatus[] }>({
        op: 'delete',
        fileList: [fileID, `${FILE_ID_PREFIX}trash/never.png`],
      });
      expect(result.ok && result.value.fileList).toEqual([
        { fileID, status: 0, errMsg: 'ok' },
        { fileID: `${FILE_ID_PREFIX}trash/never.png`, status: -503003, errMsg: 'storage file not exists' },
      ]);
      expect(fs.existsSync(path.join(storageDir, 'trash'))).toBe(false);
      expect((await tempUrls([fileID]))[0]?.status).toBe(-503003);
      expect((await fetch(before?.tempFileURL ?? '')).status).toBe(404);
    });

    it('refuses an expired or tampered temporary URL (expiry by cloud time)', async () => {
      const fileID = await upload('expiring/x.txt', Buffer.from('soon gone'));
      const [item] = await tempUrls([{ fileID, maxAge: 60 }]);
      const url = item?.tempFileURL ?? '';
      expect((await fetch(url)).status).toBe(200);
      const tampered = url.replace(/sign=([0-9a-f])/, (_match, first: string) => `sign=${first === '0' ? '1' : '0'}`);
      expect((await fetch(tampered)).status).toBe(403);
      const longer = url.replace(/t=(\d+)/, (_match, t: string) => `t=${Number(t) + 3600}`);
      expect((await fetch(longer)).status).toBe(403);
      await cloud.clock.advance(61_000);
      const expired = await fetch(url);
      expect(expired.status).toBe(403);
      expect(await expired.text()).toMatch(/<Code>AccessDenied<\/Code>[\s\S]*Request has expired/);
    });

    it.each([
      '../escape.png',
      '/absolute.png',
      'a/../../escape.png',
      'a/./b.png',
      'a//b.png',
      'back\\slash.png',
      'nul\u0000.png',
      'q?.png',
      'pct%2e.png',
      '',
    ])('refuses the cloudPath %j (INVALID_PARAM) and writes nothing', async (cloudPath) => {
      const result = await files({ op: 'upload', cloudPath, base64: Buffer.from('x').toString('base64') });
      expect(result).toMatchObject({
        ok: false,
        code: 'INVALID_PARAM',
        errMsg: expect.stringMatching(/^uploadFile:fail /),
      });
      expect(fs.existsSync(path.join(dataDir, 'escape.png'))).toBe(false);
      expect(fs.existsSync(path.join(path.dirname(dataDir), 'escape.png'))).toBe(false);
    });

    it('refuses a file over the size limit and stores nothing', async () => {
      const result = await files({
        op: 'upload',
        cloudPath: 'big/too-large.bin',
        base64: Buffer.alloc(BODY_LIMITS.storageFile + 1).toString('base64'),
      });
      // COS's answer, read by node-sdk: STORAGE_REQUEST_FAIL "[EntityTooLarge]: ..."
      expect(result).toMatchObject({ ok: false, errMsg: expect.stringMatching(/^uploadFile:fail \[EntityTooLarge\]/) });
      expect(fs.existsSync(path.join(storageDir, 'big', 'too-large.bin'))).toBe(false);
      expect(fs.readdirSync(path.join(dataDir, 'storage-incoming'))).toEqual([]);
    });

    it('answers FUNCTION_NOT_FOUND for an unknown function called through the SDK', async () => {
      const result = await files({ op: 'callUnknown', name: 'nope' });
      expect(result).toMatchObject({
        ok: false,
        code: 'FUNCTION_NOT_FOUND',
        errMsg: expect.stringMatching(/^callFunction:fail FunctionName parameter could not be found\./),
      });
    });
  });

  describe('H5 upload endpoint POST /_storage/upload', () => {
    function form(cloudPath: string | undefined, bytes: Buffer | undefined): FormData {
      const body = new FormData();
      if (cloudPath !== undefined) body.append('cloudPath', cloudPath);
      if (bytes !== undefined)
        body.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'photo.png');
      return body;
    }

    const post = (body: FormData | string, headers: Record<string, string> = {}) =>
      fetch(`${cloud.url}/_storage/upload`, {
        method: 'POST',
        body,
        headers: { 'x-wx-openid': 'dev-giver', ...headers },
      });

    it('stores the file as the user and answers { fileID }, which the SDK and /_storage/open then read', async () => {
      const bytes = crypto.randomBytes(5000);
      const response = await post(form('reviews/h5/photo.png', bytes));
      expect(response.status).toBe(200);
      const { fileID } = (await response.json()) as { fileID: string };
      expect(fileID).toBe(`${FILE_ID_PREFIX}reviews/h5/photo.png`);

      const [item] = await tempUrls([fileID]);
      expect(item?.status).toBe(0);

      const opened = await fetch(`${cloud.url}/_storage/open?fileID=${encodeURIComponent(fileID)}`, {
        redirect: 'manual',
      });
      expect(opened.status).toBe(302);
      const followed = await fetch(new URL(opened.headers.get('location') ?? '', cloud.url));
      expect(Buffer.from(await followed.arrayBuffer()).equals(bytes)).toBe(true);
    });

    it('answers 4xx for a bad upload and keeps nothing', async () => {
      const missingFile = await post(form('reviews/h5/nofile.png', undefined));
      expect(missingFile.status).toBe(400);
      const escape = await post(form('../escape.png', Buffer.from('x')));
      expect(escape.status).toBe(400);
      expect(((await escape.json()) as { error: { code: string } }).error.code).toBe('INVALID_PARAM');
      const notMultipart = await post('{"cloudPath":"a.png"}', { 'content-type': 'application/json' });
      expect(notMultipart.status).toBe(415);
      const badUser = await fetch(`${cloud.url}/_storage/upload`, {
        method: 'POST',
        body: form('reviews/h5/user.png', Buffer.from('x')),
        headers: { 'x-wx-openid': 'caf\u00e9' },
      });
      expect(badUser.status).toBe(400);
      const tooLarge = await post(form('reviews/h5/large.png', Buffer.alloc(BODY_LIMITS.storageFile + 1)));
      expect(tooLarge.status).toBe(413);
      const unknown = await fetch(
        `${cloud.url}/_storage/open?fileID=${encodeURIComponent(`${FILE_ID_PREFIX}nope.png`)}`,
        {
          redirect: 'manual',
        },
      );
      expect(unknown.status).toBe(404);
      expect(fs.existsSync(path.join(storageDir, 'reviews', 'h5', 'large.png'))).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'escape.png'))).toBe(false);
    });
  });

  describe('across a restart', () => {
    it('keeps the files and honours temporary URLs handed out before it', async () => {
      const restartDir = tempDataDir('storage-restart');
      const bytes = crypto.randomBytes(1500);
      const first = await startTestCloud({ dataDir: restartDir });
      let pathAndQuery: string;
      let fileID: string;
      try {
        const uploaded = (await first.call(
          'files',
          { op: 'upload', cloudPath: 'kept/a.png', base64: bytes.toString('base64') },
          'u',
        )) as SdkOutcome<{ fileID: string }>;
        if (!uploaded.ok) throw new Error(uploaded.errMsg);
        fileID = uploaded.value.fileID;
        const urls = (await first.call('files', { op: 'tempUrl', fileList: [fileID] }, 'u')) as SdkOutcome<{
          fileList: TempUrl[];
        }>;
        if (!urls.ok) throw new Error(urls.errMsg);
        const url = new URL(urls.value.fileList[0]?.tempFileURL ?? '');
        pathAndQuery = `${url.pathname}${url.search}`;
      } finally {
        await first.stop();
      }
      const second = await startTestCloud({ dataDir: restartDir });
      try {
        const again = await fetch(`${second.url}${pathAndQuery}`);
        expect(again.status).toBe(200);
        expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);
        const downloaded = (await second.call('files', { op: 'download', fileID }, 'u')) as SdkOutcome<{
          base64: string;
        }>;
        expect(downloaded.ok && Buffer.from(downloaded.value.base64, 'base64').equals(bytes)).toBe(true);
      } finally {
        await second.stop();
      }
    });
  });
});
