/**
 * hh:mm:ss left until an expiry; hours not capped at 24; seconds round up so 00:00:00 appears only at
 * the expiry itself. Same rule as the native component src/native/countdown/index.js (plain JS, which
 * cannot import this file); tests/native and tests/pages check both.
 */
export function formatRemaining(milliseconds: number): string {
  const totalSeconds = Math.max(0, Math.ceil(milliseconds / 1000));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor((totalSeconds % 3600) / 60))}:${pad(totalSeconds % 60)}`;
}
