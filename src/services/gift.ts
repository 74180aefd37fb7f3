/**
 * Gifts for pages: the giver's and the recipient's views, shaped for display. Every view model is
 * built field by field from what the page may show, never by spreading an answer: whatever a
 * (mis)behaving function sends, the giver's page gets no address or phone and the recipient's page
 * gets no price.
 */
import type { Address } from '@domain/address';
import { formatAddress, formatContact } from '@domain/address';
import type { CreatedGift, GiftShareCard } from '@domain/contracts';
import type { GiftRefundStage, GiftStatus } from '@domain/gift/machine';
import { CARD_STYLE_NAMES, isCardStyle, type CardStyle, DEFAULT_CARD_STYLE } from '@domain/gift/rules';
import type { GiftSkuSnapshot, GiverGiftView, RecipientGiftView } from '@domain/gift/views';
import { formatFen } from '@domain/money';
import { fail, ok, type Result } from '@domain/result';
import { GiftErrors } from '@domain/gift/errors';
import { resolveImageUrl } from '@/platform/images';
import { callCloud } from './cloud';

/** What the greeting card shows, on either side. */
export interface GiftCardView {
  cardStyle: CardStyle;
  cardStyleName: string;
  greeting: string;
  /** 收礼人称呼, printed as 「致 …」 */
  recipientName: string | null;
  /** 署名 (or the giver's nickname on the recipient's side) */
  signature: string | null;
}

export interface GiftProductView {
  productId: string;
  skuId: string;
  name: string;
  imageUrl: string;
  /** '颜色：红色 / 尺码：M', '' without specs */
  specText: string;
}

/** The giver's status page: no field for anything about the recipient but their nickname. */
export interface GiverGiftPageView {
  giftId: string;
  status: GiftStatus;
  label: string;
  description: string;
  refund: GiftRefundStage;
  card: GiftCardView;
  product: GiftProductView;
  priceText: string;
  /** waiting: ms left when the answer was read (the countdown starts from `readAt`) */
  remainingMs: number | null;
  readAt: number;
  /** accepted: who accepted, by nickname */
  recipientNickname: string | null;
  /** accepted and on its way: 已发货 / 已签收 (never the carrier or the number) */
  deliveryLabel: string | null;
  /** waiting: the recipient page's path with the share token */
  sharePath: string | null;
  createdAt: number;
}

export interface GiftSkuChoice {
  skuId: string;
  specText: string;
  selectable: boolean;
}

/** The recipient's page: never a price. */
export interface RecipientGiftPageView {
  giftId: string;
  status: GiftStatus;
  label: string;
  description: string;
  giverNickname: string;
  card: GiftCardView;
  product: GiftProductView;
  skuChoices: GiftSkuChoice[];
  remainingMs: number | null;
  readAt: number;
  isGiver: boolean;
  canRespond: boolean;
  respondedByMe: boolean;
  /** only for the person who accepted: '张三 138****5678' and the address line */
  myAddress: { contact: string; line: string } | null;
  /** only for the person who accepted, once shipped: where her parcel is */
  parcel: { label: string; expressCompany: string; trackingNo: string; orderId: string | null } | null;
}

export interface GiftDraft {
  skuId: string;
  greeting: string;
  recipientName?: string;
  signature?: string;
  cardStyle: CardStyle;
  /** sent from a friend's shared wish list (the send page's `wishlistToken`) */
  wishlistToken?: string;
}

export const specTextOf = (specs: Record<string, string>): string =>
  Object.entries(specs)
    .map(([name, value]) => `${name}：${value}`)
    .join(' / ');

const productOf = (sku: GiftSkuSnapshot): GiftProductView => ({
  productId: sku.productId,
  skuId: sku.skuId,
  name: sku.productName,
  imageUrl: resolveImageUrl(sku.image),
  specText: specTextOf(sku.specs),
});

const cardStyleOf = (value: unknown): CardStyle => (isCardStyle(value) ? value : DEFAULT_CARD_STYLE);

export function toGiverPage(view: GiverGiftView, readAt: number): GiverGiftPageView {
  const cardStyle = cardStyleOf(view.cardStyle);
  return {
    giftId: view.giftId,
    status: view.status,
    label: view.label,
    description: view.description,
    refund: view.refund,
    card: {
      cardStyle,
      cardStyleName: CARD_STYLE_NAMES[cardStyle],
      greeting: view.greeting,
      recipientName: view.recipientName,
      signature: view.signature,
    },
    product: productOf(view.sku),
    priceText: formatFen(view.totalFee),
    remainingMs: view.remainingMs,
    readAt,
    recipientNickname: view.status === 'accepted' ? view.recipientNickname : null,
    deliveryLabel: view.delivery && view.delivery.stage !== 'toShip' ? view.delivery.label : null,
    sharePath: view.sharePath,
    createdAt: view.createdAt,
  };
}

const myAddressOf = (address: Address | null): RecipientGiftPageView['myAddress'] =>
  address ? { contact: formatContact(address), line: formatAddress(address) } : null;

const parcelOf = ({ delivery, orderId }: RecipientGiftView): RecipientGiftPageView['parcel'] =>
  delivery?.expressCompany && delivery.trackingNo
    ? { label: delivery.label, expressCompany: delivery.expressCompany, trackingNo: delivery.trackingNo, orderId }
    : null;

export function toRecipientPage(view: RecipientGiftView, readAt: number): RecipientGiftPageView {
  const cardStyle = cardStyleOf(view.cardStyle);
  return {
    giftId: view.giftId,
    status: view.status,
    label: view.label,
    description: view.description,
    giverNickname: view.giverNickname,
    card: {
      cardStyle,
      cardStyleName: CARD_STYLE_NAMES[cardStyle],
      greeting: view.greeting,
      recipientName: view.recipientName,
      signature: view.signature ?? view.giverNickname,
    },
    product: productOf(view.sku),
    skuChoices: view.skuOptions.map((option) => ({
      skuId: option.skuId,
      specText: specTextOf(option.specs) || '默认规格',
      selectable: option.selectable,
    })),
    remainingMs: view.remainingMs,
    readAt,
    isGiver: view.isGiver,
    canRespond: view.canRespond,
    respondedByMe: view.respondedByMe,
    myAddress: view.respondedByMe ? myAddressOf(view.myAddress) : null,
    parcel: parcelOf(view),
  };
}

const now = (): number => Date.now();

export function createGift(draft: GiftDraft): Promise<Result<CreatedGift>> {
  return callCloud('gift', {
    action: 'createGift',
    skuId: draft.skuId,
    greeting: draft.greeting,
    cardStyle: draft.cardStyle,
    // blank lines stay out of the request: the function treats absent and blank alike
    ...(draft.recipientName?.trim() ? { recipientName: draft.recipientName } : {}),
    ...(draft.signature?.trim() ? { signature: draft.signature } : {}),
    ...(draft.wishlistToken ? { wishlistToken: draft.wishlistToken } : {}),
  });
}

/** The giver's status page of a gift. The recipient's page is the card's (openGift), never this one. */
export async function getGift(giftId: string): Promise<Result<GiverGiftPageView>> {
  const answer = await callCloud('gift', { action: 'getGift', giftId });
  if (!answer.ok) return answer;
  if (answer.data.viewer !== 'giver') return fail(GiftErrors.NOT_FOUND.code, GiftErrors.NOT_FOUND.message);
  return ok(toGiverPage(answer.data, now()));
}

export const shareCard = (giftId: string): Promise<Result<GiftShareCard>> =>
  callCloud('gift', { action: 'shareCard', giftId });

export async function openGift(giftId: string, token: string): Promise<Result<RecipientGiftPageView>> {
  const answer = await callCloud('gift', { action: 'openGift', giftId, token });
  return answer.ok ? ok(toRecipientPage(answer.data, now())) : answer;
}

export async function acceptGift(request: {
  giftId: string;
  token: string;
  skuId?: string;
  address: Address;
}): Promise<Result<RecipientGiftPageView>> {
  const answer = await callCloud('gift', {
    action: 'acceptGift',
    giftId: request.giftId,
    token: request.token,
    address: request.address,
    ...(request.skuId ? { skuId: request.skuId } : {}),
  });
  return answer.ok ? ok(toRecipientPage(answer.data, now())) : answer;
}

export async function declineGift(giftId: string, token: string): Promise<Result<RecipientGiftPageView>> {
  const answer = await callCloud('gift', { action: 'declineGift', giftId, token });
  return answer.ok ? ok(toRecipientPage(answer.data, now())) : answer;
}

export async function listSentGifts(): Promise<Result<GiverGiftPageView[]>> {
  const answer = await callCloud('gift', { action: 'listGifts', role: 'sent' });
  if (!answer.ok) return answer;
  const readAt = now();
  return ok(answer.data.role === 'sent' ? answer.data.items.map((item) => toGiverPage(item, readAt)) : []);
}

export async function listReceivedGifts(): Promise<Result<RecipientGiftPageView[]>> {
  const answer = await callCloud('gift', { action: 'listGifts', role: 'received' });
  if (!answer.ok) return answer;
  const readAt = now();
  return ok(answer.data.role === 'received' ? answer.data.items.map((item) => toRecipientPage(item, readAt)) : []);
}
