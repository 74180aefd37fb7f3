/**
 * The merchant's 数据 dashboard: today and the last 7 days, counted per China day (UTC+8, no
 * daylight saving), from the one clock. The server groups each collection by `chinaDayNumber` in
 * the database; this file names the days and adds them up.
 */
import { DAY_MS, HOUR_MS } from '@domain/clock';
import type { Fen } from '@domain/money';

export const CHINA_OFFSET_MS = 8 * HOUR_MS;
export const DASHBOARD_DAYS = 7;
/** An on-shelf SKU with this many units or fewer is 库存紧张. */
export const LOW_STOCK_THRESHOLD = 5;
/** How many low-stock SKUs the dashboard names (the count covers all of them). */
export const LOW_STOCK_LIST_MAX = 10;

/** Days since 1970-01-01 in China time: the same number for every moment of one Beijing day. */
export const chinaDayNumber = (at: number): number => Math.floor((at + CHINA_OFFSET_MS) / DAY_MS);

/** The first millisecond (UTC epoch ms) of a China day. */
export const chinaDayStart = (day: number): number => day * DAY_MS - CHINA_OFFSET_MS;

/** '2026-12-01' for a China day number. */
export const chinaDayLabel = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export interface DashboardFigures {
  /** orders paid (self and gift orders) */
  paidOrders: number;
  /** what those orders paid, in fen */
  paidFee: Fen;
  /** gifts paid for (sent to a friend) */
  giftsSent: number;
  giftsAccepted: number;
  giftsExpired: number;
  /** gifts whose refund (declined or expired) completed */
  giftsRefunded: number;
}

export interface DashboardDay extends DashboardFigures {
  /** '2026-12-01' (China time) */
  date: string;
}

export interface LowStockSku {
  skuId: string;
  productId: string;
  productName: string;
  specs: Record<string, string>;
  stock: number;
}

export interface MerchantDashboard {
  /** when it was computed (ms) */
  generatedAt: number;
  today: DashboardFigures;
  last7Days: DashboardFigures;
  /** the 7 days, oldest first; the last one is today */
  days: DashboardDay[];
  /** after-sales waiting for the merchant: to approve or reject, or a returned parcel to receive */
  afterSalesWaiting: number;
  lowStockThreshold: number;
  lowStockCount: number;
  lowStockSkus: LowStockSku[];
}

export type DayCounts = ReadonlyMap<number, number>;

export const EMPTY_FIGURES: DashboardFigures = {
  paidOrders: 0,
  paidFee: 0,
  giftsSent: 0,
  giftsAccepted: 0,
  giftsExpired: 0,
  giftsRefunded: 0,
};

/** The window the dashboard covers: the China day numbers from 6 days ago to today, and its start. */
export function dashboardWindow(now: number): { days: number[]; since: number } {
  const today = chinaDayNumber(now);
  const days = Array.from({ length: DASHBOARD_DAYS }, (_, index) => today - (DASHBOARD_DAYS - 1) + index);
  return { days, since: chinaDayStart(days[0] ?? today) };
}

/** Per-day figures from per-day counts of each metric. */
export function dashboardDays(
  days: readonly number[],
  counts: { [K in keyof DashboardFigures]: DayCounts },
): DashboardDay[] {
  return days.map((day) => {
    const figures = Object.fromEntries(
      Object.entries(counts).map(([metric, byDay]) => [metric, byDay.get(day) ?? 0]),
    ) as unknown as DashboardFigures;
    return { date: chinaDayLabel(day), ...figures };
  });
}

export function sumFigures(days: readonly DashboardFigures[]): DashboardFigures {
  const total = { ...EMPTY_FIGURES };
  for (const day of days) for (const key of Object.keys(total) as Array<keyof DashboardFigures>) total[key] += day[key];
  return total;
}
