import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { productGiftEligibility } from '@domain/product/gift';
import { buildCatalogue, shareSales } from './build';
import { IMAGES_DIR, catalogueImages, writeCatalogueImages } from './images';

const catalogue = buildCatalogue();
const skusOf = (productId: string) => catalogue.skus.filter((sku) => sku.productId === productId);
const imageFile = (url: string) => path.join(IMAGES_DIR, url.replace('/static/products/', ''));

describe('seed catalogue', () => {
  it('is deterministic', () => {
    expect(buildCatalogue()).toEqual(catalogue);
  });

  it('has the categories the gift rules talk about', () => {
    expect(catalogue.categories.length).toBeGreaterThanOrEqual(8);
    const byName = new Map(catalogue.categories.map((category) => [category.name, category]));
    expect(byName.get('珠宝首饰')?.giftable).toBe(false);
    expect(byName.get('教育培训')?.giftable).toBe(false);
    expect(catalogue.categories.filter((category) => category.giftable)).toHaveLength(catalogue.categories.length - 2);
  });

  it('has at least 40 products with unique ids, consistent prices and several SKUs', () => {
    expect(catalogue.products.length).toBeGreaterThanOrEqual(40);
    expect(new Set(catalogue.products.map((product) => product._id)).size).toBe(catalogue.products.length);
    expect(new Set(catalogue.skus.map((sku) => sku._id)).size).toBe(catalogue.skus.length);
    for (const product of catalogue.products) {
      const skus = skusOf(product._id);
      expect(skus.length).toBeGreaterThan(0);
      const prices = skus.filter((sku) => sku.onShelf).map((sku) => sku.price);
      expect([product.priceMin, product.priceMax]).toEqual([Math.min(...prices), Math.max(...prices)]);
      expect(skus.reduce((sum, sku) => sum + sku.sales, 0)).toBe(product.sales);
      for (const sku of skus) {
        expect(Number.isSafeInteger(sku.price) && sku.price > 0).toBe(true);
        expect(Object.keys(sku.specs)).toEqual(product.specNames);
      }
      expect(catalogue.categories.find((category) => category._id === product.categoryId)?.name).toBe(
        product.categoryName,
      );
    }
    expect(catalogue.skus.length).toBeGreaterThan(catalogue.products.length * 2);
  });

  it('covers the cases the shop and the gift flow need', () => {
    const prices = catalogue.skus.map((sku) => sku.price);
    expect(Math.min(...prices)).toBe(100);
    expect(Math.max(...prices)).toBeGreaterThan(1_000_000);
    expect(prices).toContain(1_000_000);
    expect(catalogue.skus.filter((sku) => sku.stock === 0).length).toBeGreaterThanOrEqual(5);
    expect(catalogue.skus.some((sku) => sku.stock > 0 && sku.stock <= 3)).toBe(true);
    expect(catalogue.skus.some((sku) => !sku.onShelf)).toBe(true);
    expect(catalogue.products.filter((product) => !product.onShelf).map((product) => product._id)).toEqual([
      'food-xmas-2025',
    ]);
    expect(skusOf('flowers-sakura').every((sku) => sku.stock === 0)).toBe(true);

    const giftable = (productId: string) => {
      const product = catalogue.products.find((item) => item._id === productId);
      if (!product) throw new Error(productId);
      return productGiftEligibility(
        product,
        skusOf(productId).map((sku) => sku.price),
      );
    };
    expect(giftable('digital-camera')).toMatchObject({ code: 'GIFT.PRICE_TOO_HIGH' });
    expect(giftable('home-massage-chair')).toMatchObject({ code: 'GIFT.PRICE_TOO_HIGH' });
    expect(giftable('digital-laptop')).toEqual({ allowed: true });
    expect(giftable('jewellery-necklace')).toMatchObject({ code: 'GIFT.CATEGORY_NOT_GIFTABLE' });
    expect(giftable('education-calligraphy')).toMatchObject({ code: 'GIFT.CATEGORY_NOT_GIFTABLE' });
  });

  it('shares sales over SKUs exactly', () => {
    expect(shareSales(10, 3)).toEqual([6, 3, 1]);
    expect(shareSales(7, 1)).toEqual([7]);
    expect(shareSales(0, 2)).toEqual([0, 0]);
    expect(shareSales(5, 0)).toEqual([]);
  });
});

describe('generated images', () => {
  it('are committed and up to date with the generator', () => {
    const images = catalogueImages();
    const committed = readdirSync(IMAGES_DIR)
      .filter((file) => file.endsWith('.svg'))
      .sort();
    expect(committed).toEqual(images.map((image) => image.file).sort());
    for (const image of images) expect(readFileSync(path.join(IMAGES_DIR, image.file), 'utf8')).toBe(image.svg);
  });

  it('exist for every image URL in the documents, and are small SVGs', () => {
    const urls = [
      ...catalogue.categories.map((category) => category.icon),
      ...catalogue.products.flatMap((product) => [...product.images, ...product.detailImages]),
    ];
    for (const url of urls) {
      expect(url).toMatch(/^\/static\/products\/[a-z0-9-]+\.svg$/);
      expect(existsSync(imageFile(url))).toBe(true);
    }
    for (const image of catalogueImages()) {
      expect(image.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(image.svg.length).toBeLessThan(4096);
    }
  });

  it('writes only what changed and removes stale files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'catalogue-images-'));
    try {
      const first = writeCatalogueImages(dir);
      expect(first.written).toBe(catalogueImages().length);
      const stale = path.join(dir, 'gone.svg');
      writeFileSync(stale, '<svg/>');
      expect(writeCatalogueImages(dir)).toEqual({ written: 0, unchanged: first.written, removed: 1 });
      expect(existsSync(stale)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
