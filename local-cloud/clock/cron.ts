/**
 * WeChat cloud timer triggers use 7 cron fields: second minute hour day-of-month month day-of-week year,
 * evaluated in UTC+8. croner handles the first six (with seconds); it rejects a 7th field, so the year
 * field is stripped here and checked separately. Quartz-style '?' ("no specific value") is mapped to '*',
 * because croner reads '?' as "the value at construction time".
 */
import { Cron } from 'croner';

export const TRIGGER_TIMEZONE = 'Asia/Shanghai';
const MIN_YEAR = 1970;
const MAX_YEAR = 2199;

export interface TimerSchedule {
  /** the first occurrence strictly after `afterMs`, or null when there is none */
  nextAfter(afterMs: number): number | null;
}

export function parseTimerCron(expression: string): TimerSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 7) {
    throw new Error(
      `timer trigger "${expression}": expected 7 fields (sec min hour day month weekday year), got ${fields.length}`,
    );
  }
  const yearField = fields[6] ?? '*';
  const yearMatches = parseYearField(yearField, expression);
  const sixFields = fields
    .slice(0, 6)
    .map((field) => (field === '?' ? '*' : field))
    .join(' ');
  const cron = new Cron(sixFields, { timezone: TRIGGER_TIMEZONE, paused: true });

  return {
    nextAfter(afterMs: number): number | null {
      let cursor = afterMs;
      // A year that does not match is skipped whole: jump to 1 Jan 00:00 UTC+8 of the next candidate year.
      for (let guard = 0; guard < MAX_YEAR - MIN_YEAR + 2; guard += 1) {
        const next = cron.nextRun(new Date(cursor));
        if (!next) return null;
        const nextMs = next.getTime();
        const year = yearInTriggerZone(nextMs);
        if (yearMatches(year)) return nextMs;
        const candidate = nextMatchingYear(year + 1, yearMatches);
        if (candidate === null) return null;
        // one millisecond before the year starts, so an occurrence at exactly 00:00:00 counts
        cursor = startOfYearInTriggerZone(candidate) - 1;
      }
      return null;
    },
  };
}

/** UTC+8 has no daylight saving, so the zone offset is a constant. */
const ZONE_OFFSET_MS = 8 * 3600 * 1000;

function yearInTriggerZone(ms: number): number {
  return new Date(ms + ZONE_OFFSET_MS).getUTCFullYear();
}

function startOfYearInTriggerZone(year: number): number {
  return Date.UTC(year, 0, 1) - ZONE_OFFSET_MS;
}

function nextMatchingYear(from: number, matches: (year: number) => boolean): number | null {
  for (let year = Math.max(from, MIN_YEAR); year <= MAX_YEAR; year += 1) {
    if (matches(year)) return year;
  }
  return null;
}

/** The year field: '*', 'N', 'A-B', lists of those, each optionally with '/step'. */
function parseYearField(field: string, expression: string): (year: number) => boolean {
  if (field === '*' || field === '?') return () => true;
  const parts = field.split(',').map((part) => {
    const match = /^(\*|\d{4})(?:-(\d{4}))?(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`timer trigger "${expression}": unsupported year field "${field}"`);
    const [, startText, endText, stepText] = match;
    const start = startText === '*' ? MIN_YEAR : Number(startText);
    const end =
      endText !== undefined ? Number(endText) : startText === '*' || stepText !== undefined ? MAX_YEAR : start;
    const step = stepText !== undefined ? Number(stepText) : 1;
    if (step < 1 || end < start) throw new Error(`timer trigger "${expression}": bad year range "${part}"`);
    return { start, end, step };
  });
  return (year) => parts.some(({ start, end, step }) => year >= start && year <= end && (year - start) % step === 0);
}
