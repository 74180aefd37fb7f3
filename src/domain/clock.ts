/**
 * The ONE clock. Every piece of code reads "now" through `clock.now()`, so tests and the local
 * cloud (which patches Date to its controllable clock) move time for everybody at once.
 */
export const clock = {
  now: (): number => Date.now(),
};

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** China Standard Time has no daylight saving: a fixed +8 h offset is exact. */
const CHINA_OFFSET_MS = 8 * HOUR_MS;

export const nowDate = (): Date => new Date(clock.now());

const toMs = (at: number | Date): number => (typeof at === 'number' ? at : at.getTime());

/** Milliseconds left until `at` (never negative). */
export const msUntil = (at: number | Date, now: number = clock.now()): number => Math.max(0, toMs(at) - now);

/** True once `at` has been reached. */
export const isReached = (at: number | Date, now: number = clock.now()): boolean => toMs(at) <= now;

/** 'HH:MM:SS' for a countdown; hours may exceed 24 (e.g. '23:59:59', '47:00:00'). */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / SECOND_MS));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return [hours, minutes, seconds].map((part) => String(part).padStart(2, '0')).join(':');
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** 'YYYY-MM-DD HH:mm' in Beijing time, whatever the machine's time zone. */
export function formatChinaDateTime(at: number | Date): string {
  const shifted = new Date(toMs(at) + CHINA_OFFSET_MS);
  return (
    `${shifted.getUTCFullYear()}-${pad2(shifted.getUTCMonth() + 1)}-${pad2(shifted.getUTCDate())} ` +
    `${pad2(shifted.getUTCHours())}:${pad2(shifted.getUTCMinutes())}`
  );
}
