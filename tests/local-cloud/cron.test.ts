import { parseTimerCron } from '@local-cloud/clock/cron';

const at = (iso: string) => new Date(iso).getTime();
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('parseTimerCron (7 fields, UTC+8)', () => {
  it('every five minutes on the second 0', () => {
    const schedule = parseTimerCron('0 */5 * * * * *');
    expect(iso(schedule.nextAfter(at('2026-11-25T00:00:00.000Z')))).toBe('2026-11-25T00:05:00.000Z');
    expect(iso(schedule.nextAfter(at('2026-11-25T00:04:59.999Z')))).toBe('2026-11-25T00:05:00.000Z');
  });

  it('reads hours in UTC+8', () => {
    // 02:00 in Beijing is 18:00 UTC the day before
    const schedule = parseTimerCron('0 0 2 * * * *');
    expect(iso(schedule.nextAfter(at('2026-11-25T00:00:00.000Z')))).toBe('2026-11-25T18:00:00.000Z');
  });

  it('treats ? as "any" (croner would otherwise read it as the construction time)', () => {
    const schedule = parseTimerCron('0 30 9 ? * * *');
    expect(iso(schedule.nextAfter(at('2026-11-25T00:00:00.000Z')))).toBe('2026-11-25T01:30:00.000Z');
  });

  it('honours the year field', () => {
    const onlyIn2028 = parseTimerCron('0 0 0 1 1 * 2028');
    expect(iso(onlyIn2028.nextAfter(at('2026-11-25T00:00:00.000Z')))).toBe('2027-12-31T16:00:00.000Z');
    expect(onlyIn2028.nextAfter(at('2028-06-01T00:00:00.000Z'))).toBeNull();

    const range = parseTimerCron('0 0 12 25 12 * 2027-2029/2');
    expect(iso(range.nextAfter(at('2026-11-25T00:00:00.000Z')))).toBe('2027-12-25T04:00:00.000Z');
    expect(iso(range.nextAfter(at('2027-12-26T00:00:00.000Z')))).toBe('2029-12-25T04:00:00.000Z');

    const list = parseTimerCron('0 0 0 * * * 2026,2030');
    expect(iso(list.nextAfter(at('2026-12-31T16:00:00.000Z')))).toBe('2029-12-31T16:00:00.000Z');
  });

  it('rejects expressions that are not 7 fields or have a bad year', () => {
    expect(() => parseTimerCron('0 */5 * * * *')).toThrow(/7 fields/);
    expect(() => parseTimerCron('0 */5 * * * * 20x6')).toThrow(/year/);
  });
});
