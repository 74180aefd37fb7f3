import { act, fireEvent, render, screen } from '@testing-library/react';
import { SpecSelector, type SpecChoice } from '@/components/SpecSelector';
import type { Sku } from '@domain/contracts';

// 颜色 × 尺码: 红 M sold out, 红 L in stock, 蓝 M low stock, 蓝 L sold out, 黑 (both sizes) sold out.
const skus: Sku[] = [
  { skuId: 'red-m', specs: { 颜色: '红色', 尺码: 'M' }, price: 9900, stock: 0 },
  { skuId: 'red-l', specs: { 颜色: '红色', 尺码: 'L' }, price: 10900, stock: 150 },
  { skuId: 'blue-m', specs: { 颜色: '蓝色', 尺码: 'M' }, price: 9900, stock: 2 },
  { skuId: 'blue-l', specs: { 颜色: '蓝色', 尺码: 'L' }, price: 10900, stock: 0 },
  { skuId: 'black-m', specs: { 颜色: '黑色', 尺码: 'M' }, price: 12900, stock: 0 },
  { skuId: 'black-l', specs: { 颜色: '黑色', 尺码: 'L' }, price: 12900, stock: 0 },
];
const specNames = ['颜色', '尺码'];

const option = (value: string) => {
  const found = screen.getAllByTestId('spec-option').find((element) => element.textContent?.startsWith(value));
  if (!found) throw new Error(`no option ${value}`);
  return found;
};
const quantityInput = () => screen.getByTestId('spec-quantity').querySelector('input') as HTMLInputElement;
const stepperButton = (name: 'add' | 'minus') =>
  screen.getByTestId('spec-quantity').querySelector(`.nut-inputnumber-${name}`) as HTMLElement;
// NutUI's stepper reports a change after awaiting its beforeChange hook: click, then let that settle.
const press = async (name: 'add' | 'minus') => {
  await act(async () => {
    fireEvent.click(stepperButton(name));
  });
};
const plus = () => press('add');
const minus = () => press('minus');

const renderSelector = (extra: Partial<Parameters<typeof SpecSelector>[0]> = {}) => {
  const choices: SpecChoice[] = [];
  render(<SpecSelector specNames={specNames} skus={skus} onChange={(choice) => choices.push(choice)} {...extra} />);
  const last = () => choices[choices.length - 1];
  return { choices, last };
};

describe('SpecSelector', () => {
  test('an option whose every combination is sold out is disabled from the start', () => {
    renderSelector();
    expect(option('黑色')).toHaveAttribute('aria-disabled', 'true');
    expect(option('黑色')).toHaveTextContent('售罄');
    expect(option('红色')).toHaveAttribute('aria-disabled', 'false');
    expect(option('蓝色')).toHaveAttribute('aria-disabled', 'false');
    expect(option('M')).toHaveAttribute('aria-disabled', 'false');
    expect(option('L')).toHaveAttribute('aria-disabled', 'false');
  });

  test('choosing a colour disables the sizes that are sold out in that colour', () => {
    const { last } = renderSelector();
    fireEvent.click(option('红色'));
    expect(option('M')).toHaveAttribute('aria-disabled', 'true');
    expect(option('L')).toHaveAttribute('aria-disabled', 'false');
    // clicking a disabled option changes nothing
    fireEvent.click(option('M'));
    expect(option('M')).toHaveAttribute('aria-selected', 'false');
    expect(last()).toEqual({ sku: null, quantity: 1, missingSpecs: ['尺码'] });

    fireEvent.click(option('蓝色'));
    expect(option('M')).toHaveAttribute('aria-disabled', 'false');
    expect(option('L')).toHaveAttribute('aria-disabled', 'true');
  });

  test('a range and what is missing until the choice is complete, then that SKU’s price and stock', () => {
    const { last } = renderSelector();
    expect(screen.getByTestId('spec-price')).toHaveTextContent('¥99.00 - ¥109.00');
    expect(screen.getByTestId('spec-stock')).toHaveTextContent('请选择 颜色 / 尺码');

    fireEvent.click(option('红色'));
    fireEvent.click(option('L'));
    expect(screen.getByTestId('spec-price')).toHaveTextContent('¥109.00');
    expect(screen.getByTestId('spec-stock')).toHaveTextContent('库存 150 件');
    expect(last()?.sku?.skuId).toBe('red-l');

    fireEvent.click(option('L'));
    fireEvent.click(option('蓝色'));
    fireEvent.click(option('M'));
    expect(screen.getByTestId('spec-price')).toHaveTextContent('¥99.00');
    expect(screen.getByTestId('spec-stock')).toHaveTextContent('库存 2 件');
    expect(screen.getByText('仅剩 2 件')).toBeInTheDocument();
    expect(last()).toEqual({ sku: skus[2], quantity: 1, missingSpecs: [] });
  });

  test('quantity is bounded by the chosen SKU’s stock', async () => {
    const { last } = renderSelector({ initialSkuId: 'blue-m' });
    expect(quantityInput().value).toBe('1');
    await plus();
    expect(last()?.quantity).toBe(2);
    await plus();
    expect(quantityInput().value).toBe('2');
    expect(last()?.quantity).toBe(2);
    await minus();
    await minus();
    expect(last()?.quantity).toBe(1);
    expect(quantityInput().value).toBe('1');
  });

  test('quantity is bounded by 99 even with more stock, and typing more is cut to 99', async () => {
    const { last } = renderSelector({ initialSkuId: 'red-l' });
    await act(async () => {
      fireEvent.input(quantityInput(), { target: { value: '500' } });
      fireEvent.blur(quantityInput());
    });
    expect(last()?.quantity).toBe(99);
    expect(quantityInput().value).toBe('99');
    await plus();
    expect(last()?.quantity).toBe(99);
  });

  test('switching to a SKU with less stock brings the quantity down to that stock', async () => {
    const { last } = renderSelector({ initialSkuId: 'red-l' });
    await plus();
    await plus();
    expect(last()?.quantity).toBe(3);
    fireEvent.click(option('L'));
    fireEvent.click(option('蓝色'));
    fireEvent.click(option('M'));
    expect(last()).toEqual({ sku: skus[2], quantity: 2, missingSpecs: [] });
  });

  test('a single in-stock option is chosen from the start; a sold-out initial SKU is not', () => {
    const single: Sku[] = [{ skuId: 'only', specs: { 规格: '250g 礼盒' }, price: 76800, stock: 40 }];
    const choices: SpecChoice[] = [];
    render(<SpecSelector specNames={['规格']} skus={single} onChange={(choice) => choices.push(choice)} />);
    expect(choices[choices.length - 1]?.sku?.skuId).toBe('only');
    expect(screen.getByTestId('spec-price')).toHaveTextContent('¥768.00');
  });

  test('a sold-out initial SKU is not chosen', () => {
    const { last } = renderSelector({ initialSkuId: 'blue-l' });
    expect(last()).toEqual({ sku: null, quantity: 1, missingSpecs: ['颜色', '尺码'] });
  });

  test('a product with everything sold out says 已售罄', () => {
    const soldOut = skus.map((sku) => ({ ...sku, stock: 0 }));
    render(<SpecSelector specNames={specNames} skus={soldOut} onChange={() => undefined} />);
    expect(screen.getByTestId('spec-stock')).toHaveTextContent('已售罄');
    expect(
      screen.getAllByTestId('spec-option').every((element) => element.getAttribute('aria-disabled') === 'true'),
    ).toBe(true);
  });
});
