import * as z from 'zod';
import { fieldPath, parseWith, validationFailure } from './validation';

const schema = z.object({
  productId: z.string().min(1),
  limit: z.number().int().min(1).max(50).optional(),
  sort: z.enum(['sales', 'priceAsc']).optional(),
  keyword: z.string().max(5).optional(),
  items: z.array(z.object({ skuId: z.string(), quantity: z.number().int().positive() })).optional(),
});

const messageFor = (input: unknown): string => {
  const result = parseWith(schema, input);
  if (result.ok) throw new Error('expected a failure');
  expect(result.code).toBe('COMMON.INVALID_ARGUMENT');
  return result.message;
};

describe('validation', () => {
  it('passes valid input through', () => {
    expect(parseWith(schema, { productId: 'p1', limit: 5 })).toEqual({ ok: true, data: { productId: 'p1', limit: 5 } });
  });

  it.each([
    [{}, '参数错误：缺少 productId'],
    [{ productId: 1 }, '参数错误：productId 应为字符串'],
    [{ productId: 'p', limit: 0 }, '参数错误：limit 不能小于 1'],
    [{ productId: 'p', limit: 1000 }, '参数错误：limit 不能大于 50'],
    [{ productId: 'p', limit: 'x' }, '参数错误：limit 应为数字'],
    [{ productId: 'p', limit: 1.5 }, '参数错误：limit 应为整数'],
    [{ productId: 'p', sort: 'up' }, '参数错误：sort 取值无效，可选值：sales、priceAsc'],
    [{ productId: 'p', keyword: '123456' }, '参数错误：keyword 长度不能超过 5 个字符'],
    [{ productId: '' }, '参数错误：productId 长度不能少于 1 个字符'],
    [{ productId: 'p', items: [{ skuId: 's', quantity: 0 }] }, '参数错误：items[0].quantity 必须大于 0'],
    [{ productId: 'p', items: [{ quantity: 1 }] }, '参数错误：缺少 items[0].skuId'],
    [null, '参数错误：请求 应为对象'],
  ])('%j → %s', (input, message) => {
    expect(messageFor(input)).toBe(message);
  });

  it('names unknown keys of strict objects and uses refinement messages', () => {
    const strict = z.strictObject({ a: z.string().refine((value) => value.startsWith('x'), '必须以 x 开头') });
    const unknownKey = parseWith(strict, { a: 'x', b: 1 });
    expect(unknownKey.ok || unknownKey.message).toBe('参数错误：不支持的参数 b');
    const refined = parseWith(strict, { a: 'y' });
    expect(refined.ok || refined.message).toBe('参数错误：a 必须以 x 开头');
  });

  it('tells missing from mistyped without the input too', () => {
    const parsed = schema.safeParse({});
    if (parsed.success) throw new Error('expected a failure');
    expect(validationFailure(parsed.error).message).toBe('参数错误：缺少 productId');
  });

  it('renders paths', () => {
    expect(fieldPath(['items', 0, 'skuId'])).toBe('items[0].skuId');
    expect(fieldPath([])).toBe('');
  });
});

describe('input in messages', () => {
  it('names at most a few unknown keys, each clipped', () => {
    const keys = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`${'k'.repeat(5000)}${index}`, 1]));
    const result = parseWith(z.strictObject({}), keys);
    expect(result).toMatchObject({ ok: false, code: 'COMMON.INVALID_ARGUMENT' });
    expect(result.ok || result.message.length).toBeLessThan(200);
    expect(result.ok || result.message).toContain('等50个');
  });

  it('clips a long key in a path', () => {
    expect(fieldPath(['x'.repeat(5000), 0])).toBe(`${'x'.repeat(32)}…[0]`);
  });
});
