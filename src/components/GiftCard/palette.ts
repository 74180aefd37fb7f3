import type { CardStyle } from '@domain/gift/rules';

/**
 * The look of each greeting-card style: shared by the on-screen card (GiftCard) and the 5:4 share
 * images that scripts/gift-cards.ts renders into static/gift-cards/, so both always match.
 */
export interface CardPalette {
  /** background gradient, top → bottom */
  from: string;
  to: string;
  /** text and ornaments */
  ink: string;
  accent: string;
  /** the phrase printed on the card, e.g. 生日快乐 */
  motto: string;
}

export const CARD_PALETTES = {
  classic: { from: '#b3121f', to: '#e4393c', ink: '#fff7e6', accent: '#f6d28b', motto: '心意满满' },
  birthday: { from: '#ff7a9a', to: '#ffb38a', ink: '#ffffff', accent: '#fff1a8', motto: '生日快乐' },
  thanks: { from: '#1f7a6d', to: '#3fb39b', ink: '#f4fff9', accent: '#ffe08a', motto: '感谢有你' },
  festival: { from: '#c0392b', to: '#f39c12', ink: '#fffaf0', accent: '#ffe27a', motto: '节日快乐' },
} as const satisfies Record<CardStyle, CardPalette>;

/** Where the 5:4 share image of a style is served (the gift function's shareCard answers the same). */
export const cardImagePath = (style: CardStyle): string => `/static/gift-cards/${style}.png`;
