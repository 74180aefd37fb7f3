/**
 * Writes the tab bar icons (src/assets/tabbar/*.png) without network or image tools: each icon is a
 * shape function sampled 4×4 per pixel (anti-aliasing) and encoded as an RGBA PNG with zlib.
 * Run: npx tsx config/generate-tabbar-icons.ts  (the PNGs are committed; rerun only to change them)
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 81; // WeChat's recommended tab icon size (81×81 px)
const SAMPLES = 4;
const INACTIVE = [0x99, 0x99, 0x99] as const;
const ACTIVE = [0xe4, 0x39, 0x3c] as const; // theme red, same as tabBar.selectedColor

type Shape = (x: number, y: number) => boolean; // unit square, y down

const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ellipse =
  (cx: number, cy: number, rx: number, ry: number): Shape =>
  (x, y) =>
    ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));
const minus =
  (shape: Shape, ...holes: Shape[]): Shape =>
  (x, y) =>
    shape(x, y) && !holes.some((hole) => hole(x, y));
const roof: Shape = (x, y) => y >= 0.1 && y <= 0.5 && Math.abs(x - 0.5) <= (y - 0.1) * 1.05;

const icons: Record<string, Shape> = {
  home: minus(union(roof, rect(0.2, 0.42, 0.8, 0.88)), rect(0.42, 0.62, 0.58, 0.88)),
  gift: union(
    minus(union(rect(0.1, 0.32, 0.9, 0.47), rect(0.16, 0.51, 0.84, 0.9)), rect(0.465, 0.32, 0.535, 0.9)),
    minus(circle(0.37, 0.21, 0.1), circle(0.37, 0.21, 0.05)),
    minus(circle(0.63, 0.21, 0.1), circle(0.63, 0.21, 0.05)),
  ),
  mine: union(circle(0.5, 0.3, 0.18), minus(ellipse(0.5, 0.92, 0.38, 0.36), rect(0, 0.9, 1, 1))),
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer): number => {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
};

function encodePng(shape: Shape, [red, green, blue]: readonly [number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let py = 0; py < SIZE; py += 1) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0 (None) + RGBA
    for (let px = 0; px < SIZE; px += 1) {
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          if (shape((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) covered += 1;
        }
      }
      row.set([red, green, blue, Math.round((255 * covered) / SAMPLES ** 2)], 1 + px * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(__dirname, '..', 'src', 'assets', 'tabbar');
mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(icons)) {
  for (const [suffix, color] of [
    ['', INACTIVE],
    ['-active', ACTIVE],
  ] as const) {
    const file = path.join(outDir, `${name}${suffix}.png`);
    const png = encodePng(shape, color);
    writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}  ${png.length} bytes`);
  }
}
