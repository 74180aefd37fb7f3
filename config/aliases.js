/**
 * The path aliases, one list for every tool: Taro's webpack (config/index.ts) and jest (jest.config.js,
 * tests/pages/jest.project.js) read this file; tsc, tsx and esbuild read the same list from
 * tsconfig.json's `paths` (a unit test keeps the two equal).
 * `@/…` is the mini program (src/), `@domain/…` the pure domain, `@server/…` the code shared by cloud
 * functions, `@local-cloud/…` the local cloud (tests and scripts only).
 */
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** alias → folder, relative to the repo root. More specific aliases first. */
const aliasFolders = {
  '@domain': 'src/domain',
  '@server': 'server',
  '@local-cloud': 'local-cloud',
  '@': 'src',
};

/** webpack `resolve.alias`: alias → absolute folder. */
const webpackAliases = Object.fromEntries(
  Object.entries(aliasFolders).map(([alias, folder]) => [alias, path.join(root, folder)]),
);

/** jest `moduleNameMapper` entries. */
const jestModuleNameMapper = Object.fromEntries(
  Object.entries(aliasFolders).map(([alias, folder]) => [`^${alias}/(.*)$`, `<rootDir>/${folder}/$1`]),
);

/** tsconfig.json `paths` as they must read. */
const tsconfigPaths = Object.fromEntries(
  Object.entries(aliasFolders).map(([alias, folder]) => [`${alias}/*`, [`${folder}/*`]]),
);

module.exports = { aliasFolders, webpackAliases, jestModuleNameMapper, tsconfigPaths };
