import type { CloudTransport } from './cloudTransportTypes';
import { currentDevOpenid } from './devUser.h5';

/** H5 has no wx.cloud: nothing to initialise. */
export const initCloud = (): void => {};

/**
 * H5: the local cloud's gateway `POST /functions/<name>` on the same origin, JSON body = event, caller
 * identity in X-WX-OPENID (the dev user picked in the H5 dev switcher). The gateway answers with the
 * function's return value as JSON; a body that is not a Result is sorted out by services/cloud.ts.
 */
export const sendToCloud: CloudTransport = async (name, event) => {
  let response: Response;
  try {
    response = await fetch(`/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': currentDevOpenid() },
      body: JSON.stringify(event),
    });
  } catch (error) {
    return { kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: 'failed', detail: `HTTP ${response.status}: not JSON` };
  }
  // A Fail the gateway or function sent with an error status is still an answer the page can show.
  if (response.ok || isFailShaped(body)) return { kind: 'answered', body };
  return { kind: 'failed', detail: `HTTP ${response.status}` };
};

const isFailShaped = (body: unknown): boolean =>
  body instanceof Object && 'ok' in body && body.ok === false && 'code' in body && typeof body.code === 'string';
