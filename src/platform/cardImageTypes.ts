/**
 * Keeping a printed greeting card: weapp draws it on a canvas and saves the picture to the photo
 * album (cardImage.ts); H5 opens the browser's print dialog, whose print stylesheet shows only the
 * card (cardImage.h5.ts). One call for the card page either way.
 */
export interface CardDrawing {
  /** background gradient, top → bottom, and the colours of the text */
  from: string;
  to: string;
  ink: string;
  accent: string;
  motto: string;
  /** 「致 …：」 or '' */
  toLine: string;
  greeting: string;
  /** '—— 小明' or '' */
  signatureLine: string;
}

export type CardKeepOutcome = { ok: true; message: string } | { ok: false; message: string };

export type KeepCard = (card: CardDrawing) => Promise<CardKeepOutcome>;
