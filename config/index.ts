import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type WebpackChain from 'webpack-chain';
import { webpackAliases } from './aliases';
import { cloudEnvIdForBuild } from './cloudEnv';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Taro build config, written by hand (no `taro init`, see docs/client.md).
 * weapp builds into dist/ (project.config.json's miniprogramRoot), H5 into dist-h5/ (served by the
 * local cloud): the two must never write into the same folder.
 */
const isH5 = process.env.TARO_ENV === 'h5';

/** Where weapp resolves site-relative product images ('/static/products/…'). Documented in docs/client.md. */
const assetBase = process.env.TARO_APP_ASSET_BASE ?? 'http://127.0.0.1:3000';

/**
 * src/domain is pure by rule (no platform imports, no top-level effects), so tell webpack: a page that
 * needs one constant from domain/gift/rules.ts then does not carry every module rules.ts imports
 * (zod schemas among them, ~90 KB in the weapp main package).
 */
const markDomainPure = (chain: WebpackChain) => {
  chain.module
    .rule('domain-is-pure')
    .test(/[\\/]src[\\/]domain[\\/]/)
    .set('sideEffects', false);
};

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gift-shop',
    date: '2026-11-25',
    // 375 design width: styles are written in CSS px of a 375-wide phone; Taro turns them into rpx.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // @/…, @domain/…, @server/… (config/aliases.js, the same list as tsconfig.json's paths)
    alias: webpackAliases,
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {},
    env: {
      // Taro inlines process.env.TARO_APP_* at build time; set it so the default is visible here.
      TARO_APP_ASSET_BASE: JSON.stringify(assetBase),
      // the cloud environment wx.cloud.init uses ('' = DevTools' selected env); see config/cloudEnv.ts
      TARO_APP_CLOUD_ENV: JSON.stringify(cloudEnvIdForBuild()),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    // Taro's dependency prebundling crashes the H5 dev server here (webpack-virtual-modules:
    // `_writeVirtualFile is not a function`); builds are fast enough without it.
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // Persistent cache off: builds are ~10 s here and a stale cache across branches costs more.
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      // Keep the main package small: subpackage-only modules stay in their subpackage.
      optimizeMainPackage: { enable: true },
      webpackChain(chain) {
        markDomainPure(chain);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Browser history (clean URLs): the local cloud serves dist-h5 with an index.html fallback.
      router: { mode: 'browser' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain) {
        markDomainPure(chain);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
