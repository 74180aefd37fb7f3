/**
 * Text hygiene: every text a person types that we store or search (greeting and card lines,
 * nickname, address fields, search keyword, shipping company) goes through here, on the client and in
 * the cloud functions alike. Decisions (docs/domain.md, "Text hygiene"):
 *
 * - Refused, never silently dropped: control characters (C0, DEL, C1 — line breaks only in fields
 *   that allow them), lone surrogates (half an emoji: unreadable, and some drivers choke on it) and
 *   Unicode noncharacters. The person sees which field to fix.
 * - Blank: text made only of what shows nothing (whitespace, format and default-ignorable characters
 *   such as U+200B, U+00AD, U+2063, U+180E, bidi marks, variation selectors, the Hangul fillers
 *   U+3164 / U+115F / U+1160 / U+FFA0, the Braille blank U+2800, and combining marks with no base
 *   letter) counts as empty, so '请填写…' applies to it.
 * - Normalised: NFC (one encoding per letter, so lengths and searches agree), line breaks as '\n',
 *   trimmed. Invisible characters inside real text are kept: a ZWJ or a variation selector is part
 *   of an emoji.
 *
 * Classes come from Unicode property escapes (the JS engine's own Unicode tables), not hand lists.
 */
import * as z from 'zod';

export interface TextRules {
  /** '\n' allowed (the greeting); everywhere else a line break is refused */
  multiline?: boolean;
}

/** Why a text cannot be stored. */
export type TextFlaw = 'control' | 'lineBreak' | 'brokenCharacter';

/** Length as people count it on screen for CJK and most emoji: Unicode code points, not UTF-16 units. */
export const countChars = (text: string): number => {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
};

const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/u;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// In a `u` regex a lone surrogate is a code point of category Cs; a proper pair is one astral code point.
const BROKEN_CHARACTER = /[\p{Cs}\p{Noncharacter_Code_Point}]/u;
/** What draws nothing: whitespace, format (Cf) and default-ignorable characters, the Braille blank. */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu;
/** Combining marks only show on a base letter; with none left they are no text either. */
const ONLY_MARKS = /^\p{Mn}*$/u;

/** True for '', spaces, and text made only of invisible characters (see the header). */
export const isBlankText = (text: string): boolean => ONLY_MARKS.test(text.replace(INVISIBLE, ''));

/** The first reason `text` cannot be stored, or null. Checks the raw text, before normalising. */
export function findTextFlaw(text: string, rules: TextRules = {}): TextFlaw | null {
  // Blank text stores as '' whatever its whitespace was (a tab or a newline included).
  if (isBlankText(text)) return null;
  // Whitespace at either end (tabs and line breaks included) is trimmed away, never stored.
  const inner = text.trim();
  if (BROKEN_CHARACTER.test(inner)) return 'brokenCharacter';
  const lineBreak = LINE_BREAK.test(inner);
  if (lineBreak && !rules.multiline) return 'lineBreak';
  return CONTROL.test(lineBreak ? inner.replace(LINE_BREAKS, '') : inner) ? 'control' : null;
}

/** NFC, line breaks as '\n' (multiline) and trimmed; blank text becomes ''. Assumes findTextFlaw passed. */
export function normalizeText(text: string, rules: TextRules = {}): string {
  // normalize() needs the engine's Unicode data; an engine built without it keeps the text as typed.
  const composed = typeof text.normalize === 'function' ? text.normalize('NFC') : text;
  const unified = rules.multiline ? composed.replace(LINE_BREAKS, '\n') : composed;
  return isBlankText(unified) ? '' : unified.trim();
}

const FLAW_MESSAGES: Record<TextFlaw, string> = {
  control: '包含不可见的控制字符，请删除后重新输入',
  lineBreak: '不能换行，请写在一行内',
  brokenCharacter: '包含无法显示的字符，请删除后重新输入',
};

/** '赠言包含无法显示的字符，请删除后重新输入' — the Chinese sentence naming the field. */
export const textFlawMessage = (fieldName: string, flaw: TextFlaw): string => `${fieldName}${FLAW_MESSAGES[flaw]}`;

export type CleanText = { ok: true; text: string } | { ok: false; flaw: TextFlaw; message: string };

/** The text as stored (normalised, '' when blank), or why not. For rule checks with their own codes. */
export function cleanText(text: string, fieldName: string, rules: TextRules = {}): CleanText {
  const flaw = findTextFlaw(text, rules);
  if (flaw) return { ok: false, flaw, message: textFlawMessage(fieldName, flaw) };
  return { ok: true, text: normalizeText(text, rules) };
}

/**
 * A zod string that refuses flawed text (a custom issue whose message names the field) and
 * normalises the rest; chain length rules after it (`.max()`, `.refine(countChars …)`), which then see
 * the normalised text. `typeError` is the message when the value is not a string at all.
 */
export const storedText = (fieldName: string, rules: TextRules = {}, typeError = `${fieldName}应为文本`) =>
  z
    // only for "not a string": the length rules chained after keep their own messages
    .string({ error: (issue) => (issue.code === 'invalid_type' ? typeError : undefined) })
    .superRefine((value, ctx) => {
      const flaw = findTextFlaw(value, rules);
      if (flaw) ctx.addIssue({ code: 'custom', message: textFlawMessage(fieldName, flaw), abort: true });
    })
    .overwrite((value) => normalizeText(value, rules));

/** Error messages built from input quote at most this many characters of it. */
export const ECHO_MAX_CHARS = 32;

/**
 * A piece of untrusted input for an error message or a log line: at most ECHO_MAX_CHARS code
 * points, control and broken characters replaced by '�', '…' when cut. Never echo input otherwise.
 */
export function clipForMessage(value: string, maxChars = ECHO_MAX_CHARS): string {
  const characters = Array.from(value.slice(0, maxChars * 2 + 2)).slice(0, maxChars + 1);
  const shown = characters
    .slice(0, maxChars)
    .map((character) => (BROKEN_CHARACTER.test(character) || CONTROL.test(character) ? '\uFFFD' : character))
    .join('');
  return characters.length > maxChars ? `${shown}…` : shown;
}
