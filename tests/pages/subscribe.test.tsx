/**
 * Subscribe-message consent at the pay / accept taps, with the weapp wrapper (src/platform/subscribe.ts)
 * over a WeChat-like Taro.requestSubscribeMessage: the right template ids, asked before the first call
 * to a function (while the tap still counts as one), and the flow carries on whatever the answer.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Address } from '@domain/address';
import { ok } from '@domain/result';
import { SUBSCRIBE_TEMPLATE_IDS, type SubscribeAsk } from '@domain/subscribeMessages';
import type { SubscribeOutcome } from '@/platform/subscribeTypes';
import GiftSendPage from '@/packages/gift/pages/send/index';
import GiftReceivePage from '@/packages/gift/pages/receive/index';
import ConfirmOrderPage from '@/packages/order/pages/confirm/index';
import { redirectTo, replaceWithGiftDetail } from '@/platform/navigation';
import { pay } from '@/platform/payment';
import { answer, calls } from './support/gateway';
import { openRoute, recipientView, teaSet, TOKEN } from './gift-support/fixtures';

// The pages get the mini program's wrapper, not the H5 one Jest would resolve first.
jest.mock('@/platform/subscribe', () => jest.requireActual<object>('@/platform/subscribe.ts'));
// The H5 test runtime has no toast.
jest.mock('@/platform/feedback', () => ({
  ...jest.requireActual<object>('@/platform/feedback'),
  showToast: jest.fn(),
}));
jest.mock('@/platform/payment', () => ({ pay: jest.fn(async () => 'paid') }));
jest.mock('@/platform/navigation', () => ({
  ...jest.requireActual<object>('@/platform/navigation'),
  replaceWithGiftDetail: jest.fn(async () => undefined),
  redirectTo: jest.fn(async () => undefined),
}));

interface Wrapper {
  askToSubscribe(ask: SubscribeAsk): Promise<SubscribeOutcome>;
}

type Choice = 'accept' | 'reject' | 'ban';
interface Ask {
  tmplIds: string[];
  /** function calls made before the sheet was asked for */
  callsBefore: number;
}
const asks: Ask[] = [];

/** WeChat's sheet: answers each id with `choice`, or fails like a user who turned subscriptions off. */
function wechatSheet(choice: Choice | 'fail'): void {
  const requestSubscribeMessage = jest.fn(async ({ tmplIds }: { tmplIds: string[] }) => {
    asks.push({ tmplIds, callsBefore: calls.length });
    if (choice === 'fail') throw { errMsg: 'requestSubscribeMessage:fail 20004', errCode: 20004 };
    return { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(tmplIds.map((id) => [id, choice])) };
  });
  Object.assign(Taro as object, { requestSubscribeMessage });
}

const ADDRESS: Address = {
  userName: '李四',
  telNumber: '13912345678',
  provinceName: '广东省',
  cityName: '广州市',
  countyName: '天河区',
  detailInfo: '体育西路 100 号',
};

/** The address form (Taro's input repeats the placeholder on its host element: type into the innermost). */
const fillAddress = () => {
  const type = (placeholder: string, value: string) =>
    fireEvent.input(screen.getAllByPlaceholderText(placeholder).at(-1) as HTMLElement, { target: { value } });
  type('收货人姓名', ADDRESS.userName);
  type('11位手机号码', ADDRESS.telNumber);
  type('省份', ADDRESS.provinceName);
  type('城市', ADDRESS.cityName);
  type('区县', ADDRESS.countyName);
  type('街道、楼栋、门牌号', ADDRESS.detailInfo);
};

const GREETING = '写下你想对好友说的话（最多100字）';
const created = {
  giftId: 'g1',
  orderId: 'g1',
  outTradeNo: 'Gg1',
  payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=p', signType: 'MD5', paySign: 's' },
};

/** Taro's textarea takes input only once its web component has loaded: type until the counter follows. */
const typeGreeting = async (value: string) => {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    fireEvent.input(screen.getAllByPlaceholderText(GREETING).at(-1) as HTMLElement, { target: { value } });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    if (screen.getByTestId('gift-greeting-counter').textContent?.startsWith(`${value.length}/`)) return;
  }
  throw new Error('the greeting field did not take the text');
};

const payGift = async () => {
  answer('shop', 'getProduct', () => ok(teaSet));
  answer('user', 'getProfile', () => ok({ nickname: '小明', avatarUrl: '' }));
  answer('gift', 'createGift', () => ok(created));
  openRoute('/packages/gift/pages/send/index', { productId: 'p-tea', skuId: 'tea-125' });
  render(<GiftSendPage />);
  await screen.findAllByPlaceholderText(GREETING);
  await typeGreeting('生日快乐');
  const callsBeforeTap = calls.length;
  await act(async () => {
    fireEvent.click(screen.getByTestId('gift-send-submit'));
  });
  return callsBeforeTap;
};

const payOwnOrder = async () => {
  answer('shop', 'getProduct', () => ok(teaSet));
  answer('order', 'createOrder', () =>
    ok({ orderId: 'o1', outTradeNo: 'To1', payment: created.payment, totalFee: 36800, expiresAt: 0 }),
  );
  openRoute('/packages/order/pages/confirm/index', { productId: 'p-tea', skuId: 'tea-125', quantity: '1' });
  render(<ConfirmOrderPage />);
  await screen.findByText('提交订单');
  fillAddress();
  fireEvent.click(screen.getByText('使用该地址'));
  const callsBeforeTap = calls.length;
  await act(async () => {
    fireEvent.click(screen.getByText('提交订单'));
  });
  return callsBeforeTap;
};

const acceptGift = async () => {
  answer('gift', 'openGift', () => ok(recipientView()));
  answer('gift', 'acceptGift', () =>
    ok(
      recipientView({
        status: 'accepted',
        label: '你已收下',
        respondedByMe: true,
        canRespond: false,
        remainingMs: null,
        skuOptions: [],
        myAddress: ADDRESS,
      }),
    ),
  );
  openRoute('/packages/gift/pages/receive/index', { giftId: 'g1', token: TOKEN });
  render(<GiftReceivePage />);
  await screen.findByText('确认收下');
  fillAddress();
  const callsBeforeTap = calls.length;
  await act(async () => {
    fireEvent.click(screen.getByText('确认收下'));
  });
  return callsBeforeTap;
};

beforeEach(() => {
  asks.length = 0;
  jest.mocked(pay).mockClear();
  jest.mocked(replaceWithGiftDetail).mockClear();
  jest.mocked(redirectTo).mockClear();
});

const GIVER_IDS = [
  SUBSCRIBE_TEMPLATE_IDS.giftAccepted,
  SUBSCRIBE_TEMPLATE_IDS.giftStatus,
  SUBSCRIBE_TEMPLATE_IDS.giftRefunded,
];

describe.each<Choice | 'fail'>(['accept', 'reject', 'fail'])('the user answers the sheet: %s', (choice) => {
  beforeEach(() => wechatSheet(choice));

  test('支付并送出 asks the giver for accepted / declined-or-shipped / refunded, then creates, pays and opens the gift', async () => {
    const callsBeforeTap = await payGift();
    expect(asks).toEqual([{ tmplIds: GIVER_IDS, callsBefore: callsBeforeTap }]);
    expect(calls.filter((call) => call.event.action === 'createGift')).toHaveLength(1);
    expect(pay).toHaveBeenCalledTimes(1);
    expect(replaceWithGiftDetail).toHaveBeenCalledWith('g1');
  });

  test('提交订单 asks the buyer for the shipping notice, then creates the order, pays and shows the result', async () => {
    const callsBeforeTap = await payOwnOrder();
    expect(asks).toEqual([{ tmplIds: [SUBSCRIBE_TEMPLATE_IDS.orderShipped], callsBefore: callsBeforeTap }]);
    expect(calls.filter((call) => call.event.action === 'createOrder')).toHaveLength(1);
    expect(pay).toHaveBeenCalledTimes(1);
    expect(redirectTo).toHaveBeenCalledWith(expect.stringContaining('orderId=o1'));
  });

  test('确认收下 asks the recipient for the shipping notice, then accepts', async () => {
    const callsBeforeTap = await acceptGift();
    expect(asks).toEqual([{ tmplIds: [SUBSCRIBE_TEMPLATE_IDS.orderShipped], callsBefore: callsBeforeTap }]);
    expect(calls.filter((call) => call.event.action === 'acceptGift')).toHaveLength(1);
    expect(await screen.findByTestId('gift-state-accepted')).toBeInTheDocument();
  });
});

test('the weapp wrapper resolves which templates were accepted, and never throws', async () => {
  const { askToSubscribe } = jest.requireActual<Wrapper>('@/platform/subscribe.ts');
  Object.assign(Taro as object, {
    requestSubscribeMessage: jest.fn(async ({ tmplIds }: { tmplIds: string[] }) => ({
      errMsg: 'requestSubscribeMessage:ok',
      [tmplIds[0] ?? '']: 'accept',
      [tmplIds[1] ?? '']: 'reject',
      [tmplIds[2] ?? '']: 'ban',
    })),
  });
  expect(await askToSubscribe('payGift')).toEqual({ status: 'asked', accepted: [SUBSCRIBE_TEMPLATE_IDS.giftAccepted] });
  wechatSheet('fail');
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  expect(await askToSubscribe('acceptGift')).toEqual({ status: 'failed', accepted: [] });
  warn.mockRestore();
});

test('H5 has no consent to ask: unsupported, without touching WeChat or the console', async () => {
  wechatSheet('accept');
  const error = jest.spyOn(console, 'error');
  const warn = jest.spyOn(console, 'warn');
  const { askToSubscribe: askOnH5 } = jest.requireActual<Wrapper>('@/platform/subscribe.h5');
  expect(await askOnH5('payGift')).toEqual({ status: 'unsupported', accepted: [] });
  expect(asks).toEqual([]);
  expect(error).not.toHaveBeenCalled();
  expect(warn).not.toHaveBeenCalled();
  error.mockRestore();
  warn.mockRestore();
});
