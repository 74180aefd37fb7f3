import type { UserConfigExport } from '@tarojs/cli';

/** `taro build` (NODE_ENV=production): minified; the weapp main package must stay well under 2 MB. */
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
