/** Formatting and id helpers shared by the pay simulator: WeChat Pay's conventions. */
import crypto from 'node:crypto';

const UTC8_OFFSET_MS = 8 * 3600 * 1000;

function utc8Parts(ms: number) {
  const d = new Date(ms + UTC8_OFFSET_MS);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return {
    year: pad(d.getUTCFullYear(), 4),
    month: pad(d.getUTCMonth() + 1),
    day: pad(d.getUTCDate()),
    hour: pad(d.getUTCHours()),
    minute: pad(d.getUTCMinutes()),
    second: pad(d.getUTCSeconds()),
  };
}

/** `yyyyMMddHHmmss` in China time (UTC+8): time_end, time_start. */
export function compactTimeUtc8(ms: number): string {
  const p = utc8Parts(ms);
  return `${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}`;
}

/** `yyyy-MM-dd HH:mm:ss` in China time (UTC+8): refund success_time. */
export function dashedTimeUtc8(ms: number): string {
  const p = utc8Parts(ms);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

export function randomDigits(count: number): string {
  let digits = '';
  while (digits.length < count) digits += crypto.randomInt(0, 1_000_000_000).toString().padStart(9, '0');
  return digits.slice(0, count);
}

export function randomHex(bytes: number): string {
  return crypto.randomBytes(bytes).toString('hex');
}

/** 32-char nonce like WeChat's own. */
export function nonce(): string {
  return randomHex(16).toUpperCase();
}

/**
 * WeChat Pay v2 MD5 signature: sorted `k=v` of the non-empty scalar params, `&key=<merchant key>`,
 * MD5, upper-case. The local key is public; nothing verifies it, but the values look right.
 */
export function md5Sign(params: Record<string, unknown>, key: string): string {
  const text = Object.keys(params)
    .filter(
      (name) =>
        name !== 'sign' && params[name] !== undefined && params[name] !== '' && typeof params[name] !== 'object',
    )
    .sort()
    .map((name) => `${name}=${String(params[name])}`)
    .join('&');
  return crypto.createHash('md5').update(`${text}&key=${key}`, 'utf8').digest('hex').toUpperCase();
}

/** A stable per-user id under another appid (the service provider's openid of the payer). */
export function derivedOpenid(openid: string, salt: string): string {
  const hash = crypto.createHash('sha1').update(`${salt}:${openid}`).digest('base64url');
  return `o${hash.slice(0, 27)}`;
}
