/**
 * The merchant function's shapes that src/domain/contracts.ts names (kept apart from the rules in
 * ./product.ts and ./requests.ts, so the contract imports types only and no cycle runs through it).
 */
import type { ProductGiftTags } from '@domain/finder/tags';
import type { Fen } from '@domain/money';

export interface SkuDraft {
  /** absent for a new SKU */
  skuId?: string;
  /** spec name → value, exactly the product's specNames ({} when it has none) */
  specs: Record<string, string>;
  price: Fen;
  stock: number;
  /** an existing SKU's stock as the editor showed it (required with skuId) */
  expectedStock?: number;
  /** default true */
  onShelf?: boolean;
}

export interface SaveProductRequest {
  /** absent: create a product */
  productId?: string;
  name: string;
  categoryId: string;
  description?: string;
  images: string[];
  specNames: string[];
  skus: SkuDraft[];
  onShelf: boolean;
  /** gift-finder tags and brand; absent keeps them as they are (untagged for a new product) */
  tags?: ProductGiftTags;
}

export interface MerchantSku {
  skuId: string;
  specs: Record<string, string>;
  price: Fen;
  /** what buyers can still take */
  stock: number;
  sales: number;
  onShelf: boolean;
}

export interface MerchantProduct {
  productId: string;
  name: string;
  categoryId: string;
  categoryName: string;
  description: string;
  images: string[];
  specNames: string[];
  onShelf: boolean;
  priceMin: Fen;
  priceMax: Fen;
  sales: number;
  skus: MerchantSku[];
  giftable: boolean;
  /** why it cannot be sent as a gift (category rule or price limit) */
  giftBlockedReason: { code: string; message: string } | null;
  tags: ProductGiftTags;
}

export interface MerchantProductSummary {
  productId: string;
  name: string;
  image: string;
  categoryName: string;
  priceMin: Fen;
  priceMax: Fen;
  onShelf: boolean;
  sales: number;
  totalStock: number;
  skuCount: number;
  giftable: boolean;
  giftBlockedReason: { code: string; message: string } | null;
}

/** `merchant.whoami`: anybody may ask; only merchants see the 店铺管理 entry. */
export interface MerchantIdentity {
  isMerchant: boolean;
  /** the merchant's shop name from the `merchants` document; null for everybody else */
  name: string | null;
}

export interface MerchantProductListRequest {
  /** true: on shelf only, false: off shelf only, absent: all */
  onShelf?: boolean;
  cursor?: string;
  /** 1..50, default 20 */
  limit?: number;
}
