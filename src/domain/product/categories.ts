/**
 * The catalogue's category ids. The seed catalogue uses exactly these; the gift rule below keys on
 * them (and on the Chinese names, for documents created by hand in the console).
 */
export const CategoryIds = {
  food: 'food',
  flowers: 'flowers',
  beauty: 'beauty',
  digital: 'digital',
  home: 'home',
  fashion: 'fashion',
  baby: 'baby',
  jewellery: 'jewellery',
  education: 'education',
  books: 'books',
} as const;

export type KnownCategoryId = (typeof CategoryIds)[keyof typeof CategoryIds];

/** Gift rules: jewellery (珠宝首饰) and education/training (教育培训) cannot be gifted. */
export const NON_GIFTABLE_CATEGORY_IDS: readonly string[] = [CategoryIds.jewellery, CategoryIds.education];
export const NON_GIFTABLE_CATEGORY_NAMES: readonly string[] = ['珠宝首饰', '教育培训'];
