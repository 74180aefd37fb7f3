import {
  addressSchema,
  checkAddress,
  formatAddress,
  formatContact,
  maskPhone,
  normalizePhone,
  validateAddress,
  type Address,
} from './address';

const valid: Address = {
  userName: '张三',
  telNumber: '13812345678',
  provinceName: '广东省',
  cityName: '广州市',
  countyName: '天河区',
  detailInfo: '体育西路101号',
};

const fieldsOf = (input: unknown) => {
  const result = validateAddress(input);
  return result.ok ? [] : result.errors.map((error) => error.field);
};

describe('address validation', () => {
  it('accepts a filled form and trims every text', () => {
    expect(validateAddress(valid)).toEqual({ ok: true, data: valid });
    const padded = { ...valid, userName: '  张三 ', detailInfo: ' 体育西路101号\n' };
    expect(validateAddress(padded)).toEqual({ ok: true, data: valid });
  });

  it('accepts what wx.chooseAddress returns, dropping its extra keys and an empty postal code', () => {
    const chosen = { ...valid, postalCode: '', nationalCode: '440106', errMsg: 'chooseAddress:ok' };
    expect(addressSchema.parse(chosen)).toEqual(valid);
    expect(addressSchema.parse({ ...valid, postalCode: '510000' })).toEqual({ ...valid, postalCode: '510000' });
  });

  it.each([
    ['+86 138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['19912345678', '19912345678'],
  ])('normalises the mobile number %s', (input, normalized) => {
    expect(normalizePhone(input)).toBe(normalized);
    expect(addressSchema.parse({ ...valid, telNumber: input }).telNumber).toBe(normalized);
  });

  it.each([
    ['12812345678'],
    ['1381234567'],
    ['138123456789'],
    ['020-81167888'],
    ['(020)81167888'],
    [''],
    ['abcdefghijk'],
  ])('refuses %s as a phone number (landlines included)', (telNumber) => {
    const result = validateAddress({ ...valid, telNumber });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'telNumber', code: 'ADDRESS.INVALID_PHONE', message: '请填写正确的11位手机号码（暂不支持座机）' },
      ],
    });
  });

  it('limits the name to 1..20 characters', () => {
    expect(fieldsOf({ ...valid, userName: '名'.repeat(20) })).toEqual([]);
    expect(fieldsOf({ ...valid, userName: '名'.repeat(21) })).toEqual(['userName']);
    expect(fieldsOf({ ...valid, userName: '   ' })).toEqual(['userName']);
    expect(fieldsOf({ ...valid, userName: '😀'.repeat(20) })).toEqual([]);
  });

  it('limits the detail to 4..120 characters', () => {
    expect(fieldsOf({ ...valid, detailInfo: '一二三四' })).toEqual([]);
    expect(fieldsOf({ ...valid, detailInfo: '一二三' })).toEqual(['detailInfo']);
    expect(fieldsOf({ ...valid, detailInfo: '路'.repeat(120) })).toEqual([]);
    expect(fieldsOf({ ...valid, detailInfo: '路'.repeat(121) })).toEqual(['detailInfo']);
  });

  it('requires province, city and county', () => {
    expect(validateAddress({ ...valid, provinceName: '', cityName: ' ', countyName: undefined })).toEqual({
      ok: false,
      errors: [
        { field: 'provinceName', code: 'ADDRESS.INVALID_PROVINCE', message: '请选择省份' },
        { field: 'cityName', code: 'ADDRESS.INVALID_CITY', message: '请选择城市' },
        { field: 'countyName', code: 'ADDRESS.INVALID_COUNTY', message: '请选择区县' },
      ],
    });
  });

  it('checks the optional postal code is 6 digits', () => {
    expect(fieldsOf({ ...valid, postalCode: '51000' })).toEqual(['postalCode']);
    expect(fieldsOf({ ...valid, postalCode: '5100000' })).toEqual(['postalCode']);
    expect(fieldsOf({ ...valid, postalCode: ' 510000 ' })).toEqual([]);
  });

  it('reports every invalid field of a wrong value, in form order', () => {
    expect(fieldsOf({})).toEqual(['userName', 'telNumber', 'provinceName', 'cityName', 'countyName', 'detailInfo']);
    expect(fieldsOf(null)).toEqual(['userName', 'telNumber', 'provinceName', 'cityName', 'countyName', 'detailInfo']);
    expect(fieldsOf({ ...valid, userName: 5, telNumber: '1' })).toEqual(['userName', 'telNumber']);
  });

  it('gives server code one failure with the field code', () => {
    expect(checkAddress(valid)).toEqual({ ok: true, data: valid });
    expect(checkAddress({ ...valid, detailInfo: '短' })).toEqual({
      ok: false,
      code: 'ADDRESS.INVALID_DETAIL',
      message: '请填写详细地址（4-120个字）',
    });
    expect(checkAddress('广州')).toMatchObject({ ok: false, code: 'ADDRESS.MISSING' });
  });

  it('inside a request schema, names the field with the Chinese message', () => {
    const result = addressSchema.safeParse({ ...valid, telNumber: '123' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['telNumber'], message: '请填写正确的11位手机号码（暂不支持座机）' }),
    ]);
  });
});

describe('address text hygiene', () => {
  it.each([
    ['userName', '张\u0000三', 'ADDRESS.INVALID_NAME', '收货人姓名包含不可见的控制字符'],
    ['userName', '\u3164\u2800', 'ADDRESS.INVALID_NAME', '请填写收货人姓名'],
    ['provinceName', '广东\uD800', 'ADDRESS.INVALID_PROVINCE', '省份包含无法显示的字符'],
    ['cityName', '\u200B\u00AD', 'ADDRESS.INVALID_CITY', '请选择城市'],
    ['countyName', '天河\u0085区', 'ADDRESS.INVALID_COUNTY', '区县不能换行'],
    ['detailInfo', '体育西路\u0000101号', 'ADDRESS.INVALID_DETAIL', '详细地址包含不可见的控制字符'],
    ['detailInfo', '体育西路\n101号', 'ADDRESS.INVALID_DETAIL', '详细地址不能换行'],
    ['telNumber', '1381234\u00005678', 'ADDRESS.INVALID_PHONE', '请填写正确的11位手机号码'],
    ['postalCode', '510\u0000000', 'ADDRESS.INVALID_POSTAL_CODE', '邮政编码应为6位数字'],
  ])('%s %j: the field code, a message naming the field', (field, value, code, message) => {
    const result = validateAddress({ ...valid, [field]: value });
    expect(result.ok).toBe(false);
    expect(result.ok || result.errors).toEqual([{ field, code, message: expect.stringContaining(message) }]);
    const single = checkAddress({ ...valid, [field]: value });
    expect(single).toMatchObject({ ok: false, code });
  });

  it('stores NFC text and keeps emoji and CJK', () => {
    const result = validateAddress({ ...valid, userName: ' Jose\u0301 😀 ', detailInfo: '体育西路101号 🏠 3栋' });
    expect(result).toEqual({
      ok: true,
      data: { ...valid, userName: 'Jos\u00E9 😀', detailInfo: '体育西路101号 🏠 3栋' },
    });
  });

  it('refuses the same inside a request schema', () => {
    expect(addressSchema.safeParse({ ...valid, userName: '\u0000' }).success).toBe(false);
  });
});

describe('address display', () => {
  it('masks the phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(maskPhone('020-81167888')).toBe('****7888');
    expect(maskPhone('123')).toBe('****');
  });

  it('formats the address on one line, writing a municipality once', () => {
    expect(formatAddress(valid)).toBe('广东省广州市天河区体育西路101号');
    expect(
      formatAddress({ provinceName: '北京市', cityName: '北京市', countyName: '朝阳区', detailInfo: '建国路88号' }),
    ).toBe('北京市朝阳区建国路88号');
    expect(formatContact(valid)).toBe('张三 138****5678');
  });
});
