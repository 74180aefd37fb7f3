/**
 * The local cloud's HTTP server (node:http, never compressed, keep-alive longer than the SDK's 5 s idle
 * sockets). Routes are documented in docs/local-cloud.md.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { handleAdmin, type AdminDependencies } from './admin';
import { ANONYMOUS_OPENID, DEV_USERS } from './dev-users';
import { FunctionInvocationError, type FunctionRegistry, type FunctionRuntime } from './runtime';
import { serveStatic, type StaticMount } from './static';

export interface DevPay {
  pay(outTradeNo: string, result: 'SUCCESS' | 'FAIL'): Promise<unknown>;
  ledger(): unknown;
}
export interface DevMessages {
  sentMessages(): unknown[];
}

export interface ServerDependencies extends AdminDependencies {
  registry: FunctionRegistry;
  runtime: FunctionRuntime;
  clock: { now(): number; advance(ms: number): Promise<void> };
  devPay: DevPay;
  devMessages: DevMessages;
  staticMounts: StaticMount[];
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const KEEP_ALIVE_MS = 65_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function createCloudServer(deps: ServerDependencies): http.Server {
  const server = http.createServer((request, response) => {
    route(deps, request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const code = error instanceof HttpError ? error.code : 'INTERNAL_ERROR';
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500) deps.log(`[http] ${request.method} ${request.url} failed: ${message}`);
      if (!response.headersSent) sendJson(response, status, { error: { code, message } });
      else response.destroy();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  return server;
}

async function route(deps: ServerDependencies, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const { pathname } = url;
  const method = request.method ?? 'GET';

  if (pathname === '/admin') {
    if (method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'POST /admin');
    const body = await readBody(request);
    const reply = await handleAdmin(deps, body, request.headers['content-type'] ?? '', url.searchParams);
    response.writeHead(200, { 'content-type': reply.contentType, 'content-length': reply.body.length });
    response.end(reply.body);
    return;
  }

  if (pathname.startsWith('/functions/') || pathname.startsWith('/_dev/')) {
    allowLocalOrigin(request, response);
    if (method === 'OPTIONS') {
      response.writeHead(204);
      response.end();
      return;
    }
  }

  if (pathname.startsWith('/functions/')) {
    if (method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', `POST ${pathname}`);
    await gateway(deps, decodeURIComponent(pathname.slice('/functions/'.length)), request, response);
    return;
  }

  if (pathname.startsWith('/_dev/')) {
    await devRoute(deps, pathname, method, request, response);
    return;
  }

  if (serveStatic(request, response, pathname, deps.staticMounts)) return;
  throw new HttpError(404, 'NOT_FOUND', `${method} ${pathname}`);
}

/** POST /functions/<name>: the H5 build's callFunction. Body = event, X-WX-OPENID = caller. */
async function gateway(
  deps: ServerDependencies,
  name: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!deps.registry.get(name)) throw new HttpError(404, 'FUNCTION_NOT_FOUND', `function "${name}" not found`);
  const event = parseJsonBody(await readBody(request), {});
  const header = request.headers['x-wx-openid'];
  const openid = (Array.isArray(header) ? header[0] : header)?.trim() || ANONYMOUS_OPENID;
  try {
    const result = await deps.runtime.invoke(name, event, { openid, source: 'wx_client' });
    sendJson(response, 200, result ?? null);
  } catch (error) {
    if (error instanceof FunctionInvocationError) {
      const status = error.code === 'FUNCTION_NOT_FOUND' ? 404 : 502;
      sendJson(response, status, { error: { code: error.code, message: error.message } });
      return;
    }
    throw error;
  }
}

async function devRoute(
  deps: ServerDependencies,
  pathname: string,
  method: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const endpoint = `${method} ${pathname}`;
  switch (endpoint) {
    case 'GET /_dev/health':
      sendJson(response, 200, {
        ok: true,
        functions: deps.registry.names(),
        now: deps.clock.now(),
        runtime: deps.runtime.stats(),
      });
      return;
    case 'GET /_dev/clock':
      sendJson(response, 200, { now: deps.clock.now() });
      return;
    case 'POST /_dev/clock': {
      const body = parseJsonBody(await readBody(request), {}) as { advanceMs?: unknown };
      const advanceMs = body.advanceMs ?? 0;
      if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
        throw new HttpError(400, 'INVALID_PARAM', 'advanceMs must be a number >= 0');
      }
      await deps.clock.advance(advanceMs);
      sendJson(response, 200, { now: deps.clock.now() });
      return;
    }
    case 'POST /_dev/pay': {
      const body = parseJsonBody(await readBody(request), {}) as { outTradeNo?: unknown; result?: unknown };
      if (typeof body.outTradeNo !== 'string' || body.outTradeNo === '') {
        throw new HttpError(400, 'INVALID_PARAM', 'outTradeNo is required');
      }
      const result = body.result ?? 'SUCCESS';
      if (result !== 'SUCCESS' && result !== 'FAIL')
        throw new HttpError(400, 'INVALID_PARAM', 'result must be SUCCESS or FAIL');
      try {
        sendJson(response, 200, (await deps.devPay.pay(body.outTradeNo, result)) ?? null);
      } catch (error) {
        throw new HttpError(400, 'PAY_FAILED', error instanceof Error ? error.message : String(error));
      }
      return;
    }
    case 'GET /_dev/ledger':
      sendJson(response, 200, deps.devPay.ledger() ?? null);
      return;
    case 'GET /_dev/messages':
      sendJson(response, 200, deps.devMessages.sentMessages());
      return;
    case 'GET /_dev/users':
      sendJson(response, 200, DEV_USERS);
      return;
    default:
      throw new HttpError(404, 'NOT_FOUND', endpoint);
  }
}

/** CORS for the H5 dev server on another local port (127.0.0.1 / localhost only). */
function allowLocalOrigin(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin;
  if (!origin || !/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(origin)) return;
  response.setHeader('access-control-allow-origin', origin);
  response.setHeader('vary', 'Origin');
  response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  response.setHeader('access-control-allow-headers', 'content-type, x-wx-openid');
  response.setHeader('access-control-max-age', '600');
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', `request body over ${MAX_BODY_BYTES} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function parseJsonBody(body: Buffer, whenEmpty: unknown): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') return whenEmpty;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(
      400,
      'INVALID_JSON',
      `request body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  response.end(body);
}
