import { DAY_MS, HOUR_MS, clock, formatChinaDateTime, formatCountdown, isReached, msUntil, nowDate } from './clock';

describe('clock', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads the time through clock.now, so one spy moves everybody', () => {
    jest.spyOn(clock, 'now').mockReturnValue(Date.UTC(2026, 10, 25, 4, 0, 0));
    expect(nowDate().toISOString()).toBe('2026-11-25T04:00:00.000Z');
    expect(msUntil(Date.UTC(2026, 10, 25, 5, 0, 0))).toBe(HOUR_MS);
    expect(isReached(Date.UTC(2026, 10, 25, 4, 0, 0))).toBe(true);
    expect(isReached(new Date(Date.UTC(2026, 10, 25, 4, 0, 1)))).toBe(false);
  });

  it('never counts below zero', () => {
    expect(msUntil(1000, 5000)).toBe(0);
  });

  it('formats countdowns beyond a day', () => {
    expect(formatCountdown(DAY_MS - 1000)).toBe('23:59:59');
    expect(formatCountdown(2 * DAY_MS)).toBe('48:00:00');
    expect(formatCountdown(-5)).toBe('00:00:00');
    expect(formatCountdown(61_999)).toBe('00:01:01');
  });

  it('formats Beijing time regardless of the machine time zone', () => {
    expect(formatChinaDateTime(Date.UTC(2026, 10, 24, 16, 5))).toBe('2026-11-25 00:05');
  });
});
