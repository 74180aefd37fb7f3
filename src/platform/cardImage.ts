import Taro from '@tarojs/taro';
import type { CardDrawing, CardKeepOutcome } from './cardImageTypes';

export type { CardDrawing, CardKeepOutcome } from './cardImageTypes';

export const KEEP_CARD_LABEL = '保存贺卡图片';

/** A5-ish card at print resolution: 1000 × 1400 px. */
const WIDTH = 1000;
const HEIGHT = 1400;
const MARGIN = 90;

type Context2D = {
  fillStyle: unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  createLinearGradient(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
  ): { addColorStop(at: number, color: string): void };
};

/** Breaks text into lines that fit `width` (CJK text breaks anywhere; '\n' always breaks). */
function wrap(context: Context2D, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const character of paragraph) {
      if (line && context.measureText(line + character).width > width) {
        lines.push(line);
        line = '';
      }
      line += character;
    }
    lines.push(line);
  }
  return lines;
}

function draw(context: Context2D, card: CardDrawing): void {
  const gradient = context.createLinearGradient(0, 0, 0, HEIGHT);
  gradient.addColorStop(0, card.from);
  gradient.addColorStop(1, card.to);
  context.fillStyle = gradient;
  context.fillRect(0, 0, WIDTH, HEIGHT);
  context.textBaseline = 'top';
  context.textAlign = 'center';
  context.fillStyle = card.accent;
  context.font = 'bold 72px sans-serif';
  context.fillText(card.motto, WIDTH / 2, MARGIN);
  context.textAlign = 'left';
  context.fillStyle = card.ink;
  let y = MARGIN + 180;
  if (card.toLine) {
    context.font = '48px sans-serif';
    context.fillText(card.toLine, MARGIN, y);
    y += 100;
  }
  context.font = '44px sans-serif';
  for (const line of wrap(context, card.greeting, WIDTH - MARGIN * 2)) {
    context.fillText(line, MARGIN, y);
    y += 68;
  }
  if (card.signatureLine) {
    context.textAlign = 'right';
    context.font = '44px sans-serif';
    context.fillText(card.signatureLine, WIDTH - MARGIN, Math.max(y + 60, HEIGHT - MARGIN - 60));
  }
}

/** weapp: offscreen 2D canvas → temp PNG → the photo album (asks for the album permission once). */
export async function keepCard(card: CardDrawing): Promise<CardKeepOutcome> {
  try {
    const canvas = Taro.createOffscreenCanvas({ type: '2d', width: WIDTH, height: HEIGHT }) as unknown as {
      getContext(kind: '2d'): Context2D;
    };
    draw(canvas.getContext('2d'), card);
    const { tempFilePath } = await Taro.canvasToTempFilePath({
      canvas: canvas as never,
      width: WIDTH,
      height: HEIGHT,
      destWidth: WIDTH,
      destHeight: HEIGHT,
      fileType: 'png',
    } as never);
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    return { ok: true, message: '贺卡已保存到相册' };
  } catch (error) {
    const detail = error instanceof Object && 'errMsg' in error ? String(error.errMsg) : String(error);
    if (/auth|deny|denied/i.test(detail)) return { ok: false, message: '请在设置中允许保存到相册后再试' };
    console.warn('[keepCard]', detail);
    return { ok: false, message: '保存贺卡失败，请重试' };
  }
}
