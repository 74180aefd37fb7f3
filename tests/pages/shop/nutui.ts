/**
 * NutUI in page tests. Pages import NutUI per component from its ES build (on-demand, tree-shaken in
 * the Taro builds); jest does not transform node_modules/@nutui, so each ES entry is swapped for the
 * same component's CommonJS build. Import this file before the page under test.
 */
const components = [
  'button',
  'input',
  'inputnumber',
  'popup',
  'searchbar',
  'tabs',
  'tabpane',
  'skeleton',
  'empty',
  'price',
  'tag',
  'swiper',
  'swiperitem',
  'infiniteloading',
  'pulltorefresh',
  'grid',
  'griditem',
  'dialog',
  'toast',
  'cell',
  'cellgroup',
  'textarea',
];

// doMock (not hoisted): registered before the page module is required by the importing test.
for (const name of components) {
  const commonJsEntry = `@nutui/nutui-react-taro/dist/cjs/packages/${name}`;
  jest.doMock(`@nutui/nutui-react-taro/dist/es/packages/${name}`, () => jest.requireActual(commonJsEntry));
}
