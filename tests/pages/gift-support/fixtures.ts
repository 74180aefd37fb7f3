import { Current } from '@tarojs/runtime';
import type { Product } from '@domain/contracts';
import type { GiverGiftView, RecipientGiftView } from '@domain/gift/views';

/** What useRouter() reads: Taro's router sets Current.router when it opens a page. */
export function openRoute(path: string, params: Record<string, string>): void {
  Current.router = {
    params,
    path,
    onReady: '',
    onHide: '',
    onShow: '',
    $taroPath: path.replace(/^\//, ''),
  };
}

export const TOKEN = '0123456789abcdef0123456789abcdef';

/** A giftable product with a SKU above ¥10,000 (not giftable) and a sold-out one. */
export const teaSet: Product = {
  productId: 'p-tea',
  name: '明前龙井 礼盒装',
  categoryId: 'food',
  categoryName: '美食饮品',
  images: ['/static/products/tea-1.svg'],
  description: '',
  detailImages: [],
  priceMin: 36800,
  priceMax: 1280000,
  sales: 42,
  onShelf: true,
  giftable: true,
  specNames: ['规格'],
  skus: [
    { skuId: 'tea-125', specs: { 规格: '125g 罐装' }, price: 36800, stock: 10 },
    { skuId: 'tea-250', specs: { 规格: '250g 礼盒' }, price: 76800, stock: 0 },
    { skuId: 'tea-gold', specs: { 规格: '金罐典藏' }, price: 1280000, stock: 3 },
  ],
};

export const giverView = (overrides: Partial<GiverGiftView> = {}): GiverGiftView => ({
  viewer: 'giver',
  giftId: 'g1',
  status: 'waiting',
  wechatCode: 10,
  label: '等待好友领取',
  description: '好友24小时内未领取，款项将原路退回',
  refund: 'none',
  sku: {
    productId: 'p-tea',
    skuId: 'tea-125',
    productName: '明前龙井 礼盒装',
    image: '/static/products/tea-1.svg',
    specs: { 规格: '125g 罐装' },
  },
  unitPrice: 36800,
  quantity: 1,
  totalFee: 36800,
  greeting: '生日快乐，天天开心！',
  recipientName: '小红',
  signature: '小明',
  cardStyle: 'birthday',
  cardStyleName: '生日快乐',
  createdAt: Date.parse('2026-11-25T09:00:00+08:00'),
  paidAt: Date.parse('2026-11-25T09:01:00+08:00'),
  expiresAt: Date.parse('2026-11-26T09:01:00+08:00'),
  remainingMs: 2 * 3600_000,
  recipientNickname: null,
  acceptedAt: null,
  declinedAt: null,
  refundedAt: null,
  sharePath: `/packages/gift/pages/receive/index?giftId=g1&token=${TOKEN}`,
  delivery: null,
  ...overrides,
});

export const recipientView = (overrides: Partial<RecipientGiftView> = {}): RecipientGiftView => ({
  viewer: 'recipient',
  giftId: 'g1',
  status: 'waiting',
  label: '待领取',
  description: '选择规格、填写收货地址即可收下礼物',
  giverNickname: '小明',
  sku: {
    productId: 'p-tea',
    skuId: 'tea-125',
    productName: '明前龙井 礼盒装',
    image: '/static/products/tea-1.svg',
    specs: { 规格: '125g 罐装' },
  },
  skuOptions: [
    { skuId: 'tea-125', specs: { 规格: '125g 罐装' }, selectable: true },
    { skuId: 'tea-125b', specs: { 规格: '125g 纸袋' }, selectable: true },
    { skuId: 'tea-125c', specs: { 规格: '125g 竹筒' }, selectable: false },
  ],
  greeting: '生日快乐，天天开心！',
  recipientName: '小红',
  signature: '小明',
  cardStyle: 'birthday',
  cardStyleName: '生日快乐',
  expiresAt: Date.parse('2026-11-26T09:01:00+08:00'),
  remainingMs: 2 * 3600_000,
  isGiver: false,
  canRespond: true,
  respondedByMe: false,
  myAddress: null,
  delivery: null,
  shipping: null,
  orderId: null,
  ...overrides,
});
