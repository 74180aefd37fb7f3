import { activeSeasons, LUNAR_DATES, SEASON_THEMES, seasonWindow } from './seasons';
import { SEASON_IDS } from './tags';

/** Beijing time as epoch ms. */
const beijing = (text: string): number => new Date(`${text}+08:00`).getTime();
const showing = (text: string): string[] => activeSeasons(beijing(text)).map((season) => season.seasonId);

describe('festival collections by the clock (Beijing dates)', () => {
  it('has one theme per season id', () => {
    expect(SEASON_THEMES.map((theme) => theme.seasonId).sort()).toEqual([...SEASON_IDS].sort());
  });

  it('shows 圣诞 from 1 December to the end of 25 December', () => {
    expect(showing('2026-11-30T23:59:59')).not.toContain('christmas');
    expect(showing('2026-12-01T00:00:00')).toContain('christmas');
    expect(showing('2026-12-25T23:59:59')).toContain('christmas');
    expect(showing('2026-12-26T00:00:00')).not.toContain('christmas');
  });

  it('shows 春节 from three weeks before 正月初一 (even across the new year) to 初七', () => {
    // 2027-02-06 is 春节 2027; 2028-01-26 is 春节 2028, its window opens on 2028-01-05
    expect(showing('2027-01-16T00:00:00')).toContain('springFestival');
    expect(showing('2027-02-12T12:00:00')).toContain('springFestival');
    expect(showing('2027-02-13T00:00:00')).not.toContain('springFestival');
    expect(showing('2028-01-05T00:00:00')).toContain('springFestival');
    expect(showing('2028-01-04T23:59:59')).not.toContain('springFestival');
  });

  it('finds Mother’s and Father’s Day by their Sundays', () => {
    // 2027: 2nd Sunday of May = 9 May, 3rd Sunday of June = 20 June
    expect(
      seasonWindow(
        SEASON_THEMES.find((theme) => theme.seasonId === 'mothersDay')!,
        2027,
      )?.endsAt,
    ).toBe(beijing('2027-05-10T00:00:00'));
    expect(
      seasonWindow(
        SEASON_THEMES.find((theme) => theme.seasonId === 'fathersDay')!,
        2027,
      )?.endsAt,
    ).toBe(beijing('2027-06-21T00:00:00'));
    expect(showing('2027-05-09T20:00:00')).toContain('mothersDay');
    expect(showing('2027-05-10T00:00:00')).not.toContain('mothersDay');
  });

  it('shows 中秋 and 教师节 together when their windows overlap', () => {
    // 2027: 中秋 15 September, 教师节 10 September
    expect(showing('2027-09-05T10:00:00')).toEqual(['teachersDay', 'midAutumn']);
  });

  it('shows nothing between seasons, and no lunar window for a year missing from the table', () => {
    expect(showing('2027-07-15T12:00:00')).toEqual([]);
    const lastYear = Math.max(...Object.keys(LUNAR_DATES).map(Number));
    expect(
      seasonWindow(
        SEASON_THEMES.find((theme) => theme.seasonId === 'midAutumn')!,
        lastYear + 1,
      ),
    ).toBeNull();
  });
});
