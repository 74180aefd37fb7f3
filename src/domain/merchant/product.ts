/**
 * The merchant's product editor (merchant.saveProduct): the request, its rules with one code per
 * mistake (MERCHANT.*), and the editor's view of a product. The same check runs in the editor before
 * a round trip and in the function, which decides.
 *
 * Stock: `stock` is what buyers can still take (units held by unpaid orders and waiting gifts are
 * already out of it). An existing SKU's stock changes only from the value the editor showed
 * (`expectedStock`) to the new one, in one conditional update, so an order that took units in
 * between is never overwritten: the save answers MERCHANT.STOCK_CHANGED instead.
 */
import type { ErrorSpec } from '@domain/errors';
import { failWith } from '@domain/errors';
import { isFen, yuanToFen, type Fen } from '@domain/money';
import { productGiftEligibility } from '@domain/product/gift';
import { giftTagsOf, productGiftTagsSchema, type ProductGiftTags } from '@domain/finder/tags';
import { ok, type Result } from '@domain/result';
import { cleanText, countChars } from '@domain/text';
import { isAvatarUrl } from '@domain/user/profile';
import { MerchantErrors } from './errors';

export type { MerchantProduct, MerchantProductSummary, MerchantSku, SaveProductRequest, SkuDraft } from './types';

export const PRODUCT_NAME_MAX_CHARS = 40;
export const PRODUCT_DESCRIPTION_MAX_CHARS = 2000;
export const PRODUCT_IMAGES_MAX = 9;
export const SPEC_NAMES_MAX = 3;
export const SPEC_TEXT_MAX_CHARS = 20;
export const SKUS_MAX = 50;
/** ¥999,999.99: above anything this shop sells, below any overflow. */
export const SKU_PRICE_MAX_FEN: Fen = 99_999_999;
export const SKU_STOCK_MAX = 999_999;

const ID = /^[0-9A-Za-z_-]{1,64}$/;

/** A request that passed every rule: text normalised, defaults filled in. */
export interface ProductDraft {
  productId: string | null;
  name: string;
  categoryId: string;
  description: string;
  images: string[];
  specNames: string[];
  skus: Array<{
    skuId: string | null;
    specs: Record<string, string>;
    price: Fen;
    stock: number;
    expectedStock: number | null;
    onShelf: boolean;
  }>;
  onShelf: boolean;
  tags: ProductGiftTags | null;
}

const refuse = (spec: ErrorSpec, detail?: string) =>
  failWith(spec, detail ? `${spec.message}：${detail}` : spec.message);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A one-line text field: cleaned, or the failure naming it. */
function lineText(value: unknown, field: string, required: ErrorSpec, maxChars: number, tooLong: ErrorSpec) {
  if (typeof value !== 'string') return refuse(required, `${field}应为文本`);
  const cleaned = cleanText(value, field);
  if (!cleaned.ok) return failWith(MerchantErrors.INVALID_TEXT, cleaned.message);
  if (!cleaned.text) return failWith(required, `请填写${field}`);
  if (countChars(cleaned.text) > maxChars) return failWith(tooLong, `${field}不能超过${maxChars}个字`);
  return ok(cleaned.text);
}

/** '12.3' → 1230 fen; anything that is not a positive amount with at most two decimals → MERCHANT.INVALID_PRICE. */
export function parsePriceYuan(text: string): Result<Fen> {
  let fen: Fen;
  try {
    fen = yuanToFen(text);
  } catch {
    return failWith(MerchantErrors.INVALID_PRICE, '价格应为金额，最多两位小数，如 12.80');
  }
  return checkPrice(fen);
}

function checkPrice(price: unknown): Result<Fen> {
  if (!isFen(price)) return failWith(MerchantErrors.INVALID_PRICE, '价格应为整数分');
  if (price <= 0) return failWith(MerchantErrors.INVALID_PRICE, '价格必须大于0');
  if (price > SKU_PRICE_MAX_FEN) return failWith(MerchantErrors.INVALID_PRICE, '价格不能超过999999.99元');
  return ok(price);
}

const isStock = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= SKU_STOCK_MAX;

function checkSpecNames(value: unknown): Result<string[]> {
  if (!Array.isArray(value)) return refuse(MerchantErrors.INVALID_SPECS, '规格名应为列表');
  if (value.length > SPEC_NAMES_MAX) return refuse(MerchantErrors.INVALID_SPECS, `最多${SPEC_NAMES_MAX}种规格`);
  const names: string[] = [];
  for (const raw of value) {
    const name = lineText(
      raw,
      '规格名',
      MerchantErrors.INVALID_SPECS,
      SPEC_TEXT_MAX_CHARS,
      MerchantErrors.INVALID_SPECS,
    );
    if (!name.ok) return name;
    if (names.includes(name.data)) return refuse(MerchantErrors.INVALID_SPECS, `规格名「${name.data}」重复`);
    names.push(name.data);
  }
  return ok(names);
}

function checkSku(raw: unknown, index: number, specNames: readonly string[]): Result<ProductDraft['skus'][number]> {
  const label = `第${index + 1}个规格`;
  if (!isRecord(raw)) return refuse(MerchantErrors.INVALID_SPECS, `${label}格式不正确`);
  let skuId: string | null = null;
  if (raw.skuId !== undefined) {
    if (typeof raw.skuId !== 'string' || !ID.test(raw.skuId)) return refuse(MerchantErrors.SKU_NOT_FOUND, label);
    skuId = raw.skuId;
  }
  if (!isRecord(raw.specs)) return refuse(MerchantErrors.INVALID_SPECS, `${label}缺少规格值`);
  const keys = Object.keys(raw.specs);
  if (keys.length !== specNames.length || !keys.every((key) => specNames.includes(key)))
    return refuse(MerchantErrors.INVALID_SPECS, `${label}的规格应为：${specNames.join('、') || '无'}`);
  const specs: Record<string, string> = {};
  for (const name of specNames) {
    const value = lineText(
      raw.specs[name],
      name,
      MerchantErrors.INVALID_SPECS,
      SPEC_TEXT_MAX_CHARS,
      MerchantErrors.INVALID_SPECS,
    );
    if (!value.ok) return value;
    specs[name] = value.data;
  }
  const price = checkPrice(raw.price);
  if (!price.ok) return failWith(MerchantErrors.INVALID_PRICE, `${label}：${price.message}`);
  if (!isStock(raw.stock)) return refuse(MerchantErrors.INVALID_STOCK, `${label}的库存应为0-${SKU_STOCK_MAX}的整数`);
  let expectedStock: number | null = null;
  if (skuId !== null) {
    if (!isStock(raw.expectedStock)) return refuse(MerchantErrors.INVALID_STOCK, `${label}缺少原库存`);
    expectedStock = raw.expectedStock;
  }
  if (raw.onShelf !== undefined && typeof raw.onShelf !== 'boolean')
    return refuse(MerchantErrors.INVALID_SPECS, `${label}的上架状态不正确`);
  return ok({ skuId, specs, price: price.data, stock: raw.stock, expectedStock, onShelf: raw.onShelf !== false });
}

/** Every rule of the editor except "the category exists" (the server looks that up). */
export function checkProductDraft(input: unknown): Result<ProductDraft> {
  if (!isRecord(input)) return refuse(MerchantErrors.INVALID_SPECS, '请求格式不正确');
  let productId: string | null = null;
  if (input.productId !== undefined) {
    if (typeof input.productId !== 'string' || !ID.test(input.productId))
      return failWith(MerchantErrors.PRODUCT_NOT_FOUND);
    productId = input.productId;
  }
  const name = lineText(
    input.name,
    '商品名称',
    MerchantErrors.NAME_REQUIRED,
    PRODUCT_NAME_MAX_CHARS,
    MerchantErrors.NAME_TOO_LONG,
  );
  if (!name.ok) return name;
  if (typeof input.categoryId !== 'string' || !ID.test(input.categoryId))
    return failWith(MerchantErrors.UNKNOWN_CATEGORY);

  let description = '';
  if (input.description !== undefined) {
    if (typeof input.description !== 'string') return refuse(MerchantErrors.INVALID_TEXT, '商品描述应为文本');
    const cleaned = cleanText(input.description, '商品描述', { multiline: true });
    if (!cleaned.ok) return failWith(MerchantErrors.INVALID_TEXT, cleaned.message);
    if (countChars(cleaned.text) > PRODUCT_DESCRIPTION_MAX_CHARS)
      return failWith(MerchantErrors.INVALID_TEXT, `商品描述不能超过${PRODUCT_DESCRIPTION_MAX_CHARS}个字`);
    description = cleaned.text;
  }

  if (!Array.isArray(input.images) || input.images.length === 0) return failWith(MerchantErrors.IMAGE_REQUIRED);
  if (input.images.length > PRODUCT_IMAGES_MAX)
    return refuse(MerchantErrors.INVALID_IMAGE, `最多${PRODUCT_IMAGES_MAX}张图片`);
  const images: string[] = [];
  for (const image of input.images) {
    if (typeof image !== 'string' || !isAvatarUrl(image.trim())) return failWith(MerchantErrors.INVALID_IMAGE);
    images.push(image.trim());
  }

  const specNames = checkSpecNames(input.specNames ?? []);
  if (!specNames.ok) return specNames;

  if (!Array.isArray(input.skus) || input.skus.length === 0) return failWith(MerchantErrors.NO_SKUS);
  if (input.skus.length > SKUS_MAX) return refuse(MerchantErrors.TOO_MANY_SKUS, `最多${SKUS_MAX}个`);
  const skus: ProductDraft['skus'] = [];
  const seen = new Set<string>();
  for (const [index, raw] of input.skus.entries()) {
    const sku = checkSku(raw, index, specNames.data);
    if (!sku.ok) return sku;
    const key = JSON.stringify(specNames.data.map((specName) => sku.data.specs[specName]));
    if (seen.has(key)) return refuse(MerchantErrors.DUPLICATE_SKU, skuText(sku.data.specs, specNames.data));
    if (sku.data.skuId && skus.some((other) => other.skuId === sku.data.skuId))
      return refuse(MerchantErrors.DUPLICATE_SKU, sku.data.skuId);
    seen.add(key);
    skus.push(sku.data);
  }
  if (typeof input.onShelf !== 'boolean') return refuse(MerchantErrors.INVALID_SPECS, '请选择是否上架');

  let tags: ProductGiftTags | null = null;
  if (input.tags !== undefined) {
    const parsed = productGiftTagsSchema.safeParse(input.tags);
    if (!parsed.success) return failWith(MerchantErrors.INVALID_TAGS);
    const brand = cleanText(parsed.data.brand, '品牌');
    if (!brand.ok) return failWith(MerchantErrors.INVALID_TEXT, brand.message);
    tags = { ...giftTagsOf(parsed.data), brand: brand.text };
  }

  return ok({
    productId,
    name: name.data,
    categoryId: input.categoryId,
    description,
    images,
    specNames: specNames.data,
    skus,
    onShelf: input.onShelf,
    tags,
  });
}

const skuText = (specs: Record<string, string>, specNames: readonly string[]): string =>
  specNames.map((name) => specs[name]).join(' / ') || '默认';

/** Every combination of the spec values, in order: {颜色:[红,蓝], 尺码:[S]} → [{颜色:红,尺码:S}, {颜色:蓝,尺码:S}]. */
export function specCombinations(
  groups: ReadonlyArray<{ name: string; values: readonly string[] }>,
): Array<Record<string, string>> {
  let combinations: Array<Record<string, string>> = [{}];
  for (const group of groups) {
    combinations = combinations.flatMap((partial) =>
      group.values.map((value) => ({ ...partial, [group.name]: value })),
    );
  }
  return combinations;
}

/** The lowest and highest price of the SKUs buyers can pick (all of them when none is on shelf). */
export function priceRange(skus: ReadonlyArray<{ price: Fen; onShelf: boolean }>): { priceMin: Fen; priceMax: Fen } {
  const listed = skus.filter((sku) => sku.onShelf);
  const prices = (listed.length > 0 ? listed : skus).map((sku) => sku.price);
  return prices.length > 0
    ? { priceMin: Math.min(...prices), priceMax: Math.max(...prices) }
    : { priceMin: 0, priceMax: 0 };
}

/** Why a product cannot be gifted, as the editor and the list show it (null when it can). */
export function giftBlockOf(
  category: { categoryId: string; categoryName: string },
  skus: ReadonlyArray<{ price: Fen; onShelf: boolean }>,
): { code: string; message: string } | null {
  const listed = skus.filter((sku) => sku.onShelf).map((sku) => sku.price);
  const eligibility = productGiftEligibility(category, listed);
  return eligibility.allowed ? null : { code: eligibility.code, message: eligibility.message };
}
