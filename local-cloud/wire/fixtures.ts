/** The captured wx-server-sdk 4.0.2 requests (./captures, see its README), for the codec and simulator tests. */
import fs from 'node:fs';
import path from 'node:path';

export const CAPTURE_FILE = path.join(__dirname, 'captures', 'wx-server-sdk-4.0.2-requests.json');

interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Raw body bytes of the captured multipart request whose `action` part is the given one. */
export function capturedMultipart(action: 'wx.wxPayApi' | 'wx.openApi'): Buffer {
  const captures = JSON.parse(fs.readFileSync(CAPTURE_FILE, 'utf8')) as CapturedRequest[];
  const found = captures.find(
    (capture) => typeof capture.body === 'string' && capture.body.includes(`name="action"\r\n\r\n${action}\r\n`),
  );
  if (!found) throw new Error(`no captured ${action} request in ${CAPTURE_FILE}`);
  // the capture stored the bytes as a JSON string; every byte in these two bodies is below 0x80
  return Buffer.from(found.body as string, 'utf8');
}
