/**
 * Every error code the shop answers, with its Chinese message, from the area tables where each is
 * defined once (src/domain/errors.ts, address.ts, gift/errors.ts, order/errors.ts, product/errors.ts, logistics/errors.ts).
 * The client reads messages from here and copies none. Its own file, so the area tables (which import
 * errors.ts) never import each other through it.
 */
import { AddressErrors } from './address';
import { AfterSaleErrors } from './afterSale/errors';
import { CommonErrors, NetworkErrors, type ErrorSpec } from './errors';
import { GiftErrors } from './gift/errors';
import { LogisticsErrors } from './logistics/errors';
import { MerchantErrors } from './merchant/errors';
import { OrderErrors, PaymentErrors } from './order/errors';
import { ShopErrors } from './product/errors';
import { WishlistErrors } from './wishlist/errors';

const AREA_TABLES: ReadonlyArray<Readonly<Record<string, ErrorSpec>>> = [
  CommonErrors,
  NetworkErrors,
  AddressErrors,
  ShopErrors,
  OrderErrors,
  PaymentErrors,
  GiftErrors,
  AfterSaleErrors,
  LogisticsErrors,
  MerchantErrors,
  WishlistErrors,
];

/** code → message, e.g. 'ORDER.OUT_OF_STOCK' → '库存不足'. */
export const ERROR_MESSAGES: ReadonlyMap<string, string> = new Map(
  AREA_TABLES.flatMap((table) => Object.values(table).map((spec) => [spec.code, spec.message] as const)),
);

/** The catalogue's message for a code; undefined for a code the shop never answers. */
export const messageForCode = (code: string): string | undefined => ERROR_MESSAGES.get(code);

/**
 * The Chinese text to show for a failure: its own message (the function's, which may be more precise
 * than the catalogue's, e.g. '库存不足，仅剩2件'), else the catalogue's for its code, else COMMON.INTERNAL's.
 */
export const failureMessage = (failure: { code: string; message?: string | null }): string =>
  failure.message?.trim() || messageForCode(failure.code) || CommonErrors.INTERNAL.message;
