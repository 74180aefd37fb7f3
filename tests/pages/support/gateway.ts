/**
 * A stand-in for the local cloud's H5 gateway (POST /functions/<name>, X-WX-OPENID) and its
 * GET /_dev/users, installed as global fetch for page tests. Cloud functions themselves are tested
 * through the real local cloud (tests/functions); here pages get canned answers that follow the
 * contract types, and every call is recorded.
 */
import type { ActionName, AnswerOf, EventOf, FunctionName } from '@domain/contracts';

export interface RecordedCall {
  name: string;
  event: Record<string, unknown>;
  openid: string | null;
}

type AnyHandler = (event: Record<string, unknown>, openid: string | null) => unknown;

const handlers = new Map<string, AnyHandler>();
export const calls: RecordedCall[] = [];
let unreachable = false;
/** Shaped like local-cloud/dev-users.ts DEV_USERS. */
let devUsers: Array<{ openid: string; nickname: string }> = [];

/** Answer `name.action` with a typed handler (the same types callCloud uses). */
export function answer<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  handler: (event: EventOf<F, A>, openid: string | null) => AnswerOf<F, A>,
): void {
  handlers.set(`${name}.${action}`, handler as unknown as AnyHandler);
}

/** From now on fetch rejects as a browser does without network (TypeError: Failed to fetch). */
export const setUnreachable = (value: boolean): void => {
  unreachable = value;
};

export const setDevUsers = (users: Array<{ openid: string; nickname: string }>): void => {
  devUsers = users;
};

export function resetGateway(): void {
  handlers.clear();
  calls.length = 0;
  unreachable = false;
  devUsers = [];
}

interface FakeResponse {
  ok: boolean;
  status: number;
  json: () => Promise<unknown>;
}

const jsonResponse = (status: number, body: unknown): FakeResponse => ({
  ok: status >= 200 && status < 300,
  status,
  json: async () => body,
});

const headerOf = (init: RequestInit | undefined, name: string): string | null => {
  const headers = (init?.headers ?? {}) as Record<string, string>;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : (headers[key] ?? null);
};

export async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<FakeResponse> {
  if (unreachable) throw new TypeError('Failed to fetch');
  const url = String(input);
  const method = (init?.method ?? 'GET').toUpperCase();
  if (method === 'GET' && url === '/_dev/users') return jsonResponse(200, devUsers);

  const match = /^\/functions\/([^/?]+)$/.exec(url);
  if (method !== 'POST' || !match?.[1]) return jsonResponse(404, { error: `no route ${method} ${url}` });
  const name = decodeURIComponent(match[1]);
  const event = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
  const openid = headerOf(init, 'X-WX-OPENID');
  calls.push({ name, event, openid });

  const handler = handlers.get(`${name}.${String(event.action)}`);
  if (!handler) return jsonResponse(404, { error: `no canned answer for ${name}.${String(event.action)}` });
  try {
    return jsonResponse(200, handler(event, openid));
  } catch (error) {
    return jsonResponse(500, { error: String(error) });
  }
}
