import { parseWith } from '@domain/validation';
import { checkNickname, isAvatarUrl, NICKNAME_MAX_CHARS, updateProfileSchema } from './profile';

describe('avatar addresses', () => {
  it.each([
    'https://cdn.example.com/avatars/a.png',
    'https://thirdwx.qlogo.cn/mmopen/vi_32/abc/132',
    'https://img.example.com:8443/a.png?size=132#x',
    '/static/avatars/a.png',
    '/a',
    'cloud://test-28farb.7465-test-28farb-1258717525/avatars/o123.png',
  ])('accepts %s', (url) => {
    expect(isAvatarUrl(url)).toBe(true);
  });

  it.each([
    ['a protocol-relative URL', '//host/a.png'],
    ['a protocol-relative URL with more slashes', '///host/a.png'],
    ['plain http', 'http://host/a.png'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:image/png;base64,AAAA'],
    ['a relative path', 'static/a.png'],
    ['a parent segment', '/static/../secret.png'],
    ['a current segment', '/static/./a.png'],
    ['an encoded parent segment', '/static/%2e%2e/a.png'],
    ['an encoded parent segment in https', 'https://host/a/%2E%2E/b.png'],
    ['a parent segment in https', 'https://host/a/../b.png'],
    ['a backslash', '/static\\a.png'],
    ['a backslash in https', 'https://host\\@evil.com/a.png'],
    ['a backslash in the https path', 'https://host/a\\b.png'],
    ['user info', 'https://user@evil.com/a.png'],
    ['whitespace', '/static/a b.png'],
    ['a NUL', '/static/a\u0000.png'],
    ['a trailing slash only', '/'],
    ['a double slash inside a site path', '/static//a.png'],
    ['an empty string', ''],
    ['a very long address', `https://host/${'a'.repeat(2000)}`],
  ])('refuses %s', (_name, url) => {
    expect(isAvatarUrl(url)).toBe(false);
  });
});

describe('updateProfile request', () => {
  it('stores the nickname normalised, with emoji and CJK', () => {
    expect(parseWith(updateProfileSchema, { nickname: ' 小明😀 ', avatarUrl: '/static/a.png' })).toEqual({
      ok: true,
      data: { nickname: '小明😀', avatarUrl: '/static/a.png' },
    });
  });

  it.each([
    ['a NUL', '小\u0000明', '昵称包含不可见的控制字符'],
    ['a lone surrogate', '小明\uD800', '昵称包含无法显示的字符'],
    ['only invisible characters', '\u3164\u2800\u200B', '昵称应为1-20个字'],
    ['too many characters', '字'.repeat(NICKNAME_MAX_CHARS + 1), '昵称应为1-20个字'],
  ])('refuses a nickname with %s as INVALID_ARGUMENT', (_name, nickname, message) => {
    const result = parseWith(updateProfileSchema, { nickname });
    expect(result).toMatchObject({ ok: false, code: 'COMMON.INVALID_ARGUMENT' });
    expect(result.ok || result.message).toContain(message);
    expect(checkNickname(nickname)).toMatchObject({ ok: false, code: 'COMMON.INVALID_ARGUMENT' });
  });

  it('refuses //host avatars', () => {
    const result = parseWith(updateProfileSchema, { nickname: '小明', avatarUrl: '//host/a.png' });
    expect(result.ok || result.message).toContain('头像地址格式不正确');
  });

  it('checks the nickname on the client exactly as the function does', () => {
    expect(checkNickname('  小红 ')).toEqual({ ok: true, data: '小红' });
  });
});
