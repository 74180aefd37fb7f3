/**
 * Product image URLs in the database are site-relative ('/static/products/…'). H5 loads them from its
 * own origin (the local cloud serves both); weapp has no origin, so they resolve against
 * TARO_APP_ASSET_BASE (config/index.ts; default the local cloud, previewed with 不校验合法域名).
 */
const weappAssetBase = (process.env.TARO_APP_ASSET_BASE ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');

export function resolveImageUrl(url: string): string {
  if (url === '' || /^(https?:)?\/\//i.test(url) || url.startsWith('data:') || url.startsWith('cloud://')) return url;
  const sitePath = url.startsWith('/') ? url : `/${url}`;
  return process.env.TARO_ENV === 'h5' ? sitePath : `${weappAssetBase}${sitePath}`;
}
