import { parseWith } from './validation';
import {
  cleanText,
  clipForMessage,
  countChars,
  ECHO_MAX_CHARS,
  findTextFlaw,
  isBlankText,
  normalizeText,
  storedText,
} from './text';

const codePoint = (hex: number) => String.fromCodePoint(hex);

describe('text hygiene: blank text', () => {
  it.each([
    ['empty', ''],
    ['spaces, tab-free', '   '],
    ['ideographic space U+3000', '\u3000\u3000'],
    ['no-break and thin spaces', '\u00A0\u2009\u202F'],
    ['zero-width space U+200B', '\u200B'],
    ['invisible separator U+2063', '\u2063\u2063'],
    ['word joiner U+2060', '\u2060'],
    ['BOM U+FEFF', '\uFEFF'],
    ['soft hyphen U+00AD', '\u00AD'],
    ['Hangul filler U+3164', '\u3164\u3164'],
    ['Hangul choseong / jungseong fillers U+115F U+1160', '\u115F\u1160'],
    ['halfwidth Hangul filler U+FFA0', '\uFFA0'],
    ['Mongolian vowel separator U+180E', '\u180E'],
    ['Braille blank U+2800', '\u2800\u2800'],
    ['bidi marks U+200E U+200F U+061C', '\u200E\u200F\u061C'],
    ['bidi embeddings and isolates', '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069'],
    ['variation selectors', '\uFE0F\uFE00' + codePoint(0xe0100)],
    ['tag characters', codePoint(0xe0001) + codePoint(0xe0041)],
    ['combining marks with no base letter', '\u0301\u0308'],
    ['a mix of all of them', ' \u2063\u00AD\u3164\u180E\u2800\u200F\u3000 '],
  ])('%s is blank', (_name, text) => {
    expect(isBlankText(text)).toBe(true);
    expect(normalizeText(text)).toBe('');
    expect(cleanText(text, '赠言')).toEqual({ ok: true, text: '' });
  });

  it.each([
    ['Chinese', '生日快乐'],
    ['an emoji alone', '😀'],
    ['an emoji with a variation selector', '❤️'],
    ['a ZWJ family emoji', '👨‍👩‍👧'],
    ['a letter with a combining accent', 'e\u0301'],
    ['a flag', '🇨🇳'],
  ])('%s is not blank', (_name, text) => {
    expect(isBlankText(text)).toBe(false);
  });
});

describe('text hygiene: refused characters', () => {
  it.each([
    ['NUL', 'a\u0000b', 'control'],
    ['a C0 control (BEL)', 'a\u0007b', 'control'],
    ['escape', '\u001B[31m红', 'control'],
    ['tab', '张\t三', 'control'],
    ['DEL', 'ab\u007F', 'control'],
    ['a C1 control (U+0080)', 'a\u0080', 'control'],
    ['a C1 control (U+009F)', 'a\u009F', 'control'],
    ['a lone high surrogate', 'a\uD800b', 'brokenCharacter'],
    ['a lone low surrogate', '\uDC00b', 'brokenCharacter'],
    ['a reversed surrogate pair', '\uDE00\uD83D', 'brokenCharacter'],
    ['noncharacter U+FFFE', 'a\uFFFE', 'brokenCharacter'],
    ['noncharacter U+FDD0', '\uFDD0', 'brokenCharacter'],
    ['noncharacter U+1FFFF', codePoint(0x1ffff), 'brokenCharacter'],
    ['a newline in a one-line field', '张\n三', 'lineBreak'],
    ['a carriage return in a one-line field', '张\r三', 'lineBreak'],
    ['a line separator in a one-line field', '张\u2028三', 'lineBreak'],
  ])('%s is refused', (_name, text, flaw) => {
    expect(findTextFlaw(text)).toBe(flaw);
    const cleaned = cleanText(text, '收货人姓名');
    expect(cleaned.ok).toBe(false);
    expect(cleaned.ok || cleaned.message).toMatch(/^收货人姓名/);
  });

  it('refuses a NUL even where line breaks are allowed, and in otherwise blank text', () => {
    expect(findTextFlaw('祝你\u0000快乐', { multiline: true })).toBe('control');
    expect(findTextFlaw('\u0000', { multiline: true })).toBe('control');
    expect(findTextFlaw('\u200B\uD800')).toBe('brokenCharacter');
  });

  it('trims line breaks and tabs at either end of a one-line field', () => {
    expect(findTextFlaw('\n体育西路101号\r\n')).toBeNull();
    expect(normalizeText('\n体育西路101号\r\n')).toBe('体育西路101号');
    expect(findTextFlaw('\t小明 \t')).toBeNull();
    expect(normalizeText('\t小明 \t')).toBe('小明');
  });

  it('allows line breaks in a multiline field and stores them as \\n', () => {
    expect(findTextFlaw('第一行\r\n第二行\r第三行\u2028第四行', { multiline: true })).toBeNull();
    expect(normalizeText(' 第一行\r\n第二行\r第三行\u2028第四行 \n', { multiline: true })).toBe(
      '第一行\n第二行\n第三行\n第四行',
    );
  });

  it('accepts ordinary mixed text with emoji, CJK, punctuation and invisible joiners inside', () => {
    const text = '祝你生日快乐🎂！Happy birthday, 小明 👨‍👩‍👧 ❤️ (2026) 😀';
    expect(findTextFlaw(text)).toBeNull();
    expect(cleanText(`  ${text}\u3000`, '赠言')).toEqual({ ok: true, text });
  });
});

describe('text hygiene: normalising', () => {
  it('composes to NFC so the same letter is stored and counted once', () => {
    const decomposed = 'Cafe\u0301';
    expect(normalizeText(decomposed)).toBe('Caf\u00E9');
    expect(countChars(normalizeText(decomposed))).toBe(4);
  });

  it('trims whitespace including the ideographic space', () => {
    expect(normalizeText('\u3000 小明 \u00A0')).toBe('小明');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(countChars('中😀a')).toBe(3);
  });
});

describe('storedText (zod)', () => {
  const nickname = storedText('昵称').refine((text) => countChars(text) >= 1, { error: '请填写昵称' });

  it('normalises before the length rules run', () => {
    expect(parseWith(nickname, '  小明 ')).toEqual({ ok: true, data: '小明' });
    expect(parseWith(nickname, '\u3164\u2800').ok).toBe(false);
  });

  it('answers COMMON.INVALID_ARGUMENT naming the field for refused characters', () => {
    const result = parseWith(nickname, '小\u0000明');
    expect(result).toMatchObject({ ok: false, code: 'COMMON.INVALID_ARGUMENT' });
    expect(result.ok || result.message).toContain('昵称包含不可见的控制字符');
    expect(parseWith(nickname, '\uD800').ok || 'refused').toBe('refused');
  });

  it('names the field for a value that is not text', () => {
    const result = parseWith(nickname, 42);
    expect(result.ok || result.message).toContain('昵称应为文本');
  });
});

describe('clipForMessage', () => {
  it('keeps short input as it is', () => {
    expect(clipForMessage('listProducts')).toBe('listProducts');
  });

  it('cuts long input to a short prefix', () => {
    const clipped = clipForMessage('x'.repeat(5000));
    expect(clipped).toBe(`${'x'.repeat(ECHO_MAX_CHARS)}…`);
  });

  it('never passes on control or broken characters, and never splits an emoji', () => {
    expect(clipForMessage('a\u0000b\uD800c\n')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(clipForMessage('😀'.repeat(40), 3)).toBe('😀😀😀…');
  });
});
