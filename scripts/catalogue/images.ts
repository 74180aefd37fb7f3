/**
 * Generated product images: small SVGs (gradient + a few shapes + the product's short label), one
 * set per product and an icon per category, written to static/products/ and committed. They are
 * a pure function of the catalogue definition, so re-running writes identical bytes; a unit test
 * checks the committed files are up to date (regenerate with `npm run seed -- --images-only`).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORY_DEFINITIONS, PRODUCT_DEFINITIONS, type CategoryDefinition } from './definition';

export const IMAGES_DIR = path.resolve(__dirname, '..', '..', 'static', 'products');
/** How documents refer to the images (served by the local cloud, copied into the H5/weapp builds). */
export const IMAGE_URL_PREFIX = '/static/products/';

export const publicUrl = (file: string): string => `${IMAGE_URL_PREFIX}${file}`;
export const categoryIconFile = (categoryId: string): string => `category-${categoryId}.svg`;
export const productImageFiles = (productId: string): [cover: string, second: string] => [
  `${productId}-1.svg`,
  `${productId}-2.svg`,
];
export const productDetailImageFile = (productId: string): string => `${productId}-detail.svg`;

const FONT = "'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif";

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] ?? char,
  );

/** FNV-1a: a stable small hash so every product gets its own (but repeatable) composition. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** n pseudo-random numbers in [0, 1) derived from a seed. */
function series(seed: number, count: number): number[] {
  const out: number[] = [];
  let state = seed || 1;
  for (let index = 0; index < count; index += 1) {
    state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) >>> 0;
    state = (state ^ (state >>> 12)) >>> 0;
    out.push(state / 0x100000000);
  }
  return out;
}

const round = (value: number): number => Math.round(value);

function gradient(id: string, [from, to]: readonly [string, string], angle: number): string {
  const radians = (angle * Math.PI) / 180;
  const x = round(50 + 50 * Math.cos(radians));
  const y = round(50 + 50 * Math.sin(radians));
  return (
    `<defs><linearGradient id="${id}" x1="${100 - x}%" y1="${100 - y}%" x2="${x}%" y2="${y}%">` +
    `<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>`
  );
}

function bubbles(seed: number, width: number, height: number, count: number): string {
  const numbers = series(seed, count * 3);
  let out = '';
  for (let index = 0; index < count; index += 1) {
    const [x = 0, y = 0, r = 0] = numbers.slice(index * 3, index * 3 + 3);
    const radius = round(Math.min(width, height) * (0.08 + r * 0.22));
    out += `<circle cx="${round(x * width)}" cy="${round(y * height)}" r="${radius}" fill="#fff" fill-opacity="${(0.1 + r * 0.15).toFixed(2)}"/>`;
  }
  return out;
}

const labelText = (label: string, x: number, y: number, size: number): string =>
  `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="700" fill="#fff" text-anchor="middle" dominant-baseline="central">${escapeXml(label)}</text>`;

function svg(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>\n`;
}

const labelSize = (label: string, width: number): number =>
  Math.min(120, round((width * 0.7) / Math.max(2, label.length)));

/** Square product image; variant 1 is the cover, variant 2 a second "angle". */
export function productImageSvg(
  productId: string,
  label: string,
  category: CategoryDefinition,
  variant: 1 | 2,
): string {
  const size = 600;
  const seed = hash(`${productId}#${variant}`);
  const gradientId = `g${variant}`;
  const angle = variant === 1 ? 45 + (seed % 90) : 225 + (seed % 90);
  const box = round(size * 0.56);
  const boxOffset = round((size - box) / 2);
  const body =
    gradient(gradientId, category.colors, angle) +
    `<rect width="${size}" height="${size}" fill="url(#${gradientId})"/>` +
    bubbles(seed, size, size, variant === 1 ? 5 : 8) +
    (variant === 1
      ? `<rect x="${boxOffset}" y="${boxOffset}" width="${box}" height="${box}" rx="36" fill="#fff" fill-opacity="0.18"/>`
      : `<circle cx="${size / 2}" cy="${size / 2}" r="${round(box / 1.7)}" fill="#fff" fill-opacity="0.18"/>`) +
    labelText(label, size / 2, size / 2, labelSize(label, size)) +
    `<text x="${size / 2}" y="${size - 48}" font-family="${FONT}" font-size="28" fill="#fff" fill-opacity="0.85" text-anchor="middle">${escapeXml(category.name)}</text>`;
  return svg(size, size, body);
}

/** Wide detail image under the description: the label and the full product name. */
export function productDetailSvg(productId: string, label: string, name: string, category: CategoryDefinition): string {
  const width = 750;
  const height = 480;
  const seed = hash(`${productId}#detail`);
  const body =
    gradient('d', category.colors, 20 + (seed % 40)) +
    `<rect width="${width}" height="${height}" fill="url(#d)"/>` +
    bubbles(seed, width, height, 6) +
    labelText(label, width / 2, height / 2 - 40, Math.min(96, labelSize(label, width))) +
    `<text x="${width / 2}" y="${height / 2 + 70}" font-family="${FONT}" font-size="34" fill="#fff" text-anchor="middle">${escapeXml(name)}</text>`;
  return svg(width, height, body);
}

export function categoryIconSvg(category: CategoryDefinition): string {
  const size = 96;
  const body =
    gradient('c', category.colors, 60) +
    `<circle cx="48" cy="48" r="48" fill="url(#c)"/>` +
    `<circle cx="70" cy="26" r="14" fill="#fff" fill-opacity="0.2"/>` +
    labelText(category.name.slice(0, 1), 48, 50, 44);
  return svg(size, size, body);
}

export interface GeneratedImage {
  file: string;
  svg: string;
}

/** Every catalogue image, file name → SVG text. */
export function catalogueImages(): GeneratedImage[] {
  const categories = new Map(CATEGORY_DEFINITIONS.map((category) => [category.id, category]));
  const images: GeneratedImage[] = CATEGORY_DEFINITIONS.map((category) => ({
    file: categoryIconFile(category.id),
    svg: categoryIconSvg(category),
  }));
  for (const product of PRODUCT_DEFINITIONS) {
    const category = categories.get(product.categoryId);
    if (!category) throw new Error(`${product.id}: unknown category ${product.categoryId}`);
    const [cover, second] = productImageFiles(product.id);
    images.push(
      { file: cover, svg: productImageSvg(product.id, product.label, category, 1) },
      { file: second, svg: productImageSvg(product.id, product.label, category, 2) },
      {
        file: productDetailImageFile(product.id),
        svg: productDetailSvg(product.id, product.label, product.name, category),
      },
    );
  }
  return images;
}

/** Writes the images that changed and removes SVGs no longer in the catalogue. */
export function writeCatalogueImages(dir: string = IMAGES_DIR): {
  written: number;
  unchanged: number;
  removed: number;
} {
  mkdirSync(dir, { recursive: true });
  const images = catalogueImages();
  const wanted = new Set(images.map((image) => image.file));
  let written = 0;
  let unchanged = 0;
  for (const image of images) {
    const file = path.join(dir, image.file);
    if (existsSync(file) && readFileSync(file, 'utf8') === image.svg) {
      unchanged += 1;
    } else {
      writeFileSync(file, image.svg);
      written += 1;
    }
  }
  let removed = 0;
  for (const entry of readdirSync(dir)) {
    if (entry.endsWith('.svg') && !wanted.has(entry)) {
      unlinkSync(path.join(dir, entry));
      removed += 1;
    }
  }
  return { written, unchanged, removed };
}
