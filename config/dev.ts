import type { UserConfigExport } from '@tarojs/cli';

/** The local cloud that `npm start` runs; `npm run dev:h5` proxies the shop's calls to it. */
const localCloud = process.env.LOCAL_CLOUD_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

/** `taro build --watch` (NODE_ENV=development): readable output, build stats in the log. */
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // `npm run dev:h5` serves the H5 shop with hot reload on :10086; the gateway, the dev endpoints,
    // cloud storage and the product images stay on the running local cloud (start it with `npm start` first).
    devServer: {
      host: '127.0.0.1',
      port: 10086,
      proxy: {
        '/functions': { target: localCloud },
        '/_dev': { target: localCloud },
        '/static': { target: localCloud },
        '/_storage': { target: localCloud },
      },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
