import { chinaDayLabel, chinaDayNumber, chinaDayStart, dashboardDays, dashboardWindow, sumFigures } from './dashboard';

describe('China days', () => {
  it('puts 23:59 and 00:00 Beijing time on different days, whatever UTC says', () => {
    const lastMinute = Date.parse('2026-12-01T23:59:00+08:00');
    const midnight = Date.parse('2026-12-02T00:00:00+08:00');
    expect(chinaDayNumber(midnight) - chinaDayNumber(lastMinute)).toBe(1);
    expect(chinaDayLabel(chinaDayNumber(lastMinute))).toBe('2026-12-01');
    expect(chinaDayStart(chinaDayNumber(lastMinute))).toBe(Date.parse('2026-12-01T00:00:00+08:00'));
  });

  it('covers today and the 6 days before, oldest first', () => {
    const now = Date.parse('2026-12-02T08:30:00+08:00');
    const window = dashboardWindow(now);
    expect(window.days.map(chinaDayLabel)).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    expect(window.since).toBe(Date.parse('2026-11-26T00:00:00+08:00'));
  });

  it('fills missing days with zero and adds the week up', () => {
    const { days } = dashboardWindow(Date.parse('2026-12-02T08:30:00+08:00'));
    const today = days[6]!;
    const figures = dashboardDays(days, {
      paidOrders: new Map([
        [today, 2],
        [today - 1, 1],
      ]),
      paidFee: new Map([
        [today, 29_800],
        [today - 1, 100],
      ]),
      giftsSent: new Map(),
      giftsAccepted: new Map([[today, 1]]),
      giftsExpired: new Map(),
      giftsRefunded: new Map(),
    });
    expect(figures[6]).toEqual({
      date: '2026-12-02',
      paidOrders: 2,
      paidFee: 29_800,
      giftsSent: 0,
      giftsAccepted: 1,
      giftsExpired: 0,
      giftsRefunded: 0,
    });
    expect(sumFigures(figures)).toMatchObject({ paidOrders: 3, paidFee: 29_900, giftsAccepted: 1 });
  });
});
