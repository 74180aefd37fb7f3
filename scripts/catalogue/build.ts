/** Catalogue definitions → the documents of `categories`, `products` and `skus`. Pure and deterministic. */
import { yuanToFen } from '@domain/money';
import { UNGIFTED_SCORE } from '@domain/finder/stats';
import { isCategoryGiftable } from '@domain/product/gift';
import type { CategoryRecord, ProductRecord, SkuRecord } from '@domain/product/types';
import { CATEGORY_DEFINITIONS, PRODUCT_DEFINITIONS, type ProductDefinition } from './definition';
import { categoryIconFile, productDetailImageFile, productImageFiles, publicUrl } from './images';
import { giftTagsFor } from './giftTags';

export interface CatalogueDocuments {
  categories: CategoryRecord[];
  products: ProductRecord[];
  skus: SkuRecord[];
}

/** Catalogue products were "created" a day apart from here on (UTC+8 midnight, 2026-10-01). */
const CATALOGUE_EPOCH_MS = Date.UTC(2026, 8, 30, 16, 0, 0);
const DAY_MS = 24 * 60 * 60 * 1000;

/** Shares `total` over `count` SKUs, the first ones selling most; the shares add up to `total`. */
export function shareSales(total: number, count: number): number[] {
  if (count <= 0) return [];
  const weights = Array.from({ length: count }, (_, index) => count - index);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = weights.map((weight) => Math.floor((total * weight) / weightSum));
  const remainder = total - shares.reduce((sum, share) => sum + share, 0);
  shares[0] = (shares[0] ?? 0) + remainder;
  return shares;
}

export const skuId = (productId: string, index: number): string =>
  `${productId}-sku${String(index + 1).padStart(2, '0')}`;

function buildSkus(definition: ProductDefinition): SkuRecord[] {
  const sales = shareSales(definition.sales, definition.skus.length);
  return definition.skus.map((sku, index) => ({
    _id: skuId(definition.id, index),
    productId: definition.id,
    specs: { ...sku.specs },
    price: yuanToFen(sku.price),
    stock: sku.stock,
    sales: sales[index] ?? 0,
    onShelf: sku.onShelf ?? true,
  }));
}

export function buildCatalogue(): CatalogueDocuments {
  const categories: CategoryRecord[] = CATEGORY_DEFINITIONS.map((category) => ({
    _id: category.id,
    name: category.name,
    icon: publicUrl(categoryIconFile(category.id)),
    sort: category.sort,
    giftable: isCategoryGiftable(category.id),
  }));
  const categoryNames = new Map(categories.map((category) => [category._id, category.name]));

  const products: ProductRecord[] = [];
  const skus: SkuRecord[] = [];
  PRODUCT_DEFINITIONS.forEach((definition, index) => {
    const categoryName = categoryNames.get(definition.categoryId);
    if (!categoryName) throw new Error(`${definition.id}: unknown category ${definition.categoryId}`);
    const productSkus = buildSkus(definition);
    const onShelfSkus = productSkus.filter((sku) => sku.onShelf);
    const prices = (onShelfSkus.length > 0 ? onShelfSkus : productSkus).map((sku) => sku.price);
    products.push({
      _id: definition.id,
      name: definition.name,
      categoryId: definition.categoryId,
      categoryName,
      images: productImageFiles(definition.id).map(publicUrl),
      description: definition.description,
      detailImages: [publicUrl(productDetailImageFile(definition.id))],
      priceMin: Math.min(...prices),
      priceMax: Math.max(...prices),
      sales: definition.sales,
      onShelf: definition.onShelf ?? true,
      specNames: [...definition.specNames],
      createdAt: new Date(CATALOGUE_EPOCH_MS + index * DAY_MS),
      ...giftTagsFor(definition.id),
      // neutral until the giftStats timer scores it from real gifts
      giftScore: UNGIFTED_SCORE,
    });
    skus.push(...productSkus);
  });
  return { categories, products, skus };
}
