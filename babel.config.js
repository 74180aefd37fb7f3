// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// Also used by the jest 'pages' project (tests/pages/jest.project.js): Taro's packages are ESM.
//
// NutUI by name, NutUI React Taro 3.x's documented on-demand setup: pages write
// `import { Button, Input } from '@nutui/nutui-react-taro'` and babel-plugin-import turns each name into
// that one component's module plus its compiled CSS (`style/css` also pulls the CSS of the components it
// is built on, e.g. Popup → Overlay). Component folders are the lower-cased names (TextArea → textarea).
// Under jest (babel-jest sets NODE_ENV=test) the same names resolve to the CommonJS build, with no CSS.
const nutuiByName = (isTest) => [
  'import',
  {
    libraryName: '@nutui/nutui-react-taro',
    camel2DashComponentName: false,
    customName: (name) => `@nutui/nutui-react-taro/dist/${isTest ? 'cjs' : 'es'}/packages/${name.toLowerCase()}`,
    ...(isTest
      ? {}
      : { customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css` }),
  },
  'nutui-react-taro',
];

// babel-jest sets NODE_ENV=test; Taro's builds run with development or production.
const isTest = process.env.NODE_ENV === 'test';

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
  plugins: [nutuiByName(isTest)],
};
