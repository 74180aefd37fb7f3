/** Catalogue documents → the shapes of the shop contract (what the client sees). */
import type { Category, Product, ProductSummary, Sku } from '@domain/contracts';
import { isCategoryGiftable, productGiftEligibility } from './gift';
import type { CategoryRecord, ProductRecord, SkuRecord } from './types';

const categoryOf = (product: ProductRecord) => ({
  categoryId: product.categoryId,
  categoryName: product.categoryName,
});

export const toCategory = (record: CategoryRecord): Category => ({
  categoryId: record._id,
  name: record.name,
  icon: record.icon,
  giftable: isCategoryGiftable(record),
});

/** priceMin is the cheapest SKU, so "some SKU within the gift limit" is priceMin within it. */
export const toProductSummary = (record: ProductRecord): ProductSummary => ({
  productId: record._id,
  name: record.name,
  categoryId: record.categoryId,
  image: record.images[0] ?? '',
  priceMin: record.priceMin,
  priceMax: record.priceMax,
  sales: record.sales,
  giftable: productGiftEligibility(categoryOf(record), [record.priceMin]).allowed,
});

export const toSku = (record: SkuRecord): Sku => ({
  skuId: record._id,
  specs: { ...record.specs },
  price: record.price,
  stock: Math.max(0, record.stock),
});

/**
 * The product page: only on-shelf SKUs are offered (sold-out ones included, with stock 0).
 * The price range is taken from those SKUs so it always agrees with the picker.
 */
export function toProduct(record: ProductRecord, skuRecords: readonly SkuRecord[]): Product {
  const skus = skuRecords.filter((sku) => sku.productId === record._id && sku.onShelf).map(toSku);
  const prices = skus.map((sku) => sku.price);
  const eligibility = productGiftEligibility(categoryOf(record), prices);
  return {
    productId: record._id,
    name: record.name,
    categoryId: record.categoryId,
    categoryName: record.categoryName,
    images: [...record.images],
    description: record.description,
    detailImages: [...record.detailImages],
    priceMin: prices.length > 0 ? Math.min(...prices) : record.priceMin,
    priceMax: prices.length > 0 ? Math.max(...prices) : record.priceMax,
    sales: record.sales,
    onShelf: record.onShelf,
    giftable: eligibility.allowed,
    ...(eligibility.allowed ? {} : { giftBlockedReason: { code: eligibility.code, message: eligibility.message } }),
    specNames: [...record.specNames],
    skus,
  };
}
