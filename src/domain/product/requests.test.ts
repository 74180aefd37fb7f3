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

  it('requires a productId', () => {
    const result = parseWith(getProductRequest, { productId: '  ' });
    expect(result.ok || result.code).toBe('COMMON.INVALID_ARGUMENT');
  });
});
