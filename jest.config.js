/**
 * One jest config, one project per kind of test (npm test runs them through scripts/test.ts).
 * Node-side code is compiled by babel with env+typescript presets only; the React pages go
 * through babel-preset-taro (babel.config.js) because Taro's packages are ESM.
 */
const nodeTransform = {
  '\\.[cm]?[jt]sx?$': [
    'babel-jest',
    {
      configFile: false,
      babelrc: false,
      presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
    },
  ],
};

/** The path aliases (config/aliases.js; tsc, tsx and esbuild read the same list from tsconfig.json). */
const { jestModuleNameMapper: aliases } = require('./config/aliases');

const nodeProject = (displayName, testMatch, extra = {}) => ({
  displayName,
  testEnvironment: 'node',
  transform: nodeTransform,
  moduleNameMapper: aliases,
  testMatch,
  ...extra,
});

module.exports = {
  projects: [
    nodeProject('unit', [
      '<rootDir>/config/**/*.test.ts',
      '<rootDir>/src/domain/**/*.test.ts',
      '<rootDir>/server/**/*.test.ts',
      '<rootDir>/scripts/**/*.test.ts',
    ]),
    nodeProject('local-cloud', ['<rootDir>/local-cloud/**/*.test.ts', '<rootDir>/tests/local-cloud/**/*.test.ts']),
    nodeProject('functions', ['<rootDir>/tests/functions/**/*.test.ts']),
    // SIGKILL of the local cloud mid-burst, then an audit of money and stock (run --runInBand)
    nodeProject('crash', ['<rootDir>/tests/crash/**/*.test.ts']),
    nodeProject('weapp', ['<rootDir>/tests/weapp/**/*.test.ts']),
    // offline checks of what npm run deploy uploads (needs the built functions)
    nodeProject('deploy', ['<rootDir>/tests/deploy/**/*.test.ts']),
    nodeProject('e2e', ['<rootDir>/tests/e2e/**/*.test.ts']),
    // 'pages' (Testing Library on Taro's H5 runtime) and 'native' (miniprogram-simulate) are
    // defined in tests/pages/jest.project.js and tests/native/jest.project.js.
    ...['pages', 'native']
      .map((name) => `./tests/${name}/jest.project.js`)
      .filter((file) => require('fs').existsSync(require('path').join(__dirname, file)))
      .map((file) => ({ rootDir: __dirname, ...require(file) })),
  ],
};
