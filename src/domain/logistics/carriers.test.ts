import {
  CARRIERS,
  carrierByCode,
  checkShipment,
  checkTrackingNo,
  normalizeTrackingNo,
  resolveCarrier,
} from './carriers';

const carrier = (code: string) => {
  const found = carrierByCode(code);
  if (!found) throw new Error(`no carrier ${code}`);
  return found;
};

describe('the carrier list', () => {
  it('has the common carriers with WeChat’s delivery ids, each code and name once', () => {
    const names = Object.fromEntries(CARRIERS.map((c) => [c.code, c.name]));
    expect(names).toMatchObject({
      SF: '顺丰速运',
      ZTO: '中通快递',
      YTO: '圆通速递',
      YUNDA: '韵达快递',
      STO: '申通快递',
      JTSD: '极兔速递',
      EMS: 'EMS',
      JDL: '京东物流',
      DB: '德邦快递',
    });
    const codes = CARRIERS.map((c) => c.code);
    const allNames = CARRIERS.flatMap((c) => [c.name, ...c.aliases]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(allNames).size).toBe(allNames.length);
  });

  it('resolves a code (any case), a name or an alias; nothing else', () => {
    expect(resolveCarrier('SF')?.name).toBe('顺丰速运');
    expect(resolveCarrier(' sf ')?.name).toBe('顺丰速运');
    expect(resolveCarrier('顺丰速运')?.code).toBe('SF');
    expect(resolveCarrier('顺丰')?.code).toBe('SF');
    expect(resolveCarrier('京东物流')?.code).toBe('JDL');
    expect(resolveCarrier('中国邮政')?.code).toBe('EMS');
    expect(resolveCarrier('随便快递')).toBeUndefined();
    expect(resolveCarrier('')).toBeUndefined();
  });
});

describe('tracking numbers', () => {
  it('normalizes spaces and case', () => {
    expect(normalizeTrackingNo(' sf 1400 0000 00001 ')).toBe('SF1400000000001');
  });

  it.each([
    ['SF', 'SF1400000000001'],
    ['SF', '123456789012'],
    ['ZTO', '75000000000002'],
    ['YTO', 'YT7500000000001'],
    ['YUNDA', '4312345678901'],
    ['STO', '773000000000001'],
    ['JTSD', 'JT0001234567890'],
    ['EMS', '1100000000001'],
    ['EMS', 'EA123456789CN'],
    ['JDL', 'JD0088123456789'],
    ['DB', 'DPK123456789012'],
    ['BEST', '70123456789012'],
  ])('accepts %s %s', (code, number) => {
    expect(checkTrackingNo(carrier(code), number)).toEqual({ ok: true, data: number });
  });

  it.each([
    ['SF', 'SF1'],
    ['SF', 'SF1234567890'],
    ['ZTO', 'ZT7500000000002'],
    ['JTSD', '123456789012'],
    ['EMS', 'E123'],
    ['JDL', '0088123456789'],
    ['BEST', 'ABC-12'],
  ])('refuses %s %s, saying what the carrier’s numbers look like', (code, number) => {
    const checked = checkTrackingNo(carrier(code), number);
    expect(checked).toMatchObject({ ok: false, code: 'LOGISTICS.INVALID_TRACKING_NO' });
    if (!checked.ok) expect(checked.message).toContain(carrier(code).trackingHint);
  });

  it('checks a shipment: a listed carrier first, then its number format', () => {
    expect(checkShipment('顺丰', 'sf1400000000001')).toMatchObject({
      ok: true,
      data: { carrier: { code: 'SF' }, trackingNo: 'SF1400000000001' },
    });
    expect(checkShipment('顺风', 'SF1400000000001')).toMatchObject({ ok: false, code: 'LOGISTICS.UNKNOWN_CARRIER' });
    expect(checkShipment('SF', 'JD0088123456789')).toMatchObject({ ok: false, code: 'LOGISTICS.INVALID_TRACKING_NO' });
  });
});
