/**
 * The one typed contract of every client → cloud function call:
 * function name → action → { req, res }. Both `callCloud` (client) and the
 * function handlers (server) are typed by it. Documented in docs/contracts.md.
 */
import type { Address } from './address';
import type {
  AfterSaleEntry,
  AfterSaleStatus,
  AfterSaleView,
  ListAfterSalesRequest,
  MerchantAfterSaleView,
  OrderAfterSaleSummary,
  RequestAfterSaleRequest,
  ResolveAfterSaleRequest,
  SubmitReturnShippingRequest,
} from './afterSale/types';
import type { OrderStatus } from './order/machine';
import type { ParcelTracking } from './logistics/timeline';
import type { Result } from './result';
import type {
  AcceptGiftRequest,
  CreateGiftRequest,
  DeclineGiftRequest,
  GetGiftRequest,
  ListGiftsRequest,
  OpenGiftRequest,
  ShareCardRequest,
} from './gift/schemas';
import type { GiverGiftView, RecipientGiftView } from './gift/views';
import type { Fen } from './money';
import type { PriceBand } from './finder/priceBands';
import type { RankingKind } from './finder/requests';
import type { OccasionTag, RecipientTag } from './finder/tags';
import type { GiftRanking, SeasonalCollectionHead } from './finder/views';
import type { MerchantDashboard } from './merchant/dashboard';
import type {
  MerchantIdentity,
  MerchantProduct,
  MerchantProductListRequest,
  MerchantProductSummary,
  SaveProductRequest,
} from './merchant/types';
import type {
  AddWishRequest,
  MyWishlist,
  OpenWishlistRequest,
  RemoveWishRequest,
  SavePreferencesRequest,
  SharedWishlist,
  WishlistShare,
} from './wishlist/rules';

export type { Fen };

/** An action that takes no parameters: its event is just `{ action }`. */
export type NoParams = Record<never, never>;

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
  listCategories: { req: NoParams; res: Category[] };
  listProducts: {
    req: { categoryId?: string; keyword?: string; sort?: ProductSort; cursor?: string; limit?: number };
    res: { items: ProductSummary[]; nextCursor: string | null };
  };
  getProduct: { req: { productId: string }; res: Product };
  /** 礼物推荐 (issue 13): giftable products with a giftable SKU in the band, best accepted first */
  listGiftIdeas: { req: GiftIdeasRequest; res: { items: ProductSummary[]; nextCursor: string | null } };
  /** 送礼排行榜 / 品牌飙升榜, as the giftStats timer last computed them */
  giftRanking: { req: { kind: RankingKind; categoryId?: string }; res: GiftRanking };
  /** 送这个的人也送了: co-gifted products, topped up with products of the same recipient/occasion tags */
  listRelated: { req: { productId: string }; res: RelatedProducts };
  /** festival collections showing now (by the cloud's clock) */
  listSeasonal: { req: NoParams; res: { collections: SeasonalCollection[] } };
}

// ---- gift finder (issue 13): see docs/contracts.md "shop" ----

export type { GiftRanking, OccasionTag, PriceBand, RankingKind, RecipientTag };
export type { GiftedRankingItem, RisingBrandItem } from './finder/views';

export interface GiftIdeasRequest {
  recipient?: RecipientTag;
  occasion?: OccasionTag;
  /** 1 ≤¥50, 2 ¥50–100, 3 ¥100–200, 4 ¥200–500, 5 ¥500–1000, 6 >¥1000 (src/domain/finder/priceBands.ts) */
  priceBand?: PriceBand;
  cursor?: string;
  /** 1..50, default 20 */
  limit?: number;
}

export interface RelatedProducts {
  items: ProductSummary[];
  /** where the items came from: co-gifting alone, tags alone, or co-gifting topped up with tags */
  source: 'coGifting' | 'tags' | 'mixed';
}

export interface SeasonalCollection extends SeasonalCollectionHead {
  items: ProductSummary[];
}

// ---- gift (送礼物): see docs/contracts.md "gift" ----

/** What wx.requestPayment needs, as cloudPay.unifiedOrder returns it. */
export interface WxPaymentParams {
  appId?: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

export interface CreatedGift {
  giftId: string;
  /** the gift's order (same id as the gift: one order per gift) */
  orderId: string;
  outTradeNo: string;
  payment: WxPaymentParams;
}

/** What the giver's page needs to share the gift as a private chat card. */
export interface GiftShareCard {
  /** for wx.updateShareMenu({ isPrivateMessage: true, activityId, withShareTicket: true }) */
  activityId: string;
  /** unix seconds */
  activityExpiresAt: number;
  title: string;
  /** shown at 5:4 */
  imageUrl: string;
  /** `/packages/gift/pages/receive/index?giftId=…&token=…` */
  path: string;
}

export type GiftList = { role: 'sent'; items: GiverGiftView[] } | { role: 'received'; items: RecipientGiftView[] };

export interface GiftContract {
  createGift: { req: CreateGiftRequest; res: CreatedGift };
  /** the giver's view; to the recipient who accepted it, hers (with `shipping` once shipped) */
  getGift: { req: GetGiftRequest; res: GiverGiftView | RecipientGiftView };
  shareCard: { req: ShareCardRequest; res: GiftShareCard };
  openGift: { req: OpenGiftRequest; res: RecipientGiftView };
  acceptGift: { req: AcceptGiftRequest; res: RecipientGiftView };
  declineGift: { req: DeclineGiftRequest; res: RecipientGiftView };
  listGifts: { req: ListGiftsRequest; res: GiftList };
}

// ---- user: the caller's own profile (never an openid) ----

export interface UserProfile {
  nickname: string;
  /** '' when none */
  avatarUrl: string;
}

/** nickname: 1–20 characters after trimming; avatarUrl: https://, cloud:// or a site path */
export interface UpdateProfileRequest {
  nickname: string;
  avatarUrl?: string | undefined;
}

export interface UserContract {
  getProfile: { req: NoParams; res: UserProfile };
  updateProfile: { req: UpdateProfileRequest; res: UserProfile };
}

// ---- order: buying for oneself (gift orders show up here too, with kind 'gift') ----

export type { Address, OrderStatus };
export type {
  AfterSaleEntry,
  AfterSaleStatus,
  AfterSaleView,
  MerchantAfterSaleView,
  OrderAfterSaleSummary,
} from './afterSale/types';
export type { OrderBuyerAction, OrderCancelReason, OrderItem, OrderKind } from './order/basics';
import type { OrderBuyerAction, OrderCancelReason, OrderItem, OrderKind } from './order/basics';

export interface OrderShipping {
  /** the carrier's name (src/domain/logistics/carriers.ts) */
  expressCompany: string;
  /** WeChat's delivery_id for it; absent on orders shipped before carriers were a list */
  carrierCode?: string;
  trackingNo: string;
  shippedAt: number;
}

export type { ParcelTracking };
/** The buyer's view, or — for a gift order the caller accepted — the recipient's (no prices). */
export type AnyOrderView = OrderView | RecipientOrderView;

/** A payment that arrived after the order was cancelled: it is refunded in full. */
export interface OrderLateRefund {
  refundFee: Fen;
  /** 'processing' once WeChat Pay accepted the refund, 'refunded' after its notification */
  state: 'processing' | 'refunded';
}

/** Everything wx.requestPayment needs (cloudPay.unifiedOrder's `payment`). */
export interface OrderPayment {
  appId?: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

export interface OrderView {
  /** absent on the buyer's view: tells it from RecipientOrderView (`viewer: 'recipient'`) */
  viewer?: 'buyer';
  orderId: string;
  kind: OrderKind;
  status: OrderStatus;
  /** 待付款 / 待领取 / 待发货 / 已发货 / 已完成 / 已取消 */
  statusLabel: string;
  statusHint: string;
  items: OrderItem[];
  totalFee: Fen;
  /** the buyer's own address; null for gift orders (the recipient's address is not the giver's to see) */
  address: Address | null;
  createdAt: number;
  paidAt: number | null;
  /** payment deadline (createdAt + 30 min): the 待付款 countdown */
  expiresAt: number;
  shipping: OrderShipping | null;
  completedAt: number | null;
  cancelledAt: number | null;
  cancelReason: OrderCancelReason | null;
  lateRefund: OrderLateRefund | null;
  /** buttons to show, in order */
  actions: OrderBuyerAction[];
  /** the latest after-sale (售后) of the order; for a gift's giver the status only (afterSaleId null) */
  afterSale: OrderAfterSaleSummary | null;
  /** 申请售后 ('apply') / 查看售后 ('view') for the viewer, or null (see docs/domain.md "After-sales") */
  afterSaleEntry: AfterSaleEntry;
}

/** An order line without its price (what the recipient of a gift sees). */
export type RecipientOrderItem = Omit<OrderItem, 'price'> & { price: null };

/**
 * The recipient's view of a gift order she accepted (src/domain/order/recipientView.ts builds it): her
 * address and the parcel, no prices.
 */
export type RecipientOrderView = Omit<OrderView, 'viewer' | 'items' | 'totalFee' | 'actions' | 'lateRefund'> & {
  /** tells this variant from the buyer's OrderView (which has no `viewer`) */
  viewer: 'recipient';
  kind: 'gift';
  /** the gift it came from (her 我收到的 entry) */
  giftId: string | null;
  /** who sent it (from the printed card) */
  giverNickname: string | null;
  items: RecipientOrderItem[];
  /** always null: the recipient never sees what the gift cost */
  totalFee: null;
  /** a refund of a late payment goes to the giver, never shown to her */
  lateRefund: null;
  /** the recipient follows the parcel; paying, cancelling and confirming are the giver's */
  actions: [];
};

export interface OrderListRequest {
  status?: OrderStatus;
  cursor?: string;
  /** 1..50, default 20 */
  limit?: number;
}

export interface OrderPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface OrderContract {
  /** Price comes from the database: a `price` / `unitPrice` / `totalFee` key is refused (COMMON.INVALID_ARGUMENT). */
  createOrder: {
    req: { skuId: string; quantity: number; address: Address };
    /** `payment` is null when WeChat Pay could not be reached: the order exists, pay it later with payOrder */
    res: { orderId: string; outTradeNo: string; payment: OrderPayment | null; totalFee: Fen; expiresAt: number };
  };
  /** Pay an unpaid order again (same outTradeNo). */
  payOrder: { req: { orderId: string }; res: { payment: OrderPayment; outTradeNo: string } };
  cancelOrder: { req: { orderId: string }; res: OrderView };
  /** the buyer's order, or a gift order the caller accepted (RecipientOrderView: no prices) */
  getOrder: { req: { orderId: string }; res: AnyOrderView };
  /** the caller's orders and the gift orders she accepted, newest first */
  listOrders: { req: OrderListRequest; res: OrderPage<AnyOrderView> };
  /** carrier, number and logistics timeline: the buyer of a self order or the recipient of a gift only */
  getTracking: { req: { orderId: string }; res: ParcelTracking };
  confirmReceipt: { req: { orderId: string }; res: OrderView };
  /** 售后: the buyer of a self order or the recipient of a gift order (never the giver) */
  requestAfterSale: { req: RequestAfterSaleRequest; res: { afterSaleId: string; status: AfterSaleStatus } };
  getAfterSale: { req: { afterSaleId: string }; res: AfterSaleView };
  cancelAfterSale: { req: { afterSaleId: string }; res: AfterSaleView };
  submitReturnShipping: { req: SubmitReturnShippingRequest; res: AfterSaleView };
}

// ---- merchant: the shop owner's back office ----

export interface GiftCardSummary {
  giverNickname: string;
  recipientName: string | null;
  greeting: string;
  signature: string | null;
}

/** The card as the merchant prints it: the summary plus the design the giver chose. */
export interface MerchantGiftCard extends GiftCardSummary {
  /** gift/rules CARD_STYLES ('classic' | 'birthday' | 'thanks' | 'festival') */
  cardStyle: string;
  /** '经典' …; the style's Chinese name */
  cardStyleName: string;
}

export interface MerchantOrderView extends Omit<OrderView, 'actions' | 'address'> {
  buyerOpenid: string;
  /** full shipping address (for gifts: the recipient's, once accepted) */
  address: Address | null;
  /** for gift orders: the greeting card to print */
  giftCard: MerchantGiftCard | null;
  canShip: boolean;
}

export interface MerchantContract {
  listOrders: { req: OrderListRequest; res: OrderPage<MerchantOrderView> };
  shipOrder: {
    req: { orderId: string; expressCompany: string; trackingNo: string };
    res: MerchantOrderView;
  };
  /** anybody: whether the caller is a merchant (the 我的 page shows 店铺管理 only then) */
  whoami: { req: NoParams; res: MerchantIdentity };
  getOrder: { req: { orderId: string }; res: MerchantOrderView };
  /** products on and off shelf, newest first */
  listProducts: { req: MerchantProductListRequest; res: OrderPage<MerchantProductSummary> };
  getProduct: { req: { productId: string }; res: MerchantProduct };
  /** create (no productId) or update a product and its SKUs; MERCHANT.* codes for each rule */
  saveProduct: { req: SaveProductRequest; res: MerchantProduct };
  /** today and the last 7 days (China time) */
  dashboard: { req: NoParams; res: MerchantDashboard };
  /** 售后 waiting and done, newest first */
  listAfterSales: { req: ListAfterSalesRequest; res: OrderPage<MerchantAfterSaleView> };
  /** approve (仅退款: refunds now; 退货退款: waits for the goods) or reject with a note */
  resolveAfterSale: { req: ResolveAfterSaleRequest; res: MerchantAfterSaleView };
  /** the returned goods arrived: refunds now */
  confirmReturn: { req: { afterSaleId: string }; res: MerchantAfterSaleView };
}

// ---- wishlist (心愿单): see docs/contracts.md "wishlist"; who sees what: src/domain/wishlist/rules.ts ----

export interface WishlistContract {
  add: { req: AddWishRequest; res: MyWishlist };
  remove: { req: RemoveWishRequest; res: MyWishlist };
  mine: { req: NoParams; res: MyWishlist };
  savePreferences: { req: SavePreferencesRequest; res: MyWishlist };
  share: { req: NoParams; res: WishlistShare };
  open: { req: OpenWishlistRequest; res: SharedWishlist };
}

/** function name → its actions. Later issues add order, gift, ... here. */
export interface CloudContract {
  shop: ShopContract;
  order: OrderContract;
  merchant: MerchantContract;
  gift: GiftContract;
  user: UserContract;
  wishlist: WishlistContract;
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
