/**
 * Gift-finder tags a product carries (issue 13): who it suits, for which occasion, which festival
 * collections it belongs to, and its brand (品牌飙升榜). The ids are stable (stored in documents and
 * sent in requests); the labels are what people read.
 */
import * as z from 'zod';

export const RECIPIENT_TAGS = ['elder', 'partner', 'friend', 'child', 'colleague', 'teacher'] as const;
export type RecipientTag = (typeof RECIPIENT_TAGS)[number];
export const RECIPIENT_LABELS: Readonly<Record<RecipientTag, string>> = {
  elder: '长辈',
  partner: '伴侣',
  friend: '朋友',
  child: '孩子',
  colleague: '同事',
  teacher: '老师',
};

export const OCCASION_TAGS = ['birthday', 'festival', 'thanks', 'congrats', 'visit', 'daily'] as const;
export type OccasionTag = (typeof OCCASION_TAGS)[number];
export const OCCASION_LABELS: Readonly<Record<OccasionTag, string>> = {
  birthday: '生日',
  festival: '节日',
  thanks: '感谢',
  congrats: '祝贺',
  visit: '探望',
  daily: '日常',
};

/** Festival collections (see ./seasons.ts for their date windows). */
export const SEASON_IDS = [
  'springFestival',
  'valentines',
  'mothersDay',
  'fathersDay',
  'midAutumn',
  'teachersDay',
  'christmas',
] as const;
export type SeasonId = (typeof SEASON_IDS)[number];
export const SEASON_LABELS: Readonly<Record<SeasonId, string>> = {
  springFestival: '春节',
  valentines: '情人节',
  mothersDay: '母亲节',
  fathersDay: '父亲节',
  midAutumn: '中秋',
  teachersDay: '教师节',
  christmas: '圣诞',
};

export const BRAND_MAX_LENGTH = 30;

/** The finder fields of a product, as stored on `products` documents and as the merchant edits them. */
export interface ProductGiftTags {
  /** 品牌, e.g. '稻香村'; '' when the product has none */
  brand: string;
  recipientTags: RecipientTag[];
  occasionTags: OccasionTag[];
  seasonTags: SeasonId[];
}

/** Validation of the tags (e.g. for the merchant's product editor): known ids only, no repeats. */
const uniqueList = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .array(z.enum(values))
    .max(values.length)
    .refine((list) => new Set(list).size === list.length, '标签不能重复');

export const productGiftTagsSchema = z.object({
  brand: z.string().trim().max(BRAND_MAX_LENGTH),
  recipientTags: uniqueList(RECIPIENT_TAGS),
  occasionTags: uniqueList(OCCASION_TAGS),
  seasonTags: uniqueList(SEASON_IDS),
});

/** A document written before the tags existed (or by hand in the console) reads as untagged. */
export const giftTagsOf = (record: Partial<ProductGiftTags>): ProductGiftTags => ({
  brand: record.brand ?? '',
  recipientTags: [...(record.recipientTags ?? [])],
  occasionTags: [...(record.occasionTags ?? [])],
  seasonTags: [...(record.seasonTags ?? [])],
});
