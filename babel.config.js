// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// Also used by the jest 'pages' project (tests/pages/jest.project.js): Taro's packages are ESM.
// NutUI components are imported one by one (dist/es/packages/<name> + its style.css), so only what a
// page uses is bundled and no babel-plugin-import entry is needed.
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
