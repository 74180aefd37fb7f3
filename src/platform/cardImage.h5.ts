import type { CardDrawing, CardKeepOutcome } from './cardImageTypes';

export type { CardDrawing, CardKeepOutcome } from './cardImageTypes';

export const KEEP_CARD_LABEL = '打印贺卡';

/** H5: the browser's print dialog; the card page's @media print rules leave only the card on paper. */
export async function keepCard(_card: CardDrawing): Promise<CardKeepOutcome> {
  if (typeof window === 'undefined' || typeof window.print !== 'function')
    return { ok: false, message: '此浏览器不支持打印' };
  window.print();
  return { ok: true, message: '已打开打印' };
}
