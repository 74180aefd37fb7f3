/**
 * Shop data for pages: products and categories. Pages never see where data comes from or raw
 * image paths; they get display-ready view models (prices in fen plus their text, resolved URLs).
 */
import type { Category, Product, ProductSort, ProductSummary, Sku } from '@domain/contracts';
import { giftEligibility } from '@domain/product/gift';
import { formatFen, formatFenRange } from '@domain/money';
import type { Result } from '@domain/result';
import { ok } from '@domain/result';
import { resolveImageUrl } from '@/platform/images';
import { callCloud } from './cloud';

export const PRODUCT_PAGE_SIZE = 10;

export interface ProductCardView extends ProductSummary {
  imageUrl: string;
  priceText: string;
}

export interface ProductPage {
  items: ProductCardView[];
  nextCursor: string | null;
}

export interface SkuView extends Sku {
  /** '颜色：红色 / 尺码：M' in the product's spec order */
  specText: string;
  priceText: string;
  inStock: boolean;
  /** why this SKU cannot be sent as a gift (category, or unit price above ¥10,000), null when it can */
  giftBlockedText: string | null;
}

export interface CategoryView extends Category {
  iconUrl: string;
}

export interface ProductDetailView extends Product {
  imageUrls: string[];
  detailImageUrls: string[];
  priceText: string;
  skuViews: SkuView[];
  /** why the product cannot be sent as a gift, when it cannot */
  giftBlockedText: string | null;
}

export interface ProductQuery {
  categoryId?: string;
  keyword?: string;
  sort?: ProductSort;
  cursor?: string | null;
}

const mapResult = <T, U>(result: Result<T>, map: (data: T) => U): Result<U> =>
  result.ok ? ok(map(result.data)) : result;

export const toProductCard = (summary: ProductSummary): ProductCardView => ({
  ...summary,
  imageUrl: resolveImageUrl(summary.image),
  priceText: formatFen(summary.priceMin),
});

export async function listProducts(query: ProductQuery = {}): Promise<Result<ProductPage>> {
  const { cursor, ...filters } = query;
  const answer = await callCloud('shop', {
    action: 'listProducts',
    ...filters,
    ...(cursor ? { cursor } : {}),
    limit: PRODUCT_PAGE_SIZE,
  });
  return mapResult(answer, (page) => ({ items: page.items.map(toProductCard), nextCursor: page.nextCursor }));
}

const specTextOf = (sku: Sku, specNames: readonly string[]): string => {
  const ordered = [...specNames, ...Object.keys(sku.specs).filter((name) => !specNames.includes(name))];
  return ordered
    .filter((name) => sku.specs[name] !== undefined)
    .map((name) => `${name}：${sku.specs[name] ?? ''}`)
    .join(' / ');
};

const skuGiftBlockedText = (product: Product, price: number): string | null => {
  const eligibility = giftEligibility(
    { categoryId: product.categoryId, categoryName: product.categoryName, giftable: product.giftable || undefined },
    price,
  );
  if (eligibility.allowed) return product.giftable ? null : (product.giftBlockedReason?.message ?? null);
  return eligibility.message;
};

export const toProductDetail = (product: Product): ProductDetailView => ({
  ...product,
  imageUrls: product.images.map(resolveImageUrl),
  detailImageUrls: product.detailImages.map(resolveImageUrl),
  priceText: formatFenRange(product.priceMin, product.priceMax),
  skuViews: product.skus.map((sku) => ({
    ...sku,
    specText: specTextOf(sku, product.specNames) || '默认规格',
    priceText: formatFen(sku.price),
    inStock: sku.stock > 0,
    giftBlockedText: skuGiftBlockedText(product, sku.price),
  })),
  giftBlockedText: product.giftable ? null : (product.giftBlockedReason?.message ?? '该商品暂不支持送礼物'),
});

export async function getProduct(productId: string): Promise<Result<ProductDetailView>> {
  const answer = await callCloud('shop', { action: 'getProduct', productId });
  return mapResult(answer, toProductDetail);
}

export async function listCategories(): Promise<Result<CategoryView[]>> {
  const answer = await callCloud('shop', { action: 'listCategories' });
  return mapResult(answer, (categories) =>
    categories.map((category) => ({ ...category, iconUrl: resolveImageUrl(category.icon) })),
  );
}
