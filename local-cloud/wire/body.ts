/** Reading request bodies and headers without trusting them. */
import type { IncomingMessage } from 'node:http';
import { RequestRejected } from './limits';

/** Past the limit a body is still read (and dropped) up to this many times the limit, so the 413 arrives cleanly. */
const DRAIN_FACTOR = 4;

/**
 * The whole body, at most `maxBytes`. A declared Content-Length over the limit is refused before any
 * byte is read; a chunked body that grows past it is drained and refused (413). A client that goes
 * away mid-body rejects with ABORTED.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    return Promise.reject(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > maxBytes * DRAIN_FACTOR) {
        settle(tooLarge(maxBytes));
        request.destroy();
      }
    });
    request.on('end', () => settle(size > maxBytes ? tooLarge(maxBytes) : undefined));
    // 'close' follows every request, complete or not: build the error only when the body was cut short.
    const abortUnlessSettled = () => {
      if (!settled) settle(aborted());
    };
    request.on('error', abortUnlessSettled);
    request.on('close', abortUnlessSettled);
  });
}

function tooLarge(maxBytes: number): RequestRejected {
  return new RequestRejected(413, 'PAYLOAD_TOO_LARGE', `request body over ${maxBytes} bytes`);
}

function aborted(): RequestRejected {
  return new RequestRejected(400, 'ABORTED', 'the client went away before the body was complete');
}

/** Printable ASCII without spaces, like real OPENIDs (28 chars of [A-Za-z0-9_-]) and the dev users' ids. */
const OPENID = /^[\x21-\x7e]{1,128}$/;

/** The caller named by X-WX-OPENID (the H5 build's dev user), `fallback` when absent; refuses control characters. */
export function openidFromHeader(request: IncomingMessage, fallback: string): string {
  const header = request.headers['x-wx-openid'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return fallback;
  if (!OPENID.test(value)) {
    throw new RequestRejected(400, 'INVALID_OPENID', 'X-WX-OPENID must be 1-128 printable ASCII characters');
  }
  return value;
}

/** decodeURIComponent that answers undefined for malformed escapes instead of throwing. */
export function decodePathSegment(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
