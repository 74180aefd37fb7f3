/**
 * Product image URLs in the database are site-relative ('/static/products/…'). H5 loads them from its
 * own origin (the local cloud serves both); weapp has no origin, so they resolve against
 * TARO_APP_ASSET_BASE (config/index.ts; default the local cloud, previewed with 不校验合法域名).
 */
import { cloudFileSrc } from './cloudFile';

const weappAssetBase = (process.env.TARO_APP_ASSET_BASE ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');

export function resolveImageUrl(url: string): string {
  // Images the merchant uploaded are cloud storage file ids: weapp shows them as they are, H5 via the local cloud.
  if (url.startsWith('cloud://')) return cloudFileSrc(url);
  if (url === '' || /^(https?:)?\/\//i.test(url) || url.startsWith('data:')) return url;
  const sitePath = url.startsWith('/') ? url : `/${url}`;
  return process.env.TARO_ENV === 'h5' ? sitePath : `${weappAssetBase}${sitePath}`;
}
