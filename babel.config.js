// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// Also used by the jest 'pages' project (tests/pages/jest.project.js): Taro's packages are ESM.
// NutUI is not used (see docs/client.md), so there is no babel-plugin-import entry here.
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
};
