import { createTestCloud, createTestDb, type TestCloud } from '@local-cloud/pay/test-support';
import type { InvocationContext } from '@local-cloud/services';
import { CARRIERS } from '@domain/logistics/carriers';
import { OpenApi } from './index';
import { ACTION_TYPES, pathAt, plannedPath, SIMULATED_CARRIERS } from './logistics';

const HOUR = 3600_000;
const SHIPPED = Date.UTC(2026, 10, 25, 2, 0, 0);
const caller: InvocationContext = { openid: '', appid: 'wx-gift-shop', source: 'wx_client', envName: 'local' };

describe('the planned trace of a parcel', () => {
  const waybills = ['SF1400000000001', 'SF1400000000002', 'SF1400000000003', 'SF1400000000004', 'SF1400000000005'];

  it.each(waybills)('%s: 揽收 within hours, 1–3 days on the road, then 派送中 and 已签收, in order', (waybill) => {
    const path = plannedPath('SF', waybill, SHIPPED);
    const types = path.map((item) => item.action_type);
    expect(types[0]).toBe(ACTION_TYPES.collected);
    expect(types.slice(-2)).toEqual([ACTION_TYPES.delivering, ACTION_TYPES.signed]);
    expect(types.slice(1, -2).every((type) => type === ACTION_TYPES.inTransit)).toBe(true);
    const times = path.map((item) => item.action_time * 1000);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const collected = times[0] ?? 0;
    expect(collected - SHIPPED).toBeGreaterThanOrEqual(HOUR);
    expect(collected - SHIPPED).toBeLessThanOrEqual(4 * HOUR);
    const delivering = times[times.length - 2] ?? 0;
    expect(delivering - collected).toBeGreaterThanOrEqual(20 * HOUR);
    expect(delivering - collected).toBeLessThanOrEqual(3 * 24 * HOUR);
    expect(path.every((item) => /\p{Script=Han}/u.test(item.action_msg))).toBe(true);
  });

  it('is the same for the same waybill and differs between waybills', () => {
    expect(plannedPath('SF', 'SF1400000000001', SHIPPED)).toEqual(plannedPath('SF', 'SF1400000000001', SHIPPED));
    const all = waybills.map((waybill) => JSON.stringify(plannedPath('SF', waybill, SHIPPED)));
    expect(new Set(all).size).toBeGreaterThan(1);
  });

  it('shows only what has happened by now', () => {
    const full = plannedPath('ZTO', '75000000000002', SHIPPED);
    expect(pathAt('ZTO', '75000000000002', SHIPPED, SHIPPED)).toEqual([]);
    const firstAt = (full[0]?.action_time ?? 0) * 1000;
    expect(pathAt('ZTO', '75000000000002', SHIPPED, firstAt)).toEqual(full.slice(0, 1));
    expect(pathAt('ZTO', '75000000000002', SHIPPED, SHIPPED + 5 * 24 * HOUR)).toEqual(full);
  });

  it('knows every carrier the shop lists', () => {
    for (const carrier of CARRIERS) expect(SIMULATED_CARRIERS[carrier.code]).toBeDefined();
  });
});

describe('logistics.getPath', () => {
  let cloud: TestCloud;
  let openapi: OpenApi;

  beforeEach(() => {
    cloud = createTestCloud(createTestDb(), SHIPPED);
    openapi = new OpenApi(cloud.services);
  });

  const getPath = (params: Record<string, unknown>) => openapi.handleApi('logistics.getPath', params, caller);

  it('starts a waybill’s trace the first time it is asked about and lets it grow with the clock', async () => {
    const params = { openid: 'o-buyer', delivery_id: 'SF', waybill_id: 'SF1400000000001' };
    expect(await getPath(params)).toEqual({
      errcode: 0,
      errmsg: 'ok',
      openid: 'o-buyer',
      delivery_id: 'SF',
      waybill_id: 'SF1400000000001',
      path_item_num: 0,
      path_item_list: [],
    });
    await cloud.clock.advance(5 * 24 * HOUR);
    const later = await getPath(params);
    expect(later.path_item_list).toEqual(plannedPath('SF', 'SF1400000000001', SHIPPED));
    expect(later.path_item_num).toBe((later.path_item_list as unknown[]).length);
  });

  it('keeps the first moment across restarts (the waybill is stored)', async () => {
    await getPath({ delivery_id: 'JDL', waybill_id: 'JD0088123456789' });
    await cloud.clock.advance(24 * HOUR);
    const again = new OpenApi(cloud.services);
    const answer = await again.handleApi(
      'logistics.getPath',
      { delivery_id: 'JDL', waybill_id: 'JD0088123456789' },
      caller,
    );
    expect(answer.path_item_list).toEqual(pathAt('JDL', 'JD0088123456789', SHIPPED, SHIPPED + 24 * HOUR));
  });

  it('refuses a delivery id WeChat does not know, and missing fields', async () => {
    expect(await getPath({ delivery_id: 'NOPE', waybill_id: '123' })).toMatchObject({ errcode: 9300503 });
    expect(await getPath({ delivery_id: 'SF' })).toMatchObject({ errcode: 47001 });
  });
});
