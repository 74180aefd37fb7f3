/**
 * Static files: the H5 build (with single-page-app fallback to index.html, so both Taro's hash router and
 * its browser router work) and extra mounts such as product images.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticMount {
  /** URL prefix ending with '/', e.g. '/' or '/images/' */
  prefix: string;
  dir: string;
  /** answer unknown extension-less paths with index.html (the H5 app) */
  spaFallback: boolean;
}

export function staticMounts(
  staticDir: string | undefined,
  extraStatic: Record<string, string> | undefined,
): StaticMount[] {
  const mounts: StaticMount[] = Object.entries(extraStatic ?? {}).map(([prefix, dir]) => ({
    prefix: normalizePrefix(prefix),
    dir: path.resolve(dir),
    spaFallback: false,
  }));
  // longest prefix first, the H5 build (at '/') last
  mounts.sort((a, b) => b.prefix.length - a.prefix.length);
  if (staticDir) mounts.push({ prefix: '/', dir: path.resolve(staticDir), spaFallback: true });
  return mounts;
}

function normalizePrefix(prefix: string): string {
  let normalized = prefix.startsWith('/') ? prefix : `/${prefix}`;
  if (!normalized.endsWith('/')) normalized += '/';
  return normalized;
}

/** Serves the request from the mounts; false when nothing matched (the caller answers 404). */
export function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  mounts: StaticMount[],
): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (decoded.includes('\0')) return false;
  for (const mount of mounts) {
    if (!decoded.startsWith(mount.prefix)) continue;
    const relative = decoded.slice(mount.prefix.length);
    const file = path.resolve(mount.dir, relative);
    // never outside the mounted directory
    if (file !== mount.dir && !file.startsWith(mount.dir + path.sep)) continue;
    const found = existingFile(file) ?? existingFile(path.join(file, 'index.html'));
    if (found) {
      sendFile(request, response, found);
      return true;
    }
    if (mount.spaFallback && path.extname(decoded) === '') {
      const index = existingFile(path.join(mount.dir, 'index.html'));
      if (index) {
        sendFile(request, response, index);
        return true;
      }
    }
  }
  return false;
}

function existingFile(file: string): string | undefined {
  try {
    return fs.statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

function sendFile(request: IncomingMessage, response: ServerResponse, file: string): void {
  const body = fs.readFileSync(file);
  response.writeHead(200, {
    'content-type': contentTypeOf(file),
    'content-length': body.length,
    // the H5 entry must always be fresh; hashed assets may be cached by the browser as it likes
    'cache-control': file.endsWith('.html') ? 'no-cache' : 'public, max-age=0',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
