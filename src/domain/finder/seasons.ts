/**
 * Festival collections and their date windows, in Beijing dates (inclusive). The server decides
 * which are showing with clock.now(), so the local cloud's clock can move into any of them.
 * Lunar festivals (春节, 中秋) come from a table of their Gregorian dates: a year missing from the
 * table simply has no such window (extend LUNAR_DATES before it runs out).
 */
import { DAY_MS, HOUR_MS } from '@domain/clock';
import { SEASON_LABELS, type SeasonId } from './tags';

/** [month 1–12, day] */
type MonthDay = readonly [number, number];

/** 春节 (正月初一) and 中秋 (八月十五) by Gregorian year. */
export const LUNAR_DATES: Readonly<Record<number, { springFestival: MonthDay; midAutumn: MonthDay }>> = {
  2025: { springFestival: [1, 29], midAutumn: [10, 6] },
  2026: { springFestival: [2, 17], midAutumn: [9, 25] },
  2027: { springFestival: [2, 6], midAutumn: [9, 15] },
  2028: { springFestival: [1, 26], midAutumn: [10, 3] },
  2029: { springFestival: [2, 13], midAutumn: [9, 22] },
  2030: { springFestival: [2, 3], midAutumn: [9, 12] },
};

export interface SeasonTheme {
  seasonId: SeasonId;
  title: string;
  subtitle: string;
  /** the festival's own day in a year, or null when unknown for that year */
  dayOf(year: number): MonthDay | null;
  /** the window opens this many days before the day and closes this many after it */
  daysBefore: number;
  daysAfter: number;
}

const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** The n-th Sunday (1-based) of a month, as [month, day]. */
function nthSunday(year: number, month: number, n: number): MonthDay {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const firstSunday = 1 + ((7 - firstWeekday) % 7);
  return [month, firstSunday + (n - 1) * 7];
}

export const SEASON_THEMES: readonly SeasonTheme[] = [
  {
    seasonId: 'springFestival',
    title: '春节年货',
    subtitle: '给长辈拜年、给家人添福',
    dayOf: (year) => LUNAR_DATES[year]?.springFestival ?? null,
    daysBefore: 21,
    daysAfter: 6,
  },
  {
    seasonId: 'valentines',
    title: '情人节心意',
    subtitle: '把喜欢说出口',
    dayOf: () => [2, 14],
    daysBefore: 13,
    daysAfter: 0,
  },
  {
    seasonId: 'mothersDay',
    title: '母亲节感恩',
    subtitle: '五月第二个星期日',
    dayOf: (year) => nthSunday(year, 5, 2),
    daysBefore: 14,
    daysAfter: 0,
  },
  {
    seasonId: 'fathersDay',
    title: '父亲节礼物',
    subtitle: '六月第三个星期日',
    dayOf: (year) => nthSunday(year, 6, 3),
    daysBefore: 14,
    daysAfter: 0,
  },
  {
    seasonId: 'midAutumn',
    title: '中秋团圆',
    subtitle: '月饼与好茶，送给想念的人',
    dayOf: (year) => LUNAR_DATES[year]?.midAutumn ?? null,
    daysBefore: 21,
    daysAfter: 0,
  },
  {
    seasonId: 'teachersDay',
    title: '教师节谢师',
    subtitle: '9 月 10 日，谢谢老师',
    dayOf: () => [9, 10],
    daysBefore: 14,
    daysAfter: 0,
  },
  {
    seasonId: 'christmas',
    title: '圣诞礼物季',
    subtitle: '拆礼物的快乐',
    dayOf: () => [12, 25],
    daysBefore: 24,
    daysAfter: 0,
  },
];

export interface SeasonWindow {
  seasonId: SeasonId;
  label: string;
  title: string;
  subtitle: string;
  /** first millisecond of the window (Beijing midnight) */
  startsAt: number;
  /** first millisecond after it */
  endsAt: number;
}

/** Beijing midnight of a Beijing date, as epoch ms. */
const chinaMidnight = (year: number, [month, day]: MonthDay): number =>
  Date.UTC(year, month - 1, day) - CHINA_OFFSET_MS;

export function seasonWindow(theme: SeasonTheme, year: number): SeasonWindow | null {
  const day = theme.dayOf(year);
  if (!day) return null;
  const festival = chinaMidnight(year, day);
  return {
    seasonId: theme.seasonId,
    label: SEASON_LABELS[theme.seasonId],
    title: theme.title,
    subtitle: theme.subtitle,
    startsAt: festival - theme.daysBefore * DAY_MS,
    endsAt: festival + (theme.daysAfter + 1) * DAY_MS,
  };
}

/** The collections showing at `now`, in the order of their festival day. */
export function activeSeasons(now: number): SeasonWindow[] {
  const year = new Date(now + CHINA_OFFSET_MS).getUTCFullYear();
  const windows: SeasonWindow[] = [];
  for (const theme of SEASON_THEMES) {
    // a window may start in the previous Beijing year (春节 in late January opens in early January)
    for (const candidateYear of [year, year + 1]) {
      const window = seasonWindow(theme, candidateYear);
      if (window && window.startsAt <= now && now < window.endsAt) windows.push(window);
    }
  }
  return windows.sort((a, b) => a.endsAt - b.endsAt);
}
