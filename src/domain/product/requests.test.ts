import { parseWith } from '@domain/validation';
import { getProductRequest, listCategoriesRequest, listProductsRequest } from './requests';

describe('shop request schemas', () => {
  it('accepts the documented shapes and trims text', () => {
    expect(parseWith(listCategoriesRequest, {})).toEqual({ ok: true, data: {} });
    expect(
      parseWith(listProductsRequest, { categoryId: 'food', keyword: ' 巧克力 ', sort: 'priceAsc', limit: 50 }),
    ).toEqual({
      ok: true,
      data: { categoryId: 'food', keyword: '巧克力', sort: 'priceAsc', limit: 50 },
    });
    expect(parseWith(getProductRequest, { productId: 'food-tea' }).ok).toBe(true);
  });

  it.each([
    [{ limit: 0 }, 'limit 不能小于 1'],
    [{ limit: 1000 }, 'limit 不能大于 50'],
    [{ limit: 'x' }, 'limit 应为数字'],
    [{ sort: 'newest' }, 'sort 取值无效'],
    [{ cursor: '!!' }, 'cursor 格式不正确'],
    [{ keyword: 'x'.repeat(51) }, 'keyword 长度不能超过 50 个字符'],
  ])('rejects %j', (input, message) => {
    const result = parseWith(listProductsRequest, input);
    expect(result.ok).toBe(false);
    expect(result.ok || result.message).toContain(message);
  });

  it.each([
    ['a NUL', '巧克\u0000力', '搜索关键词包含不可见的控制字符'],
    ['a lone surrogate', '\uD800', '搜索关键词包含无法显示的字符'],
    ['a line break', '巧克\n力', '搜索关键词不能换行'],
  ])('refuses a keyword with %s as INVALID_ARGUMENT', (_name, keyword, message) => {
    const result = parseWith(listProductsRequest, { keyword });
    expect(result).toMatchObject({ ok: false, code: 'COMMON.INVALID_ARGUMENT' });
    expect(result.ok || result.message).toContain(message);
  });

  it('treats an invisible-only keyword as no keyword and keeps emoji and CJK', () => {
    expect(parseWith(listProductsRequest, { keyword: '\u3164\u200B' })).toEqual({ ok: true, data: { keyword: '' } });
    expect(parseWith(listProductsRequest, { keyword: ' 🎂 蛋糕 ' })).toEqual({
      ok: true,
      data: { keyword: '🎂 蛋糕' },
    });
  });

  it('refuses ids with characters no catalogue id has', () => {
    expect(parseWith(getProductRequest, { productId: 'food\u0000tea' }).ok).toBe(false);
    expect(parseWith(listProductsRequest, { categoryId: '../food' }).ok).toBe(false);
  });

  it('requires a productId', () => {
    const result = parseWith(getProductRequest, { productId: '  ' });
    expect(result.ok || result.code).toBe('COMMON.INVALID_ARGUMENT');
  });
});
