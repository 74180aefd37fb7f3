/**
 * The local cloud's HTTP server (node:http, never compressed, keep-alive longer than the SDK's 5 s idle
 * sockets). Routes are documented in docs/local-cloud.md.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { handleAdmin, type AdminDependencies } from './admin';
import { ANONYMOUS_OPENID, DEV_USERS } from './dev-users';
import { FunctionInvocationError, type FunctionRegistry, type FunctionRuntime } from './runtime';
import { serveStatic, type StaticMount } from './static';
import { handleStorageRequest } from './storage/http';
import { decodePathSegment, openidFromHeader, readBody } from './wire/body';
import { BODY_LIMITS, parseJsonBody, RequestRejected } from './wire/limits';

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

const KEEP_ALIVE_MS = 65_000;
/** A request (headers and body) must arrive within this; a slower client gets 408 and is dropped. */
const REQUEST_TIMEOUT_MS = 120_000;

export function createCloudServer(deps: ServerDependencies): http.Server {
  const server = http.createServer((request, response) => {
    route(deps, request, response).catch((error: unknown) => {
      const status = error instanceof RequestRejected ? error.status : 500;
      const code = error instanceof RequestRejected ? error.code : 'INTERNAL_ERROR';
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500) deps.log(`[http] ${request.method} ${request.url} failed: ${message}`);
      if (response.headersSent || response.destroyed) {
        response.destroy();
        return;
      }
      // the rest of a refused body is not read: close the connection after the answer
      if (status === 413) response.setHeader('connection', 'close');
      sendJson(response, status, { error: { code, message } });
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  return server;
}

async function route(deps: ServerDependencies, request: IncomingMessage, response: ServerResponse): Promise<void> {
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://127.0.0.1');
  } catch {
    throw new RequestRejected(400, 'INVALID_URL', 'the request target is not a valid URL');
  }
  const { pathname } = url;
  const method = request.method ?? 'GET';

  if (pathname === '/admin') {
    if (method !== 'POST') throw new RequestRejected(405, 'METHOD_NOT_ALLOWED', 'POST /admin');
    const body = await readBody(request, BODY_LIMITS.admin);
    const reply = await handleAdmin(deps, body, request.headers['content-type'] ?? '', url.searchParams);
    response.writeHead(reply.status ?? 200, { 'content-type': reply.contentType, 'content-length': reply.body.length });
    response.end(reply.body);
    return;
  }

  if (pathname.startsWith('/_storage/')) {
    allowLocalOrigin(request, response);
    if (method === 'OPTIONS') {
      response.writeHead(204);
      response.end();
      return;
    }
    await handleStorageRequest(deps.storage, request, response, url, ANONYMOUS_OPENID, deps.log);
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
    if (method !== 'POST') throw new RequestRejected(405, 'METHOD_NOT_ALLOWED', `POST ${pathname}`);
    const name = decodePathSegment(pathname.slice('/functions/'.length));
    if (name === undefined) throw new RequestRejected(404, 'FUNCTION_NOT_FOUND', 'malformed function name');
    await gateway(deps, name, request, response);
    return;
  }

  if (pathname.startsWith('/_dev/')) {
    await devRoute(deps, pathname, method, request, response);
    return;
  }

  if (serveStatic(request, response, pathname, deps.staticMounts)) return;
  throw new RequestRejected(404, 'NOT_FOUND', `${method} ${pathname}`);
}

/** POST /functions/<name>: the H5 build's callFunction. Body = event, X-WX-OPENID = caller. */
async function gateway(
  deps: ServerDependencies,
  name: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!deps.registry.get(name)) {
    const shown = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
    throw new RequestRejected(404, 'FUNCTION_NOT_FOUND', `function ${shown} not found`);
  }
  const openid = openidFromHeader(request, ANONYMOUS_OPENID);
  const event = parseJsonBody(await readBody(request, BODY_LIMITS.gateway), {});
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
      const body = devBody(await readBody(request, BODY_LIMITS.dev)) as { advanceMs?: unknown };
      const advanceMs = body.advanceMs ?? 0;
      if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
        throw new RequestRejected(400, 'INVALID_PARAM', 'advanceMs must be a number >= 0');
      }
      await deps.clock.advance(advanceMs);
      sendJson(response, 200, { now: deps.clock.now() });
      return;
    }
    case 'POST /_dev/pay': {
      const body = devBody(await readBody(request, BODY_LIMITS.dev)) as { outTradeNo?: unknown; result?: unknown };
      if (typeof body.outTradeNo !== 'string' || body.outTradeNo === '') {
        throw new RequestRejected(400, 'INVALID_PARAM', 'outTradeNo is required');
      }
      const result = body.result ?? 'SUCCESS';
      if (result !== 'SUCCESS' && result !== 'FAIL')
        throw new RequestRejected(400, 'INVALID_PARAM', 'result must be SUCCESS or FAIL');
      try {
        sendJson(response, 200, (await deps.devPay.pay(body.outTradeNo, result)) ?? null);
      } catch (error) {
        throw new RequestRejected(400, 'PAY_FAILED', error instanceof Error ? error.message : String(error));
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
      throw new RequestRejected(404, 'NOT_FOUND', endpoint);
  }
}

/** CORS for the H5 dev server on another local port (127.0.0.1 / localhost only). */
function allowLocalOrigin(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin;
  if (!origin || !/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(origin)) return;
  response.setHeader('access-control-allow-origin', origin);
  response.setHeader('vary', 'Origin');
  response.setHeader('access-control-allow-methods', 'GET, POST, PUT, OPTIONS');
  response.setHeader('access-control-allow-headers', 'content-type, x-wx-openid');
  response.setHeader('access-control-max-age', '600');
}

/** A /_dev body: a JSON object (empty = {}). */
function devBody(body: Buffer): Record<string, unknown> {
  const value = parseJsonBody(body, {});
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RequestRejected(400, 'INVALID_PARAM', 'the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  response.end(body);
}
