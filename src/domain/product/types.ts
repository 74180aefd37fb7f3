/**
 * The catalogue's database documents (collections `categories`, `products`, `skus`), as stored.
 * The shapes the client sees are in ../contracts.ts; ./mapping.ts turns one into the other.
 * Documented in docs/contracts.md.
 */
import type { OccasionTag, RecipientTag, SeasonId } from '@domain/finder/tags';
import type { Fen } from '@domain/money';

export interface CategoryRecord {
  _id: string;
  name: string;
  /** image URL, e.g. '/static/products/category-food.svg' */
  icon: string;
  /** display order, ascending */
  sort: number;
  /** false for 珠宝首饰 and 教育培训 (gift rules) */
  giftable: boolean;
}

export interface ProductRecord {
  _id: string;
  name: string;
  categoryId: string;
  /** copied from the category so that keyword search is one indexed-collection query */
  categoryName: string;
  images: string[];
  description: string;
  detailImages: string[];
  /** lowest / highest on-shelf SKU price, kept in step with the skus collection */
  priceMin: Fen;
  priceMax: Fen;
  sales: number;
  onShelf: boolean;
  specNames: string[];
  createdAt: Date;
  /**
   * Gift-finder fields (src/domain/finder/tags.ts; read through giftTagsOf): optional because documents
   * written before issue 13, or by hand in the console, lack them — such a product reads as untagged.
   */
  brand?: string;
  recipientTags?: RecipientTag[];
  occasionTags?: OccasionTag[];
  seasonTags?: SeasonId[];
  /**
   * The finder's rank key (src/domain/finder/stats.ts acceptanceScore), written by the giftStats timer;
   * a product it has not scored yet sorts after scored ones until the next run gives it the neutral score.
   */
  giftScore?: number;
  /** when the timer last wrote giftScore (ms) */
  giftScoreAt?: number;
}

export interface SkuRecord {
  _id: string;
  productId: string;
  /** spec name → option, e.g. { 颜色: '红色', 尺码: 'M' } */
  specs: Record<string, string>;
  price: Fen;
  stock: number;
  sales: number;
  onShelf: boolean;
}
