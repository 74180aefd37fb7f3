import * as protobuf from 'protobufjs';
import { capturedMultipart } from './fixtures';
import { parseMultipart } from './multipart';
import {
  OPEN_API_TYPE,
  decodeApiOptions,
  decodeOpenApiRequest,
  decodeOpenApiResponse,
  encodeApiOptions,
  encodeOpenApiRequest,
  encodeOpenApiResponse,
} from './openapi-protobuf';

describe('open API protobuf codec', () => {
  it('decodes the captured subscribeMessage.send request', () => {
    const fields = parseMultipart(capturedMultipart('wx.openApi'), '');
    const request = decodeOpenApiRequest(fields.get('requestData') ?? Buffer.alloc(0));
    expect(request.apiType).toBe(OPEN_API_TYPE.OPEN_API);
    expect(request.appid).toBe('');
    expect(request.pairs.map((pair) => [pair.key, pair.value.toString('utf8'), pair.filename])).toEqual([
      ['touser', '"o"', undefined],
      ['data', '{}', undefined],
      ['template_id', '"t"', undefined],
    ]);
  });

  it('round-trips a request with media bytes and an appid', () => {
    const media = Buffer.from([0, 255, 13, 10, 45, 45]);
    const encoded = encodeOpenApiRequest({
      appid: 'wxabc',
      pairs: [
        { key: 'touser', value: Buffer.from('"u1"') },
        { key: 'media', value: media, filename: 'a.jpg' },
      ],
    });
    expect(decodeOpenApiRequest(encoded)).toEqual({
      apiType: 0,
      appid: 'wxabc',
      pairs: [
        { key: 'touser', value: Buffer.from('"u1"') },
        { key: 'media', value: media, filename: 'a.jpg' },
      ],
    });
  });

  it('encodes CommOpenApiResp with the SDK field numbers', () => {
    const respData = Buffer.from('{"errcode":0,"errmsg":"ok","msgid":123}');
    const encoded = encodeOpenApiResponse({ respData, contentType: 'application/json; charset=UTF-8' });

    // read it back with the raw wire reader: field 1 bytes, 2 string, 3 int32, 4 uint32
    const reader = protobuf.Reader.create(encoded);
    const seen: Record<number, unknown> = {};
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      const field = tag >>> 3;
      if (field === 1) seen[1] = Buffer.from(reader.bytes()).toString();
      else if (field === 2) seen[2] = reader.string();
      else if (field === 3) seen[3] = reader.int32();
      else if (field === 4) seen[4] = reader.uint32();
      else reader.skipType(tag & 7);
    }
    expect(seen).toEqual({ 1: respData.toString(), 2: 'application/json; charset=UTF-8', 3: 0, 4: 200 });
    expect(decodeOpenApiResponse(encoded)).toEqual({
      respData,
      contentType: 'application/json; charset=UTF-8',
      errorCode: 0,
      httpCode: 200,
      headers: [],
    });
  });

  it('carries a negative system error code', () => {
    const encoded = encodeOpenApiResponse({ respData: Buffer.alloc(0), contentType: '', errorCode: -604101 });
    expect(decodeOpenApiResponse(encoded).errorCode).toBe(-604101);
  });

  it('decodes cloudPay apiOptions, empty or with an appid', () => {
    expect(decodeApiOptions(Buffer.alloc(0))).toEqual({ appid: '' });
    expect(decodeApiOptions(encodeApiOptions({ appid: 'wxsub' }))).toEqual({ appid: 'wxsub' });
    // field 1, wire type 2, length 5, "wxsub": what the SDK's ApiOptions.encode writes
    expect(encodeApiOptions({ appid: 'wxsub' })).toEqual(Buffer.from([10, 5, ...Buffer.from('wxsub')]));
  });

  it('throws on bytes that are not a CommApiData', () => {
    expect(() => decodeOpenApiRequest(Buffer.from([0x12, 0x40, 0x01]))).toThrow();
  });
});
