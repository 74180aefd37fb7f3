/**
 * multipart/form-data parser for the SDK's wx.openApi / wx.wxPayApi requests.
 *
 * Hand-written instead of busboy because the parts we care about (`requestData`, `apiOptions`) carry
 * binary protobuf or UTF-8 JSON *without* a filename, which form parsers treat as text fields and
 * decode. Here every part value is kept as the exact bytes between its headers and the next
 * delimiter. The body is already fully buffered by the server, so a synchronous parser is simplest.
 */

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  value: Buffer;
}

export class MultipartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MultipartError';
  }
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** `boundary` parameter of a multipart content-type, or undefined. */
export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * When the content-type is missing or has no boundary (e.g. a replayed capture), the boundary is the
 * first line of the body minus its leading `--`.
 */
function boundaryFromBody(body: Buffer): string | undefined {
  if (body.length < 3 || body[0] !== 0x2d || body[1] !== 0x2d) return undefined;
  const lineEnd = body.indexOf(CRLF);
  if (lineEnd < 3) return undefined;
  return body.subarray(2, lineEnd).toString('latin1').trimEnd();
}

/** Parses one header block (`Name: value` lines) into lower-cased names. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** A parameter of a Content-Disposition header (`name="requestData"`), unquoted. */
function dispositionParam(disposition: string, param: string): string | undefined {
  const re = new RegExp(`;\\s*${param}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i');
  const match = re.exec(disposition);
  if (!match) return undefined;
  if (match[1] !== undefined) return match[1].replace(/\\(.)/g, '$1');
  return match[2];
}

/** Every part of a multipart body, in order, with raw byte values. */
export function parseMultipartParts(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = boundaryOf(contentType) ?? boundaryFromBody(body);
  if (!boundary) throw new MultipartError('multipart body without a boundary');
  const dashBoundary = Buffer.from(`--${boundary}`, 'latin1');
  const delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');

  // The first delimiter may sit at offset 0 (no preamble) or after a preamble line.
  let cursor = body.subarray(0, dashBoundary.length).equals(dashBoundary) ? 0 : body.indexOf(delimiter);
  if (cursor < 0) throw new MultipartError('multipart boundary not found in body');
  cursor += cursor === 0 ? dashBoundary.length : delimiter.length;

  const parts: MultipartPart[] = [];
  for (;;) {
    // After a delimiter: `--` closes the body, otherwise transport padding then CRLF.
    if (body[cursor] === 0x2d && body[cursor + 1] === 0x2d) return parts;
    const lineEnd = body.indexOf(CRLF, cursor);
    if (lineEnd < 0) throw new MultipartError('truncated multipart body (no CRLF after boundary)');
    const headersStart = lineEnd + CRLF.length;

    // A part with no headers at all starts directly with the blank line.
    let headerBlock = '';
    let contentStart: number;
    if (body[headersStart] === 0x0d && body[headersStart + 1] === 0x0a) {
      contentStart = headersStart + CRLF.length;
    } else {
      const headersEnd = body.indexOf(HEADER_END, headersStart);
      if (headersEnd < 0) throw new MultipartError('truncated multipart part headers');
      headerBlock = body.subarray(headersStart, headersEnd).toString('utf8');
      contentStart = headersEnd + HEADER_END.length;
    }
    const contentEnd = body.indexOf(delimiter, contentStart);
    if (contentEnd < 0) throw new MultipartError('truncated multipart body (missing closing boundary)');

    const headers = parseHeaders(headerBlock);
    const disposition = headers.get('content-disposition') ?? '';
    const name = dispositionParam(disposition, 'name');
    if (name === undefined) throw new MultipartError('multipart part without a name');
    const filename = dispositionParam(disposition, 'filename');
    const partContentType = headers.get('content-type');
    parts.push({
      name,
      ...(filename !== undefined ? { filename } : {}),
      ...(partContentType !== undefined ? { contentType: partContentType } : {}),
      value: Buffer.from(body.subarray(contentStart, contentEnd)),
    });
    cursor = contentEnd + delimiter.length;
  }
}

/**
 * Part name → raw bytes. A repeated name keeps its first occurrence (the SDK never repeats one).
 */
export function parseMultipart(body: Buffer, contentType: string): Map<string, Buffer> {
  const fields = new Map<string, Buffer>();
  for (const part of parseMultipartParts(body, contentType)) {
    if (!fields.has(part.name)) fields.set(part.name, part.value);
  }
  return fields;
}
