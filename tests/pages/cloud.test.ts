/**
 * callCloud's one-shape promise: whatever happens on the way, pages get { ok: true, data } or
 * { ok: false, code, message }. H5 transport through the fake gateway (fetch); weapp transport
 * with Taro.cloud.callFunction replaced.
 */
import Taro from '@tarojs/taro';
import { callCloud } from '@/services/cloud';
import { ok } from '@domain/result';
import { DEV_USER_STORAGE_KEY } from '@/platform/devUser.h5';
import type { CloudTransport } from '@/platform/cloudTransportTypes';
import { answer, calls, setUnreachable } from './support/gateway';
import { scarfSummary } from './support/fixtures';

const listEvent = { action: 'listProducts' as const, limit: 1 };

describe('callCloud on H5 (POST /functions/<name>)', () => {
  test('passes the function answer through and sends the dev user as X-WX-OPENID', async () => {
    answer('shop', 'listProducts', () => ok({ items: [scarfSummary], nextCursor: null }));
    window.localStorage.setItem(DEV_USER_STORAGE_KEY, 'dev-recipient');

    await expect(callCloud('shop', listEvent)).resolves.toEqual(ok({ items: [scarfSummary], nextCursor: null }));
    expect(calls).toEqual([{ name: 'shop', event: listEvent, openid: 'dev-recipient' }]);
  });

  test('a Fail from the function is returned as is', async () => {
    answer('shop', 'getProduct', () => ({ ok: false, code: 'COMMON.NOT_FOUND', message: '内容不存在' }));
    await expect(callCloud('shop', { action: 'getProduct', productId: 'x' })).resolves.toEqual({
      ok: false,
      code: 'COMMON.NOT_FOUND',
      message: '内容不存在',
    });
  });

  test('no network → NETWORK.UNAVAILABLE', async () => {
    setUnreachable(true);
    const answerGot = await callCloud('shop', listEvent);
    expect(answerGot).toMatchObject({ ok: false, code: 'NETWORK.UNAVAILABLE' });
    expect(!answerGot.ok && answerGot.message).toMatch(/^网络/);
  });

  test('gateway error without a Result (function missing or crashed) → NETWORK.FUNCTION_FAILED', async () => {
    // no canned answer: the fake gateway says 404 with a non-Result body
    await expect(callCloud('shop', listEvent)).resolves.toMatchObject({ ok: false, code: 'NETWORK.FUNCTION_FAILED' });
    answer('shop', 'listProducts', () => {
      throw new Error('boom');
    });
    await expect(callCloud('shop', listEvent)).resolves.toMatchObject({ ok: false, code: 'NETWORK.FUNCTION_FAILED' });
  });

  test('a 200 answer that is not a Result → NETWORK.FUNCTION_FAILED', async () => {
    answer('shop', 'listProducts', () => ({ items: [] }) as never);
    await expect(callCloud('shop', listEvent)).resolves.toMatchObject({ ok: false, code: 'NETWORK.FUNCTION_FAILED' });
  });
});

describe('weapp transport (wx.cloud.callFunction)', () => {
  // The weapp file itself, not the .h5 one this project's resolver prefers.
  const weapp = jest.requireActual<{ sendToCloud: CloudTransport; initCloud: () => void }>(
    '../../src/platform/cloudTransport.ts',
  );
  const cloud = { init: jest.fn(), callFunction: jest.fn() };

  beforeEach(() => {
    Object.assign(Taro, { cloud });
    cloud.init.mockReset();
    cloud.callFunction.mockReset();
  });

  test('initCloud turns on traceUser', () => {
    weapp.initCloud();
    expect(cloud.init).toHaveBeenCalledWith({ traceUser: true });
  });

  test('sends { name, data: event } and answers with result', async () => {
    cloud.callFunction.mockResolvedValue({ result: ok(1), errMsg: 'cloud.callFunction:ok' });
    await expect(weapp.sendToCloud('shop', listEvent)).resolves.toEqual({ kind: 'answered', body: ok(1) });
    expect(cloud.callFunction).toHaveBeenCalledWith({ name: 'shop', data: listEvent });
  });

  test('sorts WeChat failures into unreachable and failed', async () => {
    cloud.callFunction.mockRejectedValueOnce({ errCode: -1, errMsg: 'cloud.callFunction:fail request:fail timeout' });
    await expect(weapp.sendToCloud('shop', listEvent)).resolves.toMatchObject({ kind: 'unreachable' });
    cloud.callFunction.mockRejectedValueOnce({
      errCode: -404011,
      errMsg: 'cloud.callFunction:fail -404011 cloud function execution error',
    });
    await expect(weapp.sendToCloud('shop', listEvent)).resolves.toMatchObject({ kind: 'failed' });
  });
});
