import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { Category } from '@domain/contracts';
import type { MerchantProduct } from '@domain/merchant/product';
import { fail, ok } from '@domain/result';
import MerchantProductEditPage from '@/packages/merchant/pages/product-edit/index';
import { answer, calls } from './support/gateway';
import { openRoute } from './gift-support/fixtures';

// The machine these run on is shared and slow: generous limits, no timing assertions.
jest.setTimeout(60_000);

jest.mock('@/platform/feedback', () => ({
  ...jest.requireActual<object>('@/platform/feedback'),
  showToast: jest.fn(),
}));

jest.mock('@/platform/navigation', () => ({
  ...jest.requireActual<object>('../../src/platform/navigation'),
  navigateTo: jest.fn(async () => undefined),
  setPageTitle: jest.fn(async () => undefined),
}));

const CATEGORIES: Category[] = [
  { categoryId: 'home', name: '家居生活', icon: '', giftable: true },
  { categoryId: 'jewellery', name: '珠宝首饰', icon: '', giftable: false },
];

const candle: MerchantProduct = {
  productId: 'home-aroma',
  name: '香薰蜡烛',
  categoryId: 'home',
  categoryName: '家居生活',
  description: '大豆蜡',
  images: ['/static/products/home-aroma.svg'],
  specNames: ['香型'],
  onShelf: true,
  priceMin: 12_800,
  priceMax: 13_800,
  sales: 3,
  skus: [
    { skuId: 'home-aroma-sku01', specs: { 香型: '玫瑰' }, price: 12_800, stock: 10, sales: 2, onShelf: true },
    { skuId: 'home-aroma-sku02', specs: { 香型: '檀木' }, price: 13_800, stock: 4, sales: 1, onShelf: true },
  ],
  giftable: true,
  giftBlockedReason: null,
  tags: { brand: '', recipientTags: [], occasionTags: [], seasonTags: [] },
};

const typeInto = (host: HTMLElement, value: string) =>
  fireEvent.input(host.querySelector('input') ?? host, { target: { value } });

const open = async (productId?: string) => {
  openRoute('/packages/merchant/pages/product-edit/index', productId ? { productId } : {});
  render(<MerchantProductEditPage />);
  await screen.findByTestId('merchant-product-editor', {}, { timeout: 10_000 });
};

const saves = () => calls.filter((call) => call.event.action === 'saveProduct').map((call) => call.event);

describe('编辑商品（店主）', () => {
  beforeEach(() => answer('shop', 'listCategories', () => ok(CATEGORIES)));

  test('shows prices in yuan and saves them as integer fen, with the stock it showed', async () => {
    answer('merchant', 'getProduct', () => ok(candle));
    answer('merchant', 'saveProduct', (event) => ok({ ...candle, name: event.name }));
    await open('home-aroma');
    const prices = screen.getAllByTestId('merchant-edit-price');
    expect(prices[0]!.querySelector('input')).toHaveValue('128.00');
    typeInto(prices[0]!, '99.9');
    typeInto(screen.getAllByTestId('merchant-edit-stock')[1]!, '20');
    await act(async () => {
      fireEvent.click(screen.getByTestId('merchant-edit-save'));
    });
    expect(saves()).toEqual([
      expect.objectContaining({
        productId: 'home-aroma',
        name: '香薰蜡烛',
        categoryId: 'home',
        specNames: ['香型'],
        onShelf: true,
        skus: [
          { skuId: 'home-aroma-sku01', specs: { 香型: '玫瑰' }, price: 9_990, stock: 10, expectedStock: 10 },
          { skuId: 'home-aroma-sku02', specs: { 香型: '檀木' }, price: 13_800, stock: 20, expectedStock: 4 },
        ],
      }),
    ]);
    expect(screen.getByTestId('merchant-edit-saved')).toHaveTextContent('已保存');
  });

  test('refuses a price with three decimals, an empty name and a control character before sending', async () => {
    answer('merchant', 'getProduct', () => ok(candle));
    await open('home-aroma');
    typeInto(screen.getAllByTestId('merchant-edit-price')[0]!, '12.345');
    fireEvent.click(screen.getByTestId('merchant-edit-save'));
    expect(screen.getByTestId('merchant-edit-error')).toHaveTextContent('玫瑰：价格应为金额，最多两位小数');

    typeInto(screen.getAllByTestId('merchant-edit-price')[0]!, '12.34');
    typeInto(screen.getByTestId('merchant-edit-name'), '  ');
    fireEvent.click(screen.getByTestId('merchant-edit-save'));
    expect(screen.getByTestId('merchant-edit-error')).toHaveTextContent('请填写商品名称');

    typeInto(screen.getByTestId('merchant-edit-name'), '香薰\u0007蜡烛');
    fireEvent.click(screen.getByTestId('merchant-edit-save'));
    expect(screen.getByTestId('merchant-edit-error')).toHaveTextContent('商品名称包含不可见的控制字符');
    expect(saves()).toEqual([]);
  });

  test('says why a jewellery product cannot be gifted, and shows the server’s refusal inline', async () => {
    answer('merchant', 'getProduct', () => ok(candle));
    answer('merchant', 'saveProduct', () =>
      fail('MERCHANT.STOCK_CHANGED', '库存已被订单占用或修改，请刷新后再改（当前库存 7）'),
    );
    await open('home-aroma');
    expect(screen.getByTestId('merchant-edit-giftable')).toHaveTextContent('可以作为礼物送出');
    fireEvent.click(screen.getByText('珠宝首饰（不可送礼）'));
    expect(screen.getByTestId('merchant-edit-giftable')).toHaveTextContent(
      '不可送礼：珠宝首饰、教育培训类商品不支持送礼',
    );
    typeInto(screen.getAllByTestId('merchant-edit-price')[0]!, '12000.01');
    fireEvent.click(screen.getByText('家居生活'));
    typeInto(screen.getAllByTestId('merchant-edit-price')[1]!, '10000.01');
    expect(screen.getByTestId('merchant-edit-giftable')).toHaveTextContent('单价超过¥10,000的商品不支持送礼');

    await act(async () => {
      fireEvent.click(screen.getByTestId('merchant-edit-save'));
    });
    expect(screen.getByTestId('merchant-edit-error')).toHaveTextContent('当前库存 7');
  });

  test('a new product: spec values make one row per combination', async () => {
    await open();
    expect(calls.some((call) => call.event.action === 'getProduct')).toBe(false);
    fireEvent.click(screen.getByText('+ 添加规格'));
    const editor = screen.getByTestId('merchant-product-editor');
    typeInto(within(editor).getByPlaceholderText('规格名，如 颜色'), '颜色');
    for (const value of ['红色', '蓝色']) {
      typeInto(within(editor).getByPlaceholderText('规格值，如 红色'), value);
      fireEvent.click(within(editor).getByText('添加'));
    }
    expect(screen.getAllByTestId('merchant-edit-sku').map((row) => row.textContent)).toEqual(['红色', '蓝色']);
  });
});
