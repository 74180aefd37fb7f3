import { assertEmbeddedJsonShallow, decodeUtf8, nestsDeeperThan, parseJsonBody, RequestRejected } from './limits';

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, not brackets inside strings or escaped quotes', () => {
    expect(nestsDeeperThan('[[1]]', 2)).toBe(false);
    expect(nestsDeeperThan('[[[1]]]', 2)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":{"b":[1]}}', 2)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ s: '[[[[{{{{' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ s: 'quote \\" then [[[[' }), 1)).toBe(false);
    expect(nestsDeeperThan('["\\\\", [[1]]]', 2)).toBe(true);
  });

  it('scans a million levels without recursing', () => {
    expect(nestsDeeperThan('['.repeat(1_000_000), 128)).toBe(true);
    expect(nestsDeeperThan(`${'['.repeat(128)}${']'.repeat(128)}`, 128)).toBe(false);
  });
});

describe('parseJsonBody', () => {
  const rejection = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error instanceof RequestRejected ? { status: error.status, code: error.code } : error;
    }
    return undefined;
  };

  it('parses JSON, answers the default for an empty body and refuses the rest with a code', () => {
    expect(parseJsonBody(Buffer.from(' {"a":[1]} '), {})).toEqual({ a: [1] });
    expect(parseJsonBody(Buffer.from('  '), { empty: true })).toEqual({ empty: true });
    expect(rejection(() => parseJsonBody(Buffer.from('{"a":'), {}))).toEqual({ status: 400, code: 'INVALID_JSON' });
    expect(rejection(() => parseJsonBody(Buffer.from('['.repeat(200)), {}))).toEqual({ status: 400, code: 'TOO_DEEP' });
    expect(rejection(() => decodeUtf8(Buffer.from([0x22, 0xc3, 0x28, 0x22])))).toEqual({
      status: 400,
      code: 'INVALID_UTF8',
    });
  });

  it('checks JSON carried in strings of a parsed body, however wide', () => {
    expect(() => assertEmbeddedJsonShallow({ query: '{"a":1}', list: Array(100_000).fill('x') })).not.toThrow();
    expect(rejection(() => assertEmbeddedJsonShallow({ data: ['{}', '['.repeat(300)] }))).toEqual({
      status: 400,
      code: 'TOO_DEEP',
    });
    expect(rejection(() => assertEmbeddedJsonShallow({ query: '{"a":' }))).toEqual({
      status: 400,
      code: 'INVALID_JSON',
    });
    // text that merely is not JSON-looking is left alone
    expect(() => assertEmbeddedJsonShallow({ collectionName: 'orders', note: ']]' })).not.toThrow();
  });
});
