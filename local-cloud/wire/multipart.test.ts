import { capturedMultipart } from './fixtures';
import { MultipartError, boundaryOf, parseMultipart, parseMultipartParts } from './multipart';
import { decodeApiOptions } from './openapi-protobuf';

const CRLF = '\r\n';

function buildMultipart(boundary: string, parts: { name: string; value: Buffer; headers?: string[] }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const headers = [`Content-Disposition: form-data; name="${part.name}"`, ...(part.headers ?? [])];
    chunks.push(
      Buffer.from(`--${boundary}${CRLF}${headers.join(CRLF)}${CRLF}${CRLF}`, 'latin1'),
      part.value,
      Buffer.from(CRLF),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`));
  return Buffer.concat(chunks);
}

describe('parseMultipart', () => {
  it('reads the captured cloudPay.unifiedOrder request', () => {
    const body = capturedMultipart('wx.wxPayApi');
    const boundary = body.toString('latin1', 2, body.indexOf('\r\n'));
    const fields = parseMultipart(body, `multipart/form-data; boundary=${boundary}`);

    expect([...fields.keys()]).toEqual([
      'action',
      'apiName',
      'apiOptions',
      'requestData',
      'envName',
      'wxCloudApiToken',
      'wxCloudbaseAccesstoken',
      'tcb_sessionToken',
      'crossAuthorizationToken',
    ]);
    expect(fields.get('action')?.toString()).toBe('wx.wxPayApi');
    expect(fields.get('apiName')?.toString()).toBe('unifiedOrder');
    expect(fields.get('apiOptions')?.length).toBe(0);
    expect(decodeApiOptions(fields.get('apiOptions') ?? Buffer.alloc(1))).toEqual({ appid: '' });
    expect(JSON.parse(fields.get('requestData')?.toString('utf8') ?? '')).toEqual({
      body: 'gift',
      out_trade_no: 'T1',
      spbill_create_ip: '127.0.0.1',
      sub_mch_id: '1900000109',
      total_fee: 1,
      env_id: 'test-env',
      function_name: 'payCallback',
    });
    expect(fields.get('envName')?.toString()).toBe('test-env');
    expect(fields.get('wxCloudApiToken')?.length).toBe(0);
  });

  it('falls back to the body first line when the content-type has no boundary', () => {
    const fields = parseMultipart(capturedMultipart('wx.openApi'), 'multipart/form-data');
    expect(fields.get('apiName')?.toString()).toBe('subscribeMessage.send');
  });

  it('keeps binary part values byte for byte, including CR LF and dashes', () => {
    const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const tricky = Buffer.concat([Buffer.from('\r\n--not-the-boundary\r\n\r\n'), every, Buffer.from('\r\n-')]);
    const utf8 = Buffer.from('{"body":"礼物 🎁"}', 'utf8');
    const body = buildMultipart('----abc123', [
      { name: 'requestData', value: tricky, headers: ['Content-Type: application/octet-stream'] },
      { name: 'json', value: utf8 },
      { name: 'empty', value: Buffer.alloc(0) },
    ]);
    const fields = parseMultipart(body, 'multipart/form-data; boundary=----abc123');
    expect(fields.get('requestData')?.equals(tricky)).toBe(true);
    expect(fields.get('json')?.toString('utf8')).toBe('{"body":"礼物 🎁"}');
    expect(fields.get('empty')?.length).toBe(0);
  });

  it('reports filename and content type of each part, and quoted boundaries', () => {
    const body = buildMultipart('q b', [
      { name: 'media', value: Buffer.from([1, 2, 3]), headers: ['Content-Type: image/png'] },
    ]);
    const withFilename = Buffer.from(
      body.toString('latin1').replace('name="media"', 'name="media"; filename="a.png"'),
      'latin1',
    );
    expect(boundaryOf('multipart/form-data; boundary="q b"')).toBe('q b');
    const [part] = parseMultipartParts(withFilename, 'multipart/form-data; boundary="q b"');
    expect(part).toEqual({ name: 'media', filename: 'a.png', contentType: 'image/png', value: Buffer.from([1, 2, 3]) });
  });

  it('keeps the first of repeated names', () => {
    const body = buildMultipart('b', [
      { name: 'x', value: Buffer.from('first') },
      { name: 'x', value: Buffer.from('second') },
    ]);
    expect(parseMultipart(body, 'multipart/form-data; boundary=b').get('x')?.toString()).toBe('first');
  });

  it('rejects truncated bodies and bodies without a boundary', () => {
    const body = buildMultipart('b', [{ name: 'x', value: Buffer.from('value') }]);
    const truncated = body.subarray(0, body.length - 10);
    expect(() => parseMultipart(truncated, 'multipart/form-data; boundary=b')).toThrow(MultipartError);
    expect(() => parseMultipart(Buffer.from('plain text'), 'text/plain')).toThrow(MultipartError);
    expect(() => parseMultipart(body, 'multipart/form-data; boundary=other')).toThrow(MultipartError);
  });
});
