/**
 * The one typed contract of every client → cloud function call:
 * function name → action → { req, res }. Both `callCloud` (client) and the
 * function handlers (server) are typed by it. Documented in docs/contracts.md.
 */
import type { Result } from './result';

export type Fen = number;

export interface Category {
  categoryId: string;
  name: string;
  icon: string;
  /** false for jewellery and education/training (gift rules) */
  giftable: boolean;
}

export type ProductSort = 'default' | 'sales' | 'priceAsc' | 'priceDesc';

export interface ProductSummary {
  productId: string;
  name: string;
  categoryId: string;
  image: string;
  priceMin: Fen;
  priceMax: Fen;
  sales: number;
  giftable: boolean;
}

export interface Sku {
  skuId: string;
  /** e.g. { 颜色: '红色', 尺码: 'M' } */
  specs: Record<string, string>;
  price: Fen;
  stock: number;
}

export interface Product {
  productId: string;
  name: string;
  categoryId: string;
  categoryName: string;
  images: string[];
  description: string;
  detailImages: string[];
  priceMin: Fen;
  priceMax: Fen;
  sales: number;
  onShelf: boolean;
  /** whether the product as a whole can be sent as a gift, and why not */
  giftable: boolean;
  giftBlockedReason?: { code: string; message: string };
  /** spec names in display order, e.g. ['颜色', '尺码'] */
  specNames: string[];
  skus: Sku[];
}

export interface ShopContract {
  listCategories: { req: Record<string, never>; res: Category[] };
  listProducts: {
    req: { categoryId?: string; keyword?: string; sort?: ProductSort; cursor?: string; limit?: number };
    res: { items: ProductSummary[]; nextCursor: string | null };
  };
  getProduct: { req: { productId: string }; res: Product };
}

/** function name → its actions. Later issues add order, gift, ... here. */
export interface CloudContract {
  shop: ShopContract;
}

export type FunctionName = keyof CloudContract;
export type ActionName<F extends FunctionName> = keyof CloudContract[F] & string;
type Entry<F extends FunctionName, A extends ActionName<F>> = CloudContract[F][A] extends { req: infer Q; res: infer S }
  ? { req: Q; res: S }
  : never;
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A>['req'];
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A>['res'];
/** The event a client sends: `{ action, ...request }`. */
export type EventOf<F extends FunctionName, A extends ActionName<F>> = { action: A } & RequestOf<F, A>;
export type AnswerOf<F extends FunctionName, A extends ActionName<F>> = Result<ResponseOf<F, A>>;
