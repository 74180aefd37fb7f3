/**
 * The product editor's form: what the merchant types (prices as yuan text, spec values as a list) and
 * how it becomes a `merchant.saveProduct` request. Prices are parsed from the decimal text
 * (parsePriceYuan → integer fen), never through floats.
 */
import type { ProductGiftTags } from '@domain/finder/tags';
import { fenToYuanText } from '@domain/money';
import {
  parsePriceYuan,
  specCombinations,
  type MerchantProduct,
  type SaveProductRequest,
  type SkuDraft,
} from '@domain/merchant/product';
import { MerchantErrors } from '@domain/merchant/errors';
import { fail, ok, type Result } from '@domain/result';

export interface SpecGroupForm {
  name: string;
  /** the options, e.g. ['红色', '蓝色'] */
  values: string[];
}

export interface SkuRowForm {
  specs: Record<string, string>;
  skuId?: string;
  priceText: string;
  stockText: string;
  /** the stock the editor loaded (existing SKUs) */
  expectedStock?: number;
}

export interface ProductForm {
  productId?: string;
  name: string;
  categoryId: string;
  description: string;
  images: string[];
  specGroups: SpecGroupForm[];
  rows: SkuRowForm[];
  onShelf: boolean;
  tags: ProductGiftTags;
}

export const emptyForm = (categoryId = ''): ProductForm => ({
  name: '',
  categoryId,
  description: '',
  images: [],
  specGroups: [],
  rows: [{ specs: {}, priceText: '', stockText: '' }],
  onShelf: true,
  tags: { brand: '', recipientTags: [], occasionTags: [], seasonTags: [] },
});

/** An existing product as the form shows it: its listed SKUs (taken-off ones are left out). */
export function formOf(product: MerchantProduct): ProductForm {
  const listed = product.skus.filter((sku) => sku.onShelf || !product.onShelf);
  const skus = listed.length > 0 ? listed : product.skus;
  return {
    productId: product.productId,
    name: product.name,
    categoryId: product.categoryId,
    description: product.description,
    images: [...product.images],
    specGroups: product.specNames.map((name) => ({
      name,
      values: [...new Set(skus.map((sku) => sku.specs[name]).filter((v): v is string => v !== undefined))],
    })),
    rows: skus.map((sku) => ({
      specs: { ...sku.specs },
      skuId: sku.skuId,
      priceText: fenToYuanText(sku.price),
      stockText: String(sku.stock),
      expectedStock: sku.stock,
    })),
    onShelf: product.onShelf,
    tags: { ...product.tags },
  };
}

const sameSpecs = (a: Record<string, string>, b: Record<string, string>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** The rows after the spec groups changed: one per combination, keeping what was typed for the ones that stay. */
export function rowsFor(groups: readonly SpecGroupForm[], previous: readonly SkuRowForm[]): SkuRowForm[] {
  const usable = groups.filter((group) => group.name.trim() && group.values.length > 0);
  return specCombinations(usable.map((group) => ({ name: group.name.trim(), values: group.values }))).map(
    (specs) => previous.find((row) => sameSpecs(row.specs, specs)) ?? { specs, priceText: '', stockText: '' },
  );
}

/** '12' → 12; anything but a whole number of units is refused with MERCHANT.INVALID_STOCK. */
function parseStock(text: string, label: string): Result<number> {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return fail(MerchantErrors.INVALID_STOCK.code, `${label}的库存应为0-999999的整数`);
  return ok(Number(trimmed));
}

/** The form as a saveProduct request, or the first thing to fix (a price or a stock the person typed). */
export function requestOf(form: ProductForm): Result<SaveProductRequest> {
  const specNames = form.specGroups.filter((g) => g.name.trim() && g.values.length > 0).map((g) => g.name.trim());
  const skus: SkuDraft[] = [];
  for (const [index, row] of form.rows.entries()) {
    const label = Object.values(row.specs).join(' / ') || `第${index + 1}个规格`;
    const price = parsePriceYuan(row.priceText);
    if (!price.ok) return fail(price.code, `${label}：${price.message}`);
    const stock = parseStock(row.stockText, label);
    if (!stock.ok) return stock;
    skus.push({
      specs: row.specs,
      price: price.data,
      stock: stock.data,
      ...(row.skuId ? { skuId: row.skuId, expectedStock: row.expectedStock ?? stock.data } : {}),
    });
  }
  return ok({
    ...(form.productId ? { productId: form.productId } : {}),
    name: form.name,
    categoryId: form.categoryId,
    description: form.description,
    images: form.images,
    specNames,
    skus,
    onShelf: form.onShelf,
    tags: form.tags,
  });
}
