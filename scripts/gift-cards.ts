/**
 * Renders the 5:4 share-card images (500×400 PNG), one per greeting-card style, into
 * static/gift-cards/<style>.png — the `imageUrl` the gift function's `shareCard` answers.
 *
 *   npx tsx scripts/gift-cards.ts [--out DIR]
 *
 * Each card is an inline SVG page screenshotted by Debian's Chromium (playwright-core, no browser
 * download, no network: every request is aborted). Colours come from src/components/GiftCard/palette.ts,
 * the same palette the on-screen card uses. Flat shapes and a top-to-bottom gradient (each row one colour) keep each PNG small.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CARD_PALETTES, type CardPalette } from '@/components/GiftCard/palette';
import { CARD_STYLES, type CardStyle } from '@domain/gift/rules';

export const CARD_WIDTH = 500;
export const CARD_HEIGHT = 400;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', sans-serif";
const SERIF = "'Noto Serif CJK SC', 'Noto Serif SC', 'Songti SC', serif";

/** A wrapped gift box with a bow, centred at (cx, cy), `size` wide. */
function giftBox(cx: number, cy: number, size: number, palette: CardPalette): string {
  const w = size;
  const h = size * 0.72;
  const lidH = size * 0.2;
  const x = cx - w / 2;
  const y = cy - h / 2 + lidH / 2;
  const ribbon = size * 0.14;
  return `
  <g>
    <rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="${palette.ink}"/>
    <rect x="${x - 8}" y="${y - lidH}" width="${w + 16}" height="${lidH}" rx="6" fill="${palette.ink}"/>
    <rect x="${x - 8}" y="${y - 2}" width="${w + 16}" height="6" fill="${palette.from}" opacity="0.15"/>
    <rect x="${cx - ribbon / 2}" y="${y - lidH}" width="${ribbon}" height="${h + lidH}" fill="${palette.accent}"/>
    <path d="M ${cx} ${y - lidH} C ${cx - size * 0.45} ${y - lidH - size * 0.42}, ${cx - size * 0.5} ${y - lidH + size * 0.05}, ${cx} ${y - lidH}
             C ${cx + size * 0.5} ${y - lidH + size * 0.05}, ${cx + size * 0.45} ${y - lidH - size * 0.42}, ${cx} ${y - lidH} Z"
          fill="none" stroke="${palette.accent}" stroke-width="${ribbon * 0.55}" stroke-linejoin="round"/>
    <circle cx="${cx}" cy="${y - lidH}" r="${ribbon * 0.55}" fill="${palette.accent}"/>
  </g>`;
}

/** Ornaments that tell the styles apart at a glance in a chat. */
function ornaments(style: CardStyle, palette: CardPalette): string {
  switch (style) {
    case 'classic':
      // a gold double frame
      return `
      <rect x="16" y="16" width="468" height="368" rx="14" fill="none" stroke="${palette.accent}" stroke-width="3"/>
      <rect x="26" y="26" width="448" height="348" rx="10" fill="none" stroke="${palette.accent}" stroke-width="1" opacity="0.7"/>`;
    case 'birthday': {
      // balloons and confetti
      const balloon = (x: number, y: number, r: number, fill: string) => `
        <path d="M ${x} ${y + r} q -6 30 4 60" stroke="${palette.ink}" stroke-width="1.5" fill="none" opacity="0.8"/>
        <ellipse cx="${x}" cy="${y}" rx="${r * 0.85}" ry="${r}" fill="${fill}"/>
        <ellipse cx="${x - r * 0.3}" cy="${y - r * 0.35}" rx="${r * 0.18}" ry="${r * 0.28}" fill="#ffffff" opacity="0.5"/>`;
      const dots = [
        [60, 300, '#fff1a8'],
        [120, 350, '#ffffff'],
        [400, 330, '#fff1a8'],
        [455, 270, '#ffffff'],
        [210, 40, '#ffffff'],
        [300, 30, '#fff1a8'],
        [40, 180, '#ffffff'],
        [470, 150, '#fff1a8'],
      ] as const;
      return `${balloon(70, 80, 34, '#ffe66d')}${balloon(430, 90, 30, '#8ee3ef')}${balloon(395, 60, 24, '#ffffff')}
        ${dots.map(([x, y, fill]) => `<circle cx="${x}" cy="${y}" r="5" fill="${fill}" opacity="0.9"/>`).join('')}`;
    }
    case 'thanks': {
      // leaves in the corners
      const leaf = (x: number, y: number, angle: number, scale: number) => `
        <g transform="translate(${x} ${y}) rotate(${angle}) scale(${scale})">
          <path d="M 0 0 C 30 -40, 80 -40, 110 0 C 80 40, 30 40, 0 0 Z" fill="${palette.ink}" opacity="0.25"/>
          <path d="M 0 0 L 110 0" stroke="${palette.ink}" stroke-width="2" opacity="0.45"/>
        </g>`;
      return `${leaf(20, 60, -20, 1)}${leaf(10, 110, 15, 0.7)}${leaf(480, 340, 160, 1)}${leaf(490, 290, 200, 0.7)}
        <circle cx="440" cy="70" r="26" fill="${palette.accent}" opacity="0.9"/>`;
    }
    case 'festival': {
      // two lanterns hanging from the top
      const lantern = (x: number, length: number) => `
        <line x1="${x}" y1="0" x2="${x}" y2="${length}" stroke="${palette.accent}" stroke-width="2"/>
        <rect x="${x - 12}" y="${length}" width="24" height="8" rx="2" fill="${palette.accent}"/>
        <ellipse cx="${x}" cy="${length + 40}" rx="34" ry="32" fill="#e02424"/>
        <path d="M ${x} ${length + 8} C ${x - 20} ${length + 25}, ${x - 20} ${length + 55}, ${x} ${length + 72}
                 C ${x + 20} ${length + 55}, ${x + 20} ${length + 25}, ${x} ${length + 8}" fill="none" stroke="${palette.accent}" stroke-width="2" opacity="0.8"/>
        <rect x="${x - 12}" y="${length + 70}" width="24" height="8" rx="2" fill="${palette.accent}"/>
        <line x1="${x - 6}" y1="${length + 78}" x2="${x - 6}" y2="${length + 104}" stroke="${palette.accent}" stroke-width="2"/>
        <line x1="${x}" y1="${length + 78}" x2="${x}" y2="${length + 108}" stroke="${palette.accent}" stroke-width="2"/>
        <line x1="${x + 6}" y1="${length + 78}" x2="${x + 6}" y2="${length + 104}" stroke="${palette.accent}" stroke-width="2"/>`;
      return `${lantern(62, 20)}${lantern(438, 34)}`;
    }
    default: {
      const unknown: never = style;
      throw new Error(`no ornaments for card style ${String(unknown)}`);
    }
  }
}

/** The whole card as an SVG document of CARD_WIDTH × CARD_HEIGHT. */
export function cardSvg(style: CardStyle): string {
  const palette = CARD_PALETTES[style];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${palette.from}"/>
      <stop offset="1" stop-color="${palette.to}"/>
    </linearGradient>
  </defs>
  <rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="url(#bg)"/>
  ${ornaments(style, palette)}
  ${giftBox(250, 150, 120, palette)}
  <text x="250" y="290" text-anchor="middle" font-family="${FONT}" font-weight="700" font-size="46" fill="${palette.ink}" letter-spacing="4">送你一份礼物</text>
  <text x="250" y="338" text-anchor="middle" font-family="${SERIF}" font-weight="600" font-size="24" fill="${palette.accent}" letter-spacing="10">— ${palette.motto} —</text>
</svg>`;
}

export async function renderGiftCards(
  outDir: string,
): Promise<Array<{ style: CardStyle; file: string; bytes: number }>> {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'gift-cards-chromium-'));
  // A fresh profile for every run: nothing cached or remembered between runs.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport: { width: CARD_WIDTH, height: CARD_HEIGHT },
    deviceScaleFactor: 1,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // Everything is inline: any request at all would be a mistake (and there is no network).
    await page.route('**/*', (route) => route.abort());
    const written: Array<{ style: CardStyle; file: string; bytes: number }> = [];
    for (const style of CARD_STYLES) {
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;overflow:hidden}svg{display:block}</style></head><body>${cardSvg(style)}</body></html>`,
      );
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const file = path.join(outDir, `${style}.png`);
      await page.screenshot({ path: file, clip: { x: 0, y: 0, width: CARD_WIDTH, height: CARD_HEIGHT } });
      written.push({ style, file, bytes: statSync(file).size });
    }
    return written;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const outFlag = process.argv.indexOf('--out');
  const outDir =
    outFlag >= 0 && process.argv[outFlag + 1]
      ? path.resolve(process.argv[outFlag + 1] as string)
      : path.join(__dirname, '..', 'static', 'gift-cards');
  renderGiftCards(outDir)
    .then((written) => {
      for (const card of written) console.log(`✔ ${card.style}: ${card.file} (${(card.bytes / 1024).toFixed(1)} KB)`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
