/**
 * jest project 'pages': React pages and components on Taro's H5 runtime in jsdom, with Testing
 * Library. Merged into the root jest.config.js (rootDir = repo root).
 * - babel-jest with the project's own babel.config.js (babel-preset-taro), because Taro's packages
 *   are ESM: transformIgnorePatterns lets them (and their ESM dependencies) through.
 * - '.h5' files win over plain ones, as in the H5 build (Taro's multi-platform file resolution).
 * - support/taro.js stands in for what the H5 build does to '@tarojs/taro' (see that file).
 * - support/setup.ts fixes the platform: TARO_ENV=h5, a fake gateway behind fetch, a fixed clock.
 */
const path = require('node:path');
const { jestModuleNameMapper } = require('../../config/aliases');

const esmPackages = [
  '@tarojs',
  '@stencil',
  'swiper',
  'ssr-window',
  'dom7',
  'query-string',
  'tslib',
  'lodash-es',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'nanoid',
];

module.exports = {
  displayName: 'pages',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/pages/**/*.test.ts?(x)'],
  moduleFileExtensions: ['h5.tsx', 'h5.ts', 'tsx', 'ts', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  transform: {
    '\\.[cm]?[jt]sx?$': ['babel-jest', { configFile: path.join(__dirname, '..', '..', 'babel.config.js') }],
  },
  // Transform everything inside @tarojs/* (Taro nests pnpm-style node_modules with ESM builds inside its
  // packages, e.g. @tarojs/components/lib/react/node_modules/…/tslib) and the ESM packages above
  // wherever they sit; ignore the rest of node_modules.
  transformIgnorePatterns: [
    `^(?!.*/node_modules/@tarojs/).*/node_modules/(?!(?:${esmPackages.join('|')})/)(?!.*/node_modules/)`,
  ],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/tests/pages/support/taro.js',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '\\.(css|scss|sass|less)$': '<rootDir>/tests/pages/support/style-stub.js',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/tests/pages/support/file-stub.js',
    // after the style and file stubs, so `@/…/x.scss` still maps to the stub
    ...jestModuleNameMapper,
  },
  setupFiles: ['<rootDir>/tests/pages/support/setup.ts'],
  setupFilesAfterEnv: ['@testing-library/jest-dom', '<rootDir>/tests/pages/support/after-env.ts'],
};
