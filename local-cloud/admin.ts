/**
 * POST /admin: the CloudBase API as the unmodified wx-server-sdk speaks it (docs/local-cloud.md,
 * docs/cloudbase-wire.md). Every reply is HTTP 200; errors are `{requestId, code, message}`.
 */
import type { InvocationContext } from './services';
import type { FunctionRuntime } from './runtime';
import { FunctionInvocationError, LOCAL_APPID, LOCAL_ENV } from './runtime';
import { StorageError, type CloudStorage } from './storage';
import {
  assertEmbeddedJsonShallow,
  MAX_JSON_DEPTH,
  nestsDeeperThan,
  parseJsonBody,
  RequestRejected,
} from './wire/limits';
import { parseMultipart } from './wire/multipart';
import { decodeOpenApiRequest, encodeOpenApiResponse } from './wire/openapi-protobuf';

/** What the /admin dispatcher needs of the database (local-cloud/db Database). */
export interface DatabaseHandler {
  handle(body: Record<string, unknown>): unknown;
}
/** What it needs of the pay simulator (local-cloud/pay PaySimulator). */
export interface PayApiHandler {
  handleApi(
    apiName: string,
    requestData: Record<string, unknown>,
    caller: InvocationContext,
  ): Promise<Record<string, unknown>>;
}
/** What it needs of the open API simulator (local-cloud/openapi OpenApi). */
export interface OpenApiHandler {
  handleApi(
    apiName: string,
    params: Record<string, unknown>,
    caller: InvocationContext,
  ): Promise<Record<string, unknown>>;
}

export interface AdminDependencies {
  db: DatabaseHandler;
  runtime: FunctionRuntime;
  pay: PayApiHandler;
  openapi: OpenApiHandler;
  storage: CloudStorage;
  log: (line: string) => void;
}

export interface AdminReply {
  /** 200 unless the request itself is malformed (not JSON, too deep, unknown action, ...): then 4xx */
  status?: number;
  contentType: string;
  body: Buffer;
}

/**
 * Who sent a request that no running invocation owns (a script using the SDK directly): no user, and a
 * SOURCE no production check accepts as WeChat's.
 */
export const ANONYMOUS_ADMIN_SOURCE = 'local_admin';

let requestCounter = 0;
function nextRequestId(): string {
  requestCounter += 1;
  return `local-${Date.now().toString(36)}-${requestCounter.toString(36)}`;
}

export async function handleAdmin(
  deps: AdminDependencies,
  rawBody: Buffer,
  contentType: string,
  query: URLSearchParams,
): Promise<AdminReply> {
  const requestId = nextRequestId();
  const caller: InvocationContext = deps.runtime.callerOf(query.get('seqId') ?? undefined) ?? {
    openid: '',
    appid: LOCAL_APPID,
    source: ANONYMOUS_ADMIN_SOURCE,
    envName: query.get('env') ?? LOCAL_ENV,
  };

  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    let parts: Map<string, Buffer>;
    try {
      parts = parseMultipart(rawBody, contentType);
    } catch (error) {
      return rejected(requestId, 400, 'INVALID_PARAM', `malformed multipart body: ${messageOf(error)}`);
    }
    const action = parts.get('action')?.toString('utf8');
    const apiName = parts.get('apiName')?.toString('utf8') ?? '';
    const requestData = parts.get('requestData') ?? Buffer.alloc(0);
    if (action === 'wx.wxPayApi') return wxPayApi(deps, requestId, apiName, requestData, caller);
    if (action === 'wx.openApi') return wxOpenApi(deps, requestId, apiName, requestData, caller);
    deps.log(`[admin] unknown multipart action ${String(action)}`);
    return rejected(requestId, 400, 'INVALID_PARAM', `unknown action ${String(action)}`);
  }

  let body: unknown;
  try {
    body = parseJsonBody(rawBody, undefined);
    // queries, documents and request_data travel as JSON text inside the body: same depth limit
    assertEmbeddedJsonShallow(body);
  } catch (error) {
    if (error instanceof RequestRejected) return rejected(requestId, error.status, error.code, error.message);
    throw error;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return rejected(requestId, 400, 'INVALID_PARAM', 'request body must be a JSON object');
  }
  const request = body as Record<string, unknown>;
  const action = typeof request.action === 'string' ? request.action : '';

  if (action.startsWith('database.')) {
    try {
      const reply = (await deps.db.handle(request)) as Record<string, unknown>;
      // an action the database does not have is a malformed request, like any unknown action
      if (reply.code === 'INVALID_ACTION') return rejected(requestId, 400, 'INVALID_ACTION', String(reply.message));
      return json({ requestId, ...reply });
    } catch (error) {
      deps.log(`[admin] ${action} failed: ${messageOf(error)}`);
      return tcbError(requestId, 'SYS_ERR', messageOf(error));
    }
  }
  if (action === 'functions.invokeFunction') return invokeFunction(deps, requestId, request, caller);
  if (action.startsWith('storage.')) return storageAction(deps, requestId, action, request);
  deps.log(`[admin] unknown action ${action || '(none)'}`);
  return rejected(requestId, 400, 'INVALID_PARAM', `unknown action ${action || '(none)'}`);
}

/** cloud.uploadFile / getTempFileURL / downloadFile / deleteFile (node-sdk dist/storage/index.js). */
function storageAction(
  deps: AdminDependencies,
  requestId: string,
  action: string,
  request: Record<string, unknown>,
): AdminReply {
  try {
    if (action === 'storage.getUploadMetadata') return json({ requestId, data: deps.storage.uploadMetadata(request) });
    if (action === 'storage.batchGetDownloadUrl') return json({ requestId, data: deps.storage.downloadUrls(request) });
    if (action === 'storage.batchDeleteFile') return json({ requestId, data: deps.storage.deleteFiles(request) });
  } catch (error) {
    if (error instanceof StorageError) return tcbError(requestId, error.code, error.message);
    deps.log(`[admin] ${action} failed: ${messageOf(error)}`);
    return tcbError(requestId, 'STORAGE_REQUEST_FAIL', messageOf(error));
  }
  deps.log(`[admin] unknown action ${action}`);
  return rejected(requestId, 400, 'INVALID_PARAM', `unknown action ${action}`);
}

/** cloud.callFunction: the callee runs as the calling user, with the caller's SOURCE. */
async function invokeFunction(
  deps: AdminDependencies,
  requestId: string,
  request: Record<string, unknown>,
  caller: InvocationContext,
): Promise<AdminReply> {
  const name = request.function_name;
  if (typeof name !== 'string' || name === '') return tcbError(requestId, 'INVALID_PARAM', 'function_name is required');
  let event: unknown = {};
  if (typeof request.request_data === 'string' && request.request_data !== '') {
    try {
      event = JSON.parse(request.request_data);
    } catch {
      return tcbError(requestId, 'INVALID_PARAM', 'request_data is not JSON');
    }
  }
  try {
    const result = await deps.runtime.invoke(name, event, {
      openid: caller.openid,
      source: caller.source,
      appid: caller.appid,
      ...(caller.unionid !== undefined ? { unionid: caller.unionid } : {}),
    });
    // a function that returns nothing gives the caller result null
    return json({ requestId, data: { response_data: JSON.stringify(result ?? null) } });
  } catch (error) {
    // the cloud's answer for a name it does not know (docs/cloudbase-wire.md §3)
    if (error instanceof FunctionInvocationError && error.code === 'FUNCTION_NOT_FOUND') {
      return tcbError(requestId, 'FUNCTION_NOT_FOUND', error.message);
    }
    const detail = error instanceof FunctionInvocationError ? error.detail : messageOf(error);
    return tcbError(requestId, 'FUNCTIONS_EXECUTE_FAIL', `errCode: -1 | errMsg: ${detail}`);
  }
}

/** cloud.cloudPay.*: the reply must NOT be exactly "application/json; charset=utf-8" (wire doc §4). */
async function wxPayApi(
  deps: AdminDependencies,
  requestId: string,
  apiName: string,
  requestData: Buffer,
  caller: InvocationContext,
): Promise<AdminReply> {
  let data: unknown;
  try {
    data = parseJsonBody(requestData, undefined, 'requestData');
  } catch (error) {
    if (error instanceof RequestRejected) return rejected(requestId, error.status, error.code, error.message);
    throw error;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return rejected(requestId, 400, 'INVALID_PARAM', 'requestData must be a JSON object');
  }
  try {
    const reply = await deps.pay.handleApi(apiName, data as Record<string, unknown>, caller);
    return { contentType: 'application/json', body: Buffer.from(JSON.stringify(reply)) };
  } catch (error) {
    deps.log(`[admin] wx.wxPayApi ${apiName} failed: ${messageOf(error)}`);
    return tcbError(requestId, codeOf(error) ?? 'SYS_ERR', messageOf(error));
  }
}

/** cloud.openapi.*: params arrive as protobuf pairs of JSON values; the reply is a CommOpenApiResp (wire doc §5). */
async function wxOpenApi(
  deps: AdminDependencies,
  requestId: string,
  apiName: string,
  requestData: Buffer,
  caller: InvocationContext,
): Promise<AdminReply> {
  let params: Record<string, unknown>;
  try {
    const decoded = decodeOpenApiRequest(requestData);
    params = {};
    for (const pair of decoded.pairs) {
      // media params carry raw bytes with a filename; everything else is JSON text
      params[pair.key] = pair.filename ? { filename: pair.filename, value: pair.value } : parseJsonOrText(pair.value);
    }
  } catch (error) {
    // the SDK always sends a well-formed CommOpenApiReq: anything else is a malformed request
    if (error instanceof RequestRejected) return rejected(requestId, error.status, error.code, error.message);
    return rejected(requestId, 400, 'INVALID_PARAM', `malformed openapi request: ${messageOf(error)}`);
  }
  try {
    return openApiReply(await deps.openapi.handleApi(apiName, params, caller));
  } catch (error) {
    deps.log(`[admin] wx.openApi ${apiName} failed: ${messageOf(error)}`);
    return openApiReply({ errcode: -1, errmsg: messageOf(error) });
  }
}

function openApiReply(result: Record<string, unknown>): AdminReply {
  return {
    contentType: 'application/octet-stream',
    body: encodeOpenApiResponse({
      respData: Buffer.from(JSON.stringify(result)),
      contentType: 'application/json; charset=UTF-8',
      errorCode: 0,
      httpCode: 200,
    }),
  };
}

function parseJsonOrText(value: Buffer): unknown {
  const text = value.toString('utf8');
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new RequestRejected(400, 'TOO_DEEP', `a parameter nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function json(value: unknown): AdminReply {
  return { contentType: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(value)) };
}

/** A request the API cannot take at all: the TCB envelope with a 4xx status. */
function rejected(requestId: string, status: number, code: string, message: string): AdminReply {
  return { ...tcbError(requestId, code, message), status };
}

function tcbError(requestId: string, code: string, message: string): AdminReply {
  // 'application/json' (not '...; charset=utf-8') so cloudPay/openapi callers also get the message (wire doc §4-5)
  return { contentType: 'application/json', body: Buffer.from(JSON.stringify({ requestId, code, message })) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : undefined;
}
