import {
  findSku,
  isOptionAvailable,
  isProductSoldOut,
  skuLabel,
  soldOutCombinations,
  specGroupStates,
  specNamesFromSkus,
  specOptions,
  totalStock,
} from './specs';

const skus = [
  { id: 'a', specs: { 颜色: '红色', 尺码: 'M' }, stock: 3 },
  { id: 'b', specs: { 颜色: '红色', 尺码: 'L' }, stock: 0 },
  { id: 'c', specs: { 颜色: '蓝色', 尺码: 'M' }, stock: 0 },
  { id: 'd', specs: { 颜色: '蓝色', 尺码: 'L' }, stock: 5 },
  { id: 'e', specs: { 颜色: '绿色', 尺码: 'S' }, stock: 0 },
];

describe('specs', () => {
  it('derives spec names and options in first-seen order', () => {
    expect(specNamesFromSkus(skus)).toEqual(['颜色', '尺码']);
    expect(specOptions(skus)).toEqual([
      { name: '颜色', values: ['红色', '蓝色', '绿色'] },
      { name: '尺码', values: ['M', 'L', 'S'] },
    ]);
  });

  it('finds the SKU of a complete selection only', () => {
    expect(findSku(skus, { 颜色: '蓝色', 尺码: 'L' })?.id).toBe('d');
    expect(findSku(skus, { 颜色: '蓝色' })).toBeUndefined();
    expect(findSku(skus, { 颜色: '绿色', 尺码: 'M' })).toBeUndefined();
  });

  it('knows which options can still be bought given the other choices', () => {
    expect(isOptionAvailable(skus, {}, '颜色', '红色')).toBe(true);
    expect(isOptionAvailable(skus, {}, '颜色', '绿色')).toBe(false);
    expect(isOptionAvailable(skus, { 尺码: 'L' }, '颜色', '红色')).toBe(false);
    expect(isOptionAvailable(skus, { 尺码: 'L' }, '颜色', '蓝色')).toBe(true);
    // switching an already chosen spec ignores its own current value
    expect(isOptionAvailable(skus, { 颜色: '红色', 尺码: 'M' }, '颜色', '蓝色')).toBe(false);
    expect(isOptionAvailable(skus, { 颜色: '红色', 尺码: 'M' }, '尺码', 'M')).toBe(true);
  });

  it('describes every group for the picker', () => {
    expect(specGroupStates(skus, { 颜色: '红色' })).toEqual([
      {
        name: '颜色',
        options: [
          { value: '红色', selected: true, available: true },
          { value: '蓝色', selected: false, available: true },
          { value: '绿色', selected: false, available: false },
        ],
      },
      {
        name: '尺码',
        options: [
          { value: 'M', selected: false, available: true },
          { value: 'L', selected: false, available: false },
          { value: 'S', selected: false, available: false },
        ],
      },
    ]);
  });

  it('lists sold-out combinations and stock', () => {
    expect(soldOutCombinations(skus)).toEqual([
      { 颜色: '红色', 尺码: 'L' },
      { 颜色: '蓝色', 尺码: 'M' },
      { 颜色: '绿色', 尺码: 'S' },
    ]);
    expect(totalStock(skus)).toBe(8);
    expect(isProductSoldOut(skus)).toBe(false);
    expect(isProductSoldOut(skus.filter((sku) => sku.stock === 0))).toBe(true);
  });

  it('labels SKUs in spec order', () => {
    expect(skuLabel({ specs: { 尺码: 'M', 颜色: '红色' } }, ['颜色', '尺码'])).toBe('红色 / M');
    expect(skuLabel({ specs: {} })).toBe('默认');
  });
});
