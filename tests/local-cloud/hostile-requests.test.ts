/**
 * No request can take the local cloud down: the nastiest bodies, headers and connections we could
 * think of, each answered with a 4xx, and after each one `GET /_dev/health` still answers.
 */
import http from 'node:http';
import net from 'node:net';
import type { LocalCloud } from '@local-cloud/index';
import { MAX_JSON_DEPTH } from '@local-cloud/wire/limits';
import { encodeOpenApiRequest } from '@local-cloud/wire/openapi-protobuf';
import { startTestCloud } from './helpers';

jest.setTimeout(60_000);

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type ErrorBody = { error?: { code: string }; code?: string };

/** One request with node:http (any method, headers, body chunks), the answer read in full. */
function send(
  base: string,
  target: string,
  options: { method?: string; headers?: Record<string, string | number>; chunks?: (string | Buffer)[] } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: target,
        method: options.method ?? 'POST',
        headers: options.headers,
        agent: false,
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (chunk: Buffer) => parts.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(parts).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    // the server may answer (413) and close before the whole body is written
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    for (const chunk of options.chunks ?? []) request.write(chunk);
    request.end();
  });
}

/** Raw bytes over TCP (for what node:http refuses to send); resolves with the status line's code. */
function sendRaw(base: string, bytes: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const socket = net.connect(Number(url.port), url.hostname, () => socket.end(bytes));
    const parts: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => parts.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error);
    });
    socket.on('close', () => {
      const match = /^HTTP\/1\.1 (\d{3})/.exec(Buffer.concat(parts).toString('latin1'));
      resolve(match ? Number(match[1]) : 0);
    });
  });
}

function json(body: string): ErrorBody {
  return JSON.parse(body) as ErrorBody;
}

function nested(depth: number, open = '[', close = ']', inner = '1'): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

function nestedObject(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

describe('hostile requests', () => {
  let cloud: LocalCloud;
  const lines: string[] = [];

  beforeAll(async () => {
    cloud = await startTestCloud({ lines });
  });

  afterAll(() => cloud.stop());

  afterEach(async () => {
    const health = await fetch(`${cloud.url}/_dev/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { ok: boolean }).ok).toBe(true);
  });

  const gateway = (body: string | Buffer, headers: Record<string, string> = {}) =>
    send(cloud.url, '/functions/whoami', {
      headers: { 'content-type': 'application/json', ...headers },
      chunks: [body],
    });

  describe('JSON nesting', () => {
    it.each([
      ['6,000 nested arrays', nested(6000)],
      ['6,000 nested objects', nestedObject(6000)],
      ['100,000 opening brackets, never closed', '['.repeat(100_000)],
      ['one level over the limit', nested(MAX_JSON_DEPTH + 1)],
    ])('refuses %s on the gateway with 400 TOO_DEEP', async (_label, body) => {
      const response = await gateway(body);
      expect(response.status).toBe(400);
      expect(json(response.body).error?.code).toBe('TOO_DEEP');
    });

    it('still runs a function with an event nested as deep as the limit allows', async () => {
      const response = await gateway(`{"deep":${nested(MAX_JSON_DEPTH - 1)}}`);
      expect(response.status).toBe(200);
      let value = (JSON.parse(response.body) as { event: { deep: unknown } }).event.deep;
      let depth = 0;
      while (Array.isArray(value)) {
        value = value[0];
        depth += 1;
      }
      expect(depth).toBe(MAX_JSON_DEPTH - 1);
    });

    it('does not count brackets inside strings', async () => {
      const response = await gateway(JSON.stringify({ text: '['.repeat(10_000), quoted: '"\\[{' }));
      expect(response.status).toBe(200);
    });

    it('refuses deep bodies on /_dev and /admin, and deep EJSON inside an /admin body', async () => {
      const dev = await send(cloud.url, '/_dev/clock', { chunks: [nestedObject(6000)] });
      expect(dev.status).toBe(400);
      expect(json(dev.body).error?.code).toBe('TOO_DEEP');

      const admin = await send(cloud.url, '/admin', { chunks: [nestedObject(6000)] });
      expect(admin.status).toBe(400);
      expect(json(admin.body).code).toBe('TOO_DEEP');

      const ejson = await send(cloud.url, '/admin?env=local&seqId=1', {
        chunks: [
          JSON.stringify({
            action: 'database.insertDocument',
            collectionName: 'hostile',
            data: [nestedObject(6000)],
          }),
        ],
      });
      expect(ejson.status).toBe(400);
      expect(json(ejson.body).code).toBe('TOO_DEEP');

      const query = await send(cloud.url, '/admin', {
        chunks: [
          JSON.stringify({
            action: 'database.getDocument',
            collectionName: 'hostile',
            query: nested(6000, '{"$and":[', ']}', '{}'),
          }),
        ],
      });
      expect(query.status).toBe(400);

      const invoke = await send(cloud.url, '/admin', {
        chunks: [
          JSON.stringify({ action: 'functions.invokeFunction', function_name: 'whoami', request_data: nested(6000) }),
        ],
      });
      expect(invoke.status).toBe(400);
      expect(json(invoke.body).code).toBe('TOO_DEEP');
    });

    it('refuses a deep JSON part of a multipart /admin request (wx.wxPayApi JSON, wx.openApi protobuf)', async () => {
      const boundary = 'hostileBoundary';
      const part = (name: string, value: string | Buffer) =>
        Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
          Buffer.from(value),
          Buffer.from('\r\n'),
        ]);
      const multipart = (action: string, apiName: string, requestData: string | Buffer) =>
        send(cloud.url, '/admin', {
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          chunks: [
            Buffer.concat([
              part('action', action),
              part('apiName', apiName),
              part('requestData', requestData),
              Buffer.from(`--${boundary}--\r\n`),
            ]),
          ],
        });

      const pay = await multipart('wx.wxPayApi', 'unifiedOrder', nestedObject(6000));
      expect(pay.status).toBe(400);
      expect(json(pay.body).code).toBe('TOO_DEEP');

      const deepPair = encodeOpenApiRequest({ pairs: [{ key: 'data', value: Buffer.from(nested(6000)) }] });
      const openapi = await multipart('wx.openApi', 'subscribeMessage.send', deepPair);
      expect(openapi.status).toBe(400);
      expect(json(openapi.body).code).toBe('TOO_DEEP');

      const garbage = await multipart('wx.openApi', 'subscribeMessage.send', Buffer.from([0xff, 0xff, 0xff, 0x0f]));
      expect(garbage.status).toBe(400);
    });
  });

  describe('malformed bodies', () => {
    it.each([
      ['truncated JSON', '{"a":', 'INVALID_JSON'],
      ['a lone surrogate escape is still JSON, garbage is not', '{"a": nope}', 'INVALID_JSON'],
      ['NUL bytes', '\u0000\u0000', 'INVALID_JSON'],
    ])('answers %s with 400', async (_label, body, code) => {
      const response = await gateway(body);
      expect(response.status).toBe(400);
      expect(json(response.body).error?.code).toBe(code);
    });

    it('judges the body, not the content type: XML, form or binary bodies are refused with 400', async () => {
      for (const [contentType, body] of [
        ['application/xml', '<event><a>1</a></event>'],
        ['application/x-www-form-urlencoded', 'a=1&b=2'],
        ['application/octet-stream', Buffer.from([0x00, 0x9f, 0x92, 0x96])],
      ] as const) {
        const response = await gateway(body, { 'content-type': contentType });
        expect(response.status).toBe(400);
        const admin = await send(cloud.url, '/admin', { headers: { 'content-type': contentType }, chunks: [body] });
        expect(admin.status).toBe(400);
      }
    });

    it('refuses invalid UTF-8 on the gateway and /admin', async () => {
      const bytes = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
      const response = await gateway(bytes);
      expect(response.status).toBe(400);
      expect(json(response.body).error?.code).toBe('INVALID_UTF8');
      const admin = await send(cloud.url, '/admin', { chunks: [bytes] });
      expect(admin.status).toBe(400);
      expect(json(admin.body).code).toBe('INVALID_UTF8');
    });

    it('answers /admin bodies that are not an action with 400', async () => {
      for (const body of ['[]', '"text"', '42', 'null', '{"action":"database.nope"}', '{"action":{"$gt":1}}', '{}']) {
        const response = await send(cloud.url, '/admin', { chunks: [body] });
        expect(response.status).toBe(400);
      }
      // EJSON that is not even JSON never reaches the database
      const badEjson = await send(cloud.url, '/admin', {
        chunks: [JSON.stringify({ action: 'database.getDocument', collectionName: 'c', query: '{"a":{"$date":' })],
      });
      expect(badEjson.status).toBe(400);
      expect(json(badEjson.body).code).toBe('INVALID_JSON');
    });

    it.each([
      ['no boundary at all', 'multipart/form-data', 'garbage'],
      ['a boundary that never appears', 'multipart/form-data; boundary=zzz', 'garbage'],
      [
        'truncated after the headers',
        'multipart/form-data; boundary=b',
        '--b\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.wxPayApi',
      ],
      [
        'a part without a name',
        'multipart/form-data; boundary=b',
        '--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n',
      ],
      [
        'an unknown multipart action',
        'multipart/form-data; boundary=b',
        '--b\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.nope\r\n--b--\r\n',
      ],
    ])('answers a malformed multipart /admin body (%s) with 400', async (_label, contentType, body) => {
      const response = await send(cloud.url, '/admin', { headers: { 'content-type': contentType }, chunks: [body] });
      expect(response.status).toBe(400);
    });

    it('refuses a body over the limit: declared (413 before reading) and chunked (413 after draining)', async () => {
      // told 413 right after the headers, before the client sends the rest
      const declared = await sendRaw(
        cloud.url,
        Buffer.from(`POST /functions/whoami HTTP/1.1\r\nHost: x\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n{}`),
      );
      expect(declared).toBe(413);

      const chunked = await send(cloud.url, '/_dev/clock', {
        headers: { 'transfer-encoding': 'chunked' },
        chunks: ['{"advanceMs":0,"pad":"', 'x'.repeat(100 * 1024), 'x'.repeat(100 * 1024), '"}'],
      });
      expect(chunked.status).toBe(413);
      expect(json(chunked.body).error?.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('refuses a gateway body over 6 MB with 413', async () => {
      const response = await gateway(JSON.stringify({ blob: 'x'.repeat(7 * 1024 * 1024) }));
      expect(response.status).toBe(413);
    });
  });

  describe('names, methods and headers', () => {
    it.each([
      '..%2Fwhoami',
      '%00',
      'whoami%00',
      '%',
      '%E0%A4%A',
      'a'.repeat(5000),
      '.',
      '%2e%2e%2fwhoami',
      'who%0Aami',
    ])('answers the gateway function name %s with 404 FUNCTION_NOT_FOUND', async (name) => {
      const response = await send(cloud.url, `/functions/${name}`, { chunks: ['{}'] });
      expect(response.status).toBe(404);
      expect(json(response.body).error?.code).toBe('FUNCTION_NOT_FOUND');
    });

    it('resolves dot segments before routing, so ../ never reaches a function', async () => {
      for (const target of ['/functions/../whoami', '/functions/..', '/functions/x/../../whoami']) {
        const response = await send(cloud.url, target, { chunks: ['{}'] });
        expect(response.status).toBe(404);
      }
    });

    it.each([
      ['GET', '/functions/whoami', 405],
      ['PUT', '/functions/whoami', 405],
      ['GET', '/admin', 405],
      ['DELETE', '/admin', 405],
      ['DELETE', '/_dev/clock', 404],
      ['POST', '/_dev/health', 404],
      ['POST', '/_dev/nothing', 404],
      ['GET', '/_storage/upload', 405],
      ['POST', '/_storage/open', 405],
      ['DELETE', `/_storage/6c6f-local-1300000000/a.png`, 405],
      ['GET', '/nothing-here', 404],
    ])('answers %s %s with %i', async (method, target, status) => {
      const response = await send(cloud.url, target, {
        method,
        ...(method === 'GET' ? {} : { headers: { 'content-length': 2 }, chunks: ['{}'] }),
      });
      expect(response.status).toBe(status);
    });

    it('refuses an X-WX-OPENID with control or non-ASCII characters', async () => {
      for (const value of ['a\u0001b', 'dev\u007f', 'caf\u00e9', 'tab\there', 'x'.repeat(200)]) {
        const request = Buffer.concat([
          Buffer.from('POST /functions/whoami HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nX-WX-OPENID: '),
          Buffer.from(value, 'latin1'),
          Buffer.from('\r\nConnection: close\r\n\r\n{}'),
        ]);
        const status = await sendRaw(cloud.url, request);
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      }
    });

    it('answers huge headers, a garbage request line and an absurd target with 4xx', async () => {
      const huge = await sendRaw(
        cloud.url,
        Buffer.from(`GET /_dev/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`),
      );
      expect(huge).toBe(431);
      const garbage = await sendRaw(cloud.url, Buffer.from('\u0000\u0001\u0002 nonsense\r\n\r\n', 'latin1'));
      expect(garbage).toBe(400);
      const target = await sendRaw(
        cloud.url,
        Buffer.from('GET http://[::1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      );
      expect(target).toBeGreaterThanOrEqual(400);
      expect(target).toBeLessThan(500);
    });

    it('answers a CORS preflight from a foreign origin without granting it', async () => {
      const response = await send(cloud.url, '/functions/whoami', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example' },
      });
      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('connections', () => {
    it('survives clients that go away mid-body', async () => {
      for (const target of ['/functions/whoami', '/admin', '/_dev/clock', '/_storage/upload']) {
        await new Promise<void>((resolve) => {
          const url = new URL(cloud.url);
          const socket = net.connect(Number(url.port), url.hostname, () => {
            socket.write(
              `POST ${target} HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n{"a":`,
            );
            setImmediate(() => {
              socket.destroy();
              resolve();
            });
          });
          socket.on('error', () => resolve());
        });
      }
    });

    it('keeps serving others while a client sends its body slowly, then answers it', async () => {
      const url = new URL(cloud.url);
      const slow = http.request({
        host: url.hostname,
        port: url.port,
        path: '/functions/whoami',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', 'x-wx-openid': 'slow' },
        agent: false,
      });
      const answer = new Promise<RawResponse>((resolve, reject) => {
        slow.on('response', (response) => {
          const parts: Buffer[] = [];
          response.on('data', (chunk: Buffer) => parts.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(parts).toString(),
            }),
          );
        });
        slow.on('error', reject);
      });
      slow.write('{"slow"');
      // while that body is incomplete, other requests are answered
      for (let index = 0; index < 3; index += 1) {
        const health = await fetch(`${cloud.url}/_dev/health`);
        expect(health.status).toBe(200);
        const other = await fetch(`${cloud.url}/functions/whoami`, { method: 'POST', body: '{"fast":true}' });
        expect(other.status).toBe(200);
        slow.write(index === 0 ? ':' : ' ');
      }
      slow.end('true}');
      const response = await answer;
      expect(response.status).toBe(200);
      expect((JSON.parse(response.body) as { event: unknown }).event).toEqual({ slow: true });
    });
  });
});
