/**
 * H5 only (never in the weapp build): which local-cloud dev user the browser acts as. The choice is
 * kept in localStorage and sent as X-WX-OPENID by cloudTransport.h5.ts.
 */
export const DEV_USER_STORAGE_KEY = 'giftshop.devOpenid';
/** Used until someone picks another user in the dev switcher. */
export const DEFAULT_DEV_OPENID = 'dev-giver';

export interface DevUser {
  openid: string;
  nickName: string;
}

export function currentDevOpenid(): string {
  try {
    return window.localStorage.getItem(DEV_USER_STORAGE_KEY) || DEFAULT_DEV_OPENID;
  } catch {
    return DEFAULT_DEV_OPENID;
  }
}

export function chooseDevOpenid(openid: string): void {
  window.localStorage.setItem(DEV_USER_STORAGE_KEY, openid);
}

/**
 * GET /_dev/users from the local cloud (local-cloud/dev-users.ts): a list (or { users: [...] }) of
 * { openid, nickname }; `nickName` and `name` are accepted too.
 */
export async function fetchDevUsers(): Promise<DevUser[]> {
  const response = await fetch('/_dev/users');
  if (!response.ok) throw new Error(`GET /_dev/users: HTTP ${response.status}`);
  const body: unknown = await response.json();
  const list: unknown = Array.isArray(body) ? body : body instanceof Object && 'users' in body ? body.users : [];
  return Array.isArray(list) ? list.flatMap(toDevUser) : [];
}

const toDevUser = (value: unknown): DevUser[] => {
  if (!(value instanceof Object) || !('openid' in value) || typeof value.openid !== 'string') return [];
  const record = value as { openid: string; nickname?: unknown; nickName?: unknown; name?: unknown };
  const nickName = [record.nickname, record.nickName, record.name].find((name) => typeof name === 'string');
  return [{ openid: record.openid, nickName: typeof nickName === 'string' ? nickName : record.openid }];
};
