/** What a wx.wxPayApi / wx.openApi handler hands back to the HTTP server: status is always 200. */
export interface WireReply {
  contentType: string;
  body: Buffer;
}

/**
 * The CloudBase error envelope (`{requestId, code, message}`). Sent as plain `application/json`
 * (not `...; charset=utf-8`, which node-sdk pre-parses) the SDK raises
 * `CloudSDKError{errCode:<mapped code>, errMsg:'<api>:fail <message>'}`; INVALID_PARAM → -501007.
 */
export function tcbErrorReply(code: string, message: string, requestId = ''): WireReply {
  return {
    contentType: 'application/json',
    body: Buffer.from(JSON.stringify({ requestId, code, message })),
  };
}
