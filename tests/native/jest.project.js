/**
 * jest project 'native': native mini program components (src/native/*) rendered by
 * miniprogram-simulate in jsdom, WXML compiled by WeChat's own wcc (miniprogram-compiler).
 * Merged into the root jest.config.js (rootDir = repo root).
 */
const { jestModuleNameMapper } = require('../../config/aliases');

module.exports = {
  displayName: 'native',
  moduleNameMapper: jestModuleNameMapper,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/native/**/*.test.ts'],
  transform: {
    '\\.[cm]?[jt]sx?$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
      },
    ],
  },
};
