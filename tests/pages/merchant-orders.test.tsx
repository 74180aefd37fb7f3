import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { MerchantOrderView } from '@domain/contracts';
import { fail, ok } from '@domain/result';
import MerchantOrdersPage from '@/packages/merchant/pages/orders/index';
import { showToast } from '@/platform/feedback';
import { navigateTo, routes } from '@/platform/navigation';
import { answer, calls } from './support/gateway';
import { openRoute } from './gift-support/fixtures';

// Taro's H5 toast is a DOM widget outside the page: the test reads what the page asked it to say.
jest.mock('@/platform/feedback', () => ({
  ...jest.requireActual<object>('@/platform/feedback'),
  showToast: jest.fn(),
}));

// NutUI's Tabs measures its titles with a selector query that needs a mounted Taro page; the tabs'
// titles are what matters here (the tab is chosen through the route, as 店铺管理's entries do).
// (babel-plugin-import resolves `Tabs` to this one module.)
jest.mock('@nutui/nutui-react-taro/dist/cjs/packages/tabs', () => {
  const Tabs = ({ children }: { children: unknown }) => children;
  Tabs.TabPane = ({ title }: { title: string }) => title;
  return { __esModule: true, default: Tabs, Tabs };
});

jest.mock('@/platform/navigation', () => ({
  ...jest.requireActual<object>('../../src/platform/navigation'),
  navigateTo: jest.fn(async () => undefined),
}));

// The machine these run on is shared and slow: generous limits, no timing assertions.
jest.setTimeout(60_000);

const ADDRESS = {
  userName: '李四',
  telNumber: '13900001111',
  provinceName: '北京市',
  cityName: '北京市',
  countyName: '朝阳区',
  detailInfo: '建国路88号',
};

const order = (overrides: Partial<MerchantOrderView> = {}): MerchantOrderView => ({
  orderId: 'o1',
  kind: 'self',
  status: 'paid',
  statusLabel: '待发货',
  statusHint: '',
  items: [
    {
      skuId: 'home-aroma-sku01',
      productId: 'home-aroma',
      name: '香薰蜡烛',
      image: '/static/products/home-aroma.svg',
      specs: { 香型: '玫瑰' },
      price: 12_800,
      quantity: 1,
    },
  ],
  totalFee: 12_800,
  createdAt: 0,
  paidAt: 0,
  expiresAt: 0,
  shipping: null,
  completedAt: null,
  cancelledAt: null,
  cancelReason: null,
  lateRefund: null,
  afterSale: null,
  afterSaleEntry: null,
  buyerOpenid: 'buyer',
  address: ADDRESS,
  giftCard: null,
  canShip: true,
  ...overrides,
});

const gift = order({
  orderId: 'g1',
  kind: 'gift',
  giftCard: {
    giverNickname: '小明',
    recipientName: '小红',
    greeting: '生日快乐，天天开心！',
    signature: '爱你的小明',
    cardStyle: 'birthday',
    cardStyleName: '生日快乐',
  },
});

const show = async (tab?: string) => {
  openRoute('/packages/merchant/pages/orders/index', tab ? { tab } : {});
  render(<MerchantOrdersPage />);
  await act(async () => undefined);
};

const typeInto = (host: HTMLElement, value: string) =>
  fireEvent.input(host.querySelector('input') ?? host, { target: { value } });

const cardOf = (orderId: string) =>
  screen.getAllByTestId('merchant-order').find((el) => el.getAttribute('data-order-id') === orderId)!;

describe('订单管理（店主）', () => {
  beforeEach(() => jest.mocked(navigateTo).mockClear());

  test('待发货 lists orders with items, the whole address and a gift’s greeting card', async () => {
    answer('merchant', 'listOrders', (event) =>
      ok({ items: event.status === 'paid' ? [order(), gift] : [], nextCursor: null }),
    );
    await show();
    expect(calls.at(-1)?.event).toMatchObject({ action: 'listOrders', status: 'paid' });
    const self = cardOf('o1');
    expect(within(self).getByText('香薰蜡烛')).toBeInTheDocument();
    expect(within(self).getByTestId('merchant-order-address')).toHaveTextContent('李四 13900001111');
    expect(within(self).getByTestId('merchant-order-address')).toHaveTextContent('北京市朝阳区建国路88号');
    expect(within(self).queryByTestId('merchant-order-card')).toBeNull();

    const card = within(cardOf('g1')).getByTestId('merchant-order-card');
    expect(card).toHaveTextContent('送礼人：小明');
    expect(card).toHaveTextContent('收礼人：小红');
    expect(card).toHaveTextContent('贺卡：生日快乐');
    expect(within(card).getByTestId('gift-card-greeting')).toHaveTextContent('生日快乐，天天开心！');
    expect(within(card).getByText('—— 爱你的小明')).toBeInTheDocument();

    fireEvent.click(within(cardOf('g1')).getByTestId('merchant-print-card'));
    expect(navigateTo).toHaveBeenCalledWith(routes.merchantCard({ orderId: 'g1' }));
  });

  test('ships two selected orders with one carrier and a number each; a refused one keeps its reason inline', async () => {
    answer('merchant', 'listOrders', () => ok({ items: [order(), gift], nextCursor: null }));
    answer('merchant', 'shipOrder', (event) =>
      event.orderId === 'g1'
        ? fail('ORDER.INVALID_STATE', '订单状态已变化，无法发货')
        : ok(order({ status: 'shipped', canShip: false, shipping: { ...event, shippedAt: 1 } })),
    );
    await show();
    fireEvent.click(within(cardOf('o1')).getByTestId('merchant-order-select'));
    fireEvent.click(within(cardOf('g1')).getByTestId('merchant-order-select'));
    const panel = screen.getByTestId('merchant-ship-panel');
    expect(panel).toHaveTextContent('发货（2 单）');

    // Nothing is sent without a carrier, nor with a number the carrier cannot have issued.
    fireEvent.click(within(panel).getByTestId('merchant-ship-confirm'));
    expect(screen.getByTestId('merchant-ship-error')).toHaveTextContent('请选择快递公司');
    fireEvent.click(
      within(panel)
        .getAllByTestId('merchant-carrier')
        .find((el) => el.textContent === '顺丰速运')!,
    );
    const [first, second] = within(panel).getAllByTestId('merchant-tracking-input');
    typeInto(first!, 'SF1234567890123');
    typeInto(second!, '12');
    fireEvent.click(within(panel).getByTestId('merchant-ship-confirm'));
    expect(calls.filter((call) => call.event.action === 'shipOrder')).toHaveLength(0);
    expect(within(cardOf('g1')).getByTestId('merchant-order-error')).toHaveTextContent('顺丰速运');

    typeInto(second!, 'SF9876543210987');
    await act(async () => {
      fireEvent.click(within(panel).getByTestId('merchant-ship-confirm'));
    });
    expect(calls.filter((call) => call.event.action === 'shipOrder').map((call) => call.event)).toEqual([
      { action: 'shipOrder', orderId: 'o1', expressCompany: '顺丰速运', trackingNo: 'SF1234567890123' },
      { action: 'shipOrder', orderId: 'g1', expressCompany: '顺丰速运', trackingNo: 'SF9876543210987' },
    ]);
    // the shipped one leaves 待发货; the refused one stays selected with the server's reason
    expect(screen.queryAllByTestId('merchant-order').map((el) => el.getAttribute('data-order-id'))).toEqual(['g1']);
    expect(within(cardOf('g1')).getByTestId('merchant-order-error')).toHaveTextContent('订单状态已变化，无法发货');
    expect(screen.getByTestId('merchant-ship-panel')).toHaveTextContent('发货（1 单）');
    expect(showToast).toHaveBeenCalledWith('已发货 1 单', 'success');
  });

  test('售后 lists after-sales; rejecting needs a note', async () => {
    answer('merchant', 'listOrders', () => ok({ items: [], nextCursor: null }));
    answer('merchant', 'listAfterSales', () =>
      ok({
        items: [
          {
            afterSaleId: 'as1',
            orderId: 'o1',
            type: 'refund',
            typeLabel: '仅退款',
            status: 'requested',
            statusLabel: '待商家处理',
            statusHint: '',
            reason: 'damaged',
            reasonLabel: '商品破损/包装损坏',
            description: '盒子压坏了',
            photos: [],
            refundFee: 12_800,
            refundTo: 'asker',
            merchantNote: null,
            returnShipping: null,
            steps: [],
            createdAt: 0,
            resolvedAt: null,
            refundedAt: null,
            requester: 'buyer',
            orderKind: 'self',
            orderStatus: 'paid',
            items: order().items,
            totalFee: 12_800,
            actions: ['approve', 'reject'],
          },
        ],
        nextCursor: null,
      }),
    );
    await show('afterSales');
    const item = await screen.findByTestId('merchant-after-sale', {}, { timeout: 10_000 });
    expect(item).toHaveTextContent('仅退款');
    expect(item).toHaveTextContent('退款 ¥128.00');
    fireEvent.click(within(item).getByText('查看并处理'));
    expect(screen.getByTestId('merchant-after-sale-detail')).toHaveTextContent('说明：盒子压坏了');
    fireEvent.click(within(item).getByText('拒绝'));
    expect(item).toHaveTextContent('拒绝时请填写原因');
    expect(calls.some((call) => call.event.action === 'resolveAfterSale')).toBe(false);
  });
});
