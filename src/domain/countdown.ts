/**
 * The one countdown text: 'hh:mm:ss' left until an expiry. Hours are not capped at 24 (a 30-hour window
 * shows 30:00:00); seconds round up, so 00:00:00 shows only at the expiry itself, never a second early.
 *
 * Used by the React countdown (src/components/ExpiryCountdown) and, bundled to plain CommonJS by
 * scripts/build-native.ts, by the native weapp component (src/native/countdown/format.js, generated:
 * tests/native/countdown-format.test.ts fails when it differs from a fresh build). Keep this file free of
 * imports and of newer built-ins: it runs as is in every mini program JS engine.
 */

const twoDigits = (value: number): string => (value < 10 ? `0${value}` : String(value));

export function formatRemaining(milliseconds: number): string {
  const totalSeconds = Math.max(0, Math.ceil(milliseconds / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}`;
}
