/**
 * defineFunction with the real wx-server-sdk: the caller comes from the environment variables the
 * SDK reads (WX_CONTEXT_KEYS, WX_OPENID, TCB_SOURCE), exactly as in the cloud.
 */
import * as z from 'zod';
import { clock } from '@domain/clock';
import { fail, ok } from '@domain/result';
import { defineFunction, type CallContext } from './dispatch';

// The finder's shop actions are not what this file tests (tests/functions/finder.test.ts does).
const notUnderTest = { schema: z.never(), run: async () => fail('COMMON.UNKNOWN_ACTION', '不支持的操作') };

const seen: CallContext[] = [];
const main = defineFunction('shop', {
  listCategories: {
    schema: z.object({}),
    run: async (_request, ctx) => {
      seen.push(ctx);
      return ok([]);
    },
  },
  listProducts: {
    schema: z.object({ limit: z.number().int().min(1).max(50).optional() }),
    requiresUser: true,
    run: async (request) => ok({ items: [], nextCursor: request.limit === undefined ? null : String(request.limit) }),
  },
  getProduct: {
    schema: z.object({ productId: z.string().min(1) }),
    run: async (request) => {
      if (request.productId === 'boom') throw new Error('database on fire');
      return fail('SHOP.PRODUCT_NOT_FOUND', '商品不存在或已下架');
    },
  },
  listGiftIdeas: notUnderTest,
  giftRanking: notUnderTest,
  listRelated: notUnderTest,
  listSeasonal: notUnderTest,
});

const asCaller = (openid: string | undefined) => {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
  if (openid === undefined) delete process.env.WX_OPENID;
  else process.env.WX_OPENID = openid;
  process.env.WX_APPID = 'wx-app';
  process.env.TCB_SOURCE = 'wx_client';
};

describe('defineFunction', () => {
  const savedEnv = { ...process.env };
  afterEach(() => {
    process.env = { ...savedEnv };
    jest.restoreAllMocks();
  });

  it('runs the action with the caller and the clock time', async () => {
    asCaller('o-alice');
    jest.spyOn(clock, 'now').mockReturnValue(1_800_000_000_000);
    await expect(main({ action: 'listCategories', userInfo: { openId: 'spoofed' } })).resolves.toEqual({
      ok: true,
      data: [],
    });
    expect(seen.at(-1)).toEqual({ openid: 'o-alice', appid: 'wx-app', source: 'wx_client', now: 1_800_000_000_000 });
  });

  it('never echoes a long action back', async () => {
    const action = `x${'\u0000'.repeat(10)}${'y'.repeat(5000)}`;
    const answer = await main({ action });
    expect(answer).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
    const message = answer.ok ? '' : answer.message;
    expect(message.length).toBeLessThan(80);
    expect(message).not.toContain('\u0000');
    expect(message).toContain('shop.x');
    expect(message).toMatch(/…$/);
  });

  it('answers unknown or missing actions with COMMON.UNKNOWN_ACTION', async () => {
    await expect(main({ action: 'dropTables' })).resolves.toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
    await expect(main({ action: 'constructor' })).resolves.toMatchObject({ code: 'COMMON.UNKNOWN_ACTION' });
    await expect(main({})).resolves.toMatchObject({
      code: 'COMMON.UNKNOWN_ACTION',
      message: '不支持的操作：shop 缺少 action',
    });
    await expect(main(null)).resolves.toMatchObject({ code: 'COMMON.UNKNOWN_ACTION' });
    await expect(main({ action: 42 })).resolves.toMatchObject({ code: 'COMMON.UNKNOWN_ACTION' });
  });

  it('validates the request and names the field', async () => {
    asCaller('o-alice');
    await expect(main({ action: 'listProducts', limit: 0 })).resolves.toEqual({
      ok: false,
      code: 'COMMON.INVALID_ARGUMENT',
      message: '参数错误：limit 不能小于 1',
    });
    await expect(main({ action: 'getProduct' })).resolves.toMatchObject({ message: '参数错误：缺少 productId' });
  });

  it('passes the parsed request (without action) to the handler', async () => {
    asCaller('o-alice');
    await expect(main({ action: 'listProducts', limit: 7 })).resolves.toEqual({
      ok: true,
      data: { items: [], nextCursor: '7' },
    });
  });

  it('refuses actions that need a user when there is no openid', async () => {
    asCaller(undefined);
    await expect(main({ action: 'listProducts' })).resolves.toMatchObject({ code: 'COMMON.UNAUTHENTICATED' });
  });

  it('returns failures from handlers as they are', async () => {
    await expect(main({ action: 'getProduct', productId: 'nope' })).resolves.toEqual({
      ok: false,
      code: 'SHOP.PRODUCT_NOT_FOUND',
      message: '商品不存在或已下架',
    });
  });

  it('turns unexpected throws into COMMON.INTERNAL without leaking details', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const answer = await main({ action: 'getProduct', productId: 'boom' });
    expect(answer).toEqual({ ok: false, code: 'COMMON.INTERNAL', message: '系统繁忙，请稍后再试' });
    expect(JSON.stringify(answer)).not.toContain('fire');
    expect(logged).toHaveBeenCalledWith('[shop.getProduct] unexpected error', expect.any(Error));
  });
});
