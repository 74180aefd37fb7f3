/**
 * The protobuf messages wx-server-sdk 4.0.2 uses for `wx.openApi` (CommApiData → CommOpenApiResp)
 * and for cloudPay's `apiOptions` part (ApiOptions). Field numbers are those of the SDK's static
 * code (node_modules/wx-server-sdk/index.js, module ./src/protobuf/openapi.js; see
 * docs/cloudbase-wire.md §5). Built with protobufjs reflection: no codegen step.
 */
import * as protobuf from 'protobufjs';

const schema: protobuf.INamespace = {
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        // lower-case in the SDK's schema, which is why media params lose their content type
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: {
      fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } },
    },
    CommApiData: {
      fields: {
        apiType: { type: 'ApiType', id: 1 },
        openapiData: { type: 'OpenApiData', id: 2 },
        // inner/svrkit/token payloads are never produced by the generic proxy: kept opaque
        innerData: { type: 'bytes', id: 3 },
        svrkitData: { type: 'bytes', id: 4 },
        tokenData: { type: 'bytes', id: 5 },
        appid: { type: 'string', id: 6 },
      },
      nested: {
        ApiType: { values: { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 } },
      },
    },
    HttpHeader: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'string', id: 2 },
      },
    },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
        headers: { rule: 'repeated', type: 'HttpHeader', id: 5 },
        svrkitErrorCode: { type: 'int32', id: 6 },
      },
    },
    ApiOptions: {
      fields: { appid: { type: 'string', id: 1 } },
    },
  },
};

const root = protobuf.Root.fromJSON(schema);
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');
const ApiOptions = root.lookupType('ApiOptions');

export const OPEN_API_TYPE = { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 } as const;

export interface OpenApiPair {
  key: string;
  value: Buffer;
  filename?: string;
}

export interface OpenApiRequest {
  apiType: number;
  appid: string;
  pairs: OpenApiPair[];
}

export interface OpenApiResponse {
  respData: Buffer;
  contentType: string;
  errorCode?: number;
  httpCode?: number;
  headers?: { key: string; value: string }[];
}

/** The shapes protobufjs' toObject gives back with the options used below. */
interface DecodedPair {
  key: string;
  value: Uint8Array;
  filename?: string;
}
interface DecodedCommApiData {
  apiType: number;
  appid: string;
  openapiData?: { pairs?: DecodedPair[] };
}
interface DecodedCommOpenApiResp {
  respData: Uint8Array;
  contentType: string;
  errorCode: number;
  httpCode: number;
  headers?: { key: string; value: string }[];
}

const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Decodes the `requestData` part of a `wx.openApi` request. Throws on malformed protobuf. */
export function decodeOpenApiRequest(buf: Uint8Array): OpenApiRequest {
  const message = CommApiData.decode(buf);
  const decoded = CommApiData.toObject(message, { defaults: true, enums: Number, bytes: Buffer }) as DecodedCommApiData;
  const pairs = (decoded.openapiData?.pairs ?? []).map((pair): OpenApiPair => ({
    key: pair.key,
    value: toBuffer(pair.value),
    // proto3-style default: an absent filename decodes as ''
    ...(pair.filename ? { filename: pair.filename } : {}),
  }));
  return { apiType: decoded.apiType, appid: decoded.appid, pairs };
}

/** Encodes a CommApiData the way the SDK does (used by tests and tools that play the SDK's part). */
export function encodeOpenApiRequest(request: { apiType?: number; appid?: string; pairs: OpenApiPair[] }): Buffer {
  const message = CommApiData.fromObject({
    apiType: request.apiType ?? OPEN_API_TYPE.OPEN_API,
    openapiData: { pairs: request.pairs },
    ...(request.appid !== undefined ? { appid: request.appid } : {}),
  });
  return Buffer.from(CommApiData.encode(message).finish());
}

/** Encodes the HTTP body of a `wx.openApi` reply (send it as application/octet-stream). */
export function encodeOpenApiResponse(response: OpenApiResponse): Buffer {
  const message = CommOpenApiResp.fromObject({
    respData: response.respData,
    contentType: response.contentType,
    errorCode: response.errorCode ?? 0,
    httpCode: response.httpCode ?? 200,
    ...(response.headers ? { headers: response.headers } : {}),
  });
  return Buffer.from(CommOpenApiResp.encode(message).finish());
}

/** Decodes a CommOpenApiResp (what the SDK does with our reply). */
export function decodeOpenApiResponse(buf: Uint8Array): Required<Omit<OpenApiResponse, 'headers'>> & {
  headers: { key: string; value: string }[];
} {
  const decoded = CommOpenApiResp.toObject(CommOpenApiResp.decode(buf), {
    defaults: true,
    bytes: Buffer,
  }) as DecodedCommOpenApiResp;
  return {
    respData: toBuffer(decoded.respData),
    contentType: decoded.contentType,
    errorCode: decoded.errorCode,
    httpCode: decoded.httpCode,
    headers: decoded.headers ?? [],
  };
}

/**
 * Decodes cloudPay's `apiOptions` part: `ApiOptions{appid}`, empty (0 bytes) unless the caller used
 * `cloud.cloudPay({ appid })`.
 */
export function decodeApiOptions(buf: Uint8Array): { appid: string } {
  if (buf.length === 0) return { appid: '' };
  const decoded = ApiOptions.toObject(ApiOptions.decode(buf), { defaults: true }) as { appid: string };
  return { appid: decoded.appid };
}

export function encodeApiOptions(options: { appid?: string }): Buffer {
  return Buffer.from(ApiOptions.encode(ApiOptions.fromObject(options)).finish());
}
