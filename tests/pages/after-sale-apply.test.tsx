import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AfterSaleApplyPage from '@/packages/order/pages/after-sale-apply/index';
import type { OrderView } from '@domain/contracts';
import type { RecipientOrderView } from '@domain/order/recipientView';
import { AfterSaleErrors } from '@domain/afterSale/errors';
import { fail, ok } from '@domain/result';
import { answer, calls } from './support/gateway';
import { openRoute } from './gift-support/fixtures';

const NOW = new Date('2026-11-25T10:00:00+08:00').getTime();

const ADDRESS = {
  userName: '王五',
  telNumber: '13700002222',
  provinceName: '浙江省',
  cityName: '杭州市',
  countyName: '西湖区',
  detailInfo: '文三路5号',
};

function orderView(overrides: Partial<OrderView> = {}): OrderView {
  return {
    orderId: 'o1',
    kind: 'self',
    status: 'shipped',
    statusLabel: '已发货',
    statusHint: '',
    items: [
      {
        skuId: 's1',
        productId: 'p1',
        name: '陶瓷马克杯',
        image: '/static/products/mug-1.jpg',
        specs: { 颜色: '白色' },
        price: 5900,
        quantity: 2,
      },
    ],
    totalFee: 11800,
    address: ADDRESS,
    createdAt: NOW - 86_400_000,
    paidAt: NOW - 86_000_000,
    expiresAt: NOW,
    shipping: { expressCompany: '顺丰速运', trackingNo: 'SF1234567890123', shippedAt: NOW - 3_600_000 },
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    lateRefund: null,
    actions: ['confirmReceipt'],
    afterSale: null,
    afterSaleEntry: 'apply',
    ...overrides,
  };
}

function recipientView(): RecipientOrderView {
  const { items, ...rest } = orderView({ kind: 'gift' });
  return {
    ...rest,
    viewer: 'recipient',
    kind: 'gift',
    giftId: 'o1',
    giverNickname: '小明',
    items: items.map((item) => ({ ...item, price: null })),
    totalFee: null,
    lateRefund: null,
    actions: [],
  };
}

const openApply = () => {
  openRoute('/packages/order/pages/after-sale-apply/index', { orderId: 'o1' });
  return render(<AfterSaleApplyPage />);
};

const requests = () => calls.filter((call) => call.event.action === 'requestAfterSale');

/** Uploads answer as the local cloud's /_storage/upload does; the picked files are blob: URLs. */
function acceptUploads(): string[] {
  const uploadedPaths: string[] = [];
  const gateway = globalThis.fetch;
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    // jsdom has no Response: answer with what uploadCloudFile reads
    if (url.startsWith('blob:')) return { ok: true, status: 200, blob: async () => new Blob(['jpeg']) } as never;
    if (url === '/_storage/upload') {
      const form = init?.body as FormData;
      const cloudPath = String(form.get('cloudPath'));
      uploadedPaths.push(cloudPath);
      const fileID = `cloud://local-dev.bucket-1/${cloudPath}`;
      return { ok: true, status: 200, json: async () => ({ fileID }) } as never;
    }
    return gateway(input, init);
  });
  return uploadedPaths;
}

/** The H5 test runtime leaves some wx APIs out (the picker, the toast): installed per test, removed after. */
const installed: string[] = [];
const taroApis = Taro as unknown as Record<string, unknown>;
function setTaroApi(name: string, implementation: (...args: never[]) => unknown): jest.Mock {
  const mock = jest.fn(implementation);
  if (!(name in taroApis)) installed.push(name);
  taroApis[name] = mock;
  return mock;
}

let toast: jest.Mock;

describe('申请售后', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW, doNotFake: ['queueMicrotask'] });
    toast = setTaroApi('showToast', async () => ({ errMsg: 'showToast:ok' }));
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
    for (const name of installed.splice(0)) delete taroApis[name];
  });

  test('a shipped order: both types, reasons for the chosen one, photos added and removed, the amount; submits what was chosen', async () => {
    answer('order', 'getOrder', () => ok(orderView()));
    answer('order', 'requestAfterSale', () => ok({ afterSaleId: 'o1_1', status: 'requested' }));
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never);
    const uploaded = acceptUploads();
    setTaroApi('chooseImage', async () => ({
      tempFilePaths: ['blob:a', 'blob:b', 'blob:c'],
      tempFiles: [],
      errMsg: 'ok',
    }));
    openApply();

    expect(await screen.findByTestId('after-sale-type-refund')).toHaveTextContent('仅退款');
    expect(screen.getByTestId('after-sale-type-return')).toHaveTextContent('退货退款');
    expect(screen.getByTestId('after-sale-amount')).toHaveTextContent('¥118.00');
    expect(screen.getByText('请先选择售后类型')).toBeInTheDocument();

    // nothing chosen: the tap says why and nothing is sent
    fireEvent.click(screen.getByTestId('after-sale-submit'));
    expect(await screen.findByTestId('after-sale-error')).toHaveTextContent('请选择售后类型');

    fireEvent.click(screen.getByTestId('after-sale-type-return'));
    expect(screen.getByTestId('after-sale-reason-qualityIssue')).toHaveTextContent('质量问题');
    expect(screen.queryByTestId('after-sale-reason-notReceived')).toBeNull(); // not for a return
    fireEvent.click(screen.getByTestId('after-sale-submit'));
    expect(await screen.findByTestId('after-sale-error')).toHaveTextContent('请选择售后原因');
    expect(requests()).toEqual([]);

    fireEvent.click(screen.getByTestId('after-sale-reason-qualityIssue'));
    expect(screen.getByText('0/200')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('after-sale-photo-add'));
    await act(async () => {
      await jest.runAllTimersAsync();
    });
    expect(uploaded).toHaveLength(3);
    expect(uploaded[0]).toMatch(/^after-sales\/o1\/\d+-0\.jpg$/);
    expect(screen.getByTestId('after-sale-photos').querySelectorAll('img, taro-image-core')).toHaveLength(3);
    expect(screen.queryByTestId('after-sale-photo-add')).toBeNull(); // 3 is the most
    fireEvent.click(screen.getByTestId('after-sale-photo-remove-1'));
    expect(screen.getByTestId('after-sale-photo-add')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('after-sale-submit'));
    await act(async () => {
      await jest.runAllTimersAsync();
    });
    expect(requests()).toHaveLength(1);
    expect(requests()[0]?.event).not.toHaveProperty('description'); // nothing typed: none sent
    expect(requests()[0]?.event).toMatchObject({
      action: 'requestAfterSale',
      orderId: 'o1',
      type: 'return',
      reason: 'qualityIssue',
      photos: [`cloud://local-dev.bucket-1/${uploaded[0]}`, `cloud://local-dev.bucket-1/${uploaded[2]}`],
    });
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/order/pages/after-sale/index?afterSaleId=o1_1' });
  });

  test('an order not shipped yet: 仅退款 only, chosen already, with the reasons before shipping', async () => {
    answer('order', 'getOrder', () => ok(orderView({ status: 'paid', shipping: null, actions: [] })));
    openApply();
    expect(await screen.findByTestId('after-sale-type-refund')).toHaveClass('after-sale__chip--selected');
    expect(screen.queryByTestId('after-sale-type-return')).toBeNull();
    expect(screen.getByText('商品尚未发货，可申请仅退款')).toBeInTheDocument();
    expect(screen.getByTestId('after-sale-reason-shippingTooSlow')).toHaveTextContent('商家发货太慢');
    expect(screen.queryByTestId('after-sale-reason-notReceived')).toBeNull();
  });

  test("a gift's recipient sees no price: the money goes back to the giver", async () => {
    answer('order', 'getOrder', () => ok(recipientView()));
    const { container } = openApply();
    expect(await screen.findByTestId('after-sale-amount')).toHaveTextContent('全额退款');
    expect(screen.getByText('商家同意后，款项将原路退回送礼人')).toBeInTheDocument();
    expect(container.textContent).not.toContain('118');
  });

  test("the function's refusal is shown, in Chinese", async () => {
    answer('order', 'getOrder', () => ok(orderView()));
    answer('order', 'requestAfterSale', () =>
      fail(AfterSaleErrors.ALREADY_OPEN.code, AfterSaleErrors.ALREADY_OPEN.message),
    );
    openApply();
    fireEvent.click(await screen.findByTestId('after-sale-type-refund'));
    fireEvent.click(screen.getByTestId('after-sale-reason-notReceived'));
    fireEvent.click(screen.getByTestId('after-sale-submit'));
    await act(async () => {
      await jest.runAllTimersAsync();
    });
    expect(screen.getByTestId('after-sale-error')).toHaveTextContent(AfterSaleErrors.ALREADY_OPEN.message);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: AfterSaleErrors.ALREADY_OPEN.message }));
  });

  test('an order past its window says so and leads back to the order', async () => {
    answer('order', 'getOrder', () =>
      ok(orderView({ status: 'completed', completedAt: NOW - 8 * 86_400_000, afterSaleEntry: null })),
    );
    openApply();
    expect(await screen.findByText(AfterSaleErrors.WINDOW_CLOSED.message)).toBeInTheDocument();
    expect(screen.getByText('返回订单')).toBeInTheDocument();
    expect(requests()).toEqual([]);
  });
});
