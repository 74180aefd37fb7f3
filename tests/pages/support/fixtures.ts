import type { Product, ProductSummary } from '@domain/contracts';

export const scarfSummary: ProductSummary = {
  productId: 'p-scarf',
  name: '羊绒围巾 经典格纹',
  categoryId: 'c-clothing',
  image: '/static/products/scarf-1.jpg',
  priceMin: 19900,
  priceMax: 25900,
  sales: 120,
  giftable: true,
};

export const ringSummary: ProductSummary = {
  productId: 'p-ring',
  name: '925银 简约戒指',
  categoryId: 'c-jewellery',
  image: '/static/products/ring-1.jpg',
  priceMin: 1234,
  priceMax: 1234,
  sales: 8,
  giftable: false,
};

export const teaSummary: ProductSummary = {
  productId: 'p-tea',
  name: '明前龙井 礼盒装',
  categoryId: 'c-food',
  image: '/static/products/tea-1.jpg',
  priceMin: 36800,
  priceMax: 36800,
  sales: 42,
  giftable: true,
};

export const scarf: Product = {
  productId: 'p-scarf',
  name: '羊绒围巾 经典格纹',
  categoryId: 'c-clothing',
  categoryName: '服饰',
  images: ['/static/products/scarf-1.jpg', '/static/products/scarf-2.jpg'],
  description: '内蒙古羊绒，柔软亲肤。',
  detailImages: ['/static/products/scarf-detail.jpg'],
  priceMin: 19900,
  priceMax: 25900,
  sales: 120,
  onShelf: true,
  giftable: true,
  specNames: ['颜色', '尺寸'],
  skus: [
    { skuId: 's-red-s', specs: { 尺寸: '180cm', 颜色: '酒红' }, price: 19900, stock: 5 },
    { skuId: 's-grey-l', specs: { 颜色: '烟灰', 尺寸: '200cm' }, price: 25900, stock: 0 },
  ],
};

export const ring: Product = {
  productId: 'p-ring',
  name: '925银 简约戒指',
  categoryId: 'c-jewellery',
  categoryName: '珠宝首饰',
  images: ['/static/products/ring-1.jpg'],
  description: '',
  detailImages: [],
  priceMin: 1234,
  priceMax: 1234,
  sales: 8,
  onShelf: true,
  giftable: false,
  giftBlockedReason: { code: 'GIFT.CATEGORY_NOT_GIFTABLE', message: '珠宝首饰类商品不支持送礼物' },
  specNames: ['尺码'],
  skus: [{ skuId: 's-ring-12', specs: { 尺码: '12号' }, price: 1234, stock: 3 }],
};
