import { act, fireEvent, render, screen } from '@testing-library/react';
import { countChars } from '@domain/address';
import GiftSendPage from '@/packages/gift/pages/send/index';
import { ok } from '@domain/result';
import { pay } from '@/platform/payment';
import { replaceWithGiftDetail } from '@/platform/navigation';
import { scrollToId } from '@/platform/scroll';
import { answer, calls } from './support/gateway';
import { openRoute, teaSet } from './gift-support/fixtures';

jest.mock('@/platform/payment', () => ({ pay: jest.fn(async () => 'paid') }));
// jsdom has no layout to scroll: the test checks which field the page asked to bring into view.
jest.mock('@/platform/scroll', () => ({ scrollToId: jest.fn() }));
jest.mock('@/platform/navigation', () => ({
  ...jest.requireActual<object>('../../src/platform/navigation'),
  replaceWithGiftDetail: jest.fn(async () => undefined),
}));

const GREETING = '写下你想对好友说的话（最多100字）';
// Taro's textarea repeats the placeholder on its host element: type into the innermost field.
const type = (placeholder: string, value: string) =>
  fireEvent.input(screen.getAllByPlaceholderText(placeholder).at(-1) as HTMLElement, { target: { value } });
const counter = () => screen.getByTestId('gift-greeting-counter');
const submit = () => screen.getByTestId('gift-send-submit');
const isDisabled = (element: HTMLElement) => element.className.includes('nut-button-disabled');

const created = {
  giftId: 'g1',
  orderId: 'g1',
  outTradeNo: 'Gg1',
  payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=p', signType: 'MD5', paySign: 's' },
};

const openSend = async () => {
  answer('shop', 'getProduct', () => ok(teaSet));
  answer('user', 'getProfile', () => ok({ nickname: '小明', avatarUrl: '' }));
  openRoute('/packages/gift/pages/send/index', { productId: 'p-tea', skuId: 'tea-125' });
  render(<GiftSendPage />);
  await screen.findAllByPlaceholderText(GREETING);
};

/**
 * Taro's textarea is a Stencil web component that handles input only once it has loaded, some ticks
 * after the first render: type until the page's counter follows (a few tries at most).
 */
const typeGreeting = async (value: string) => {
  const expected = `${countChars(value.trim())}/100`;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    type(GREETING, value);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    if (counter().textContent?.includes(expected)) return;
  }
  throw new Error(`the greeting field did not take ${JSON.stringify(value)}`);
};

describe('送给朋友', () => {
  beforeEach(() => {
    jest.mocked(pay).mockClear();
    jest.mocked(replaceWithGiftDetail).mockClear();
    jest.mocked(scrollToId).mockClear();
  });

  test('the greeting counter counts characters (code points) live, up to 100', async () => {
    await openSend();
    expect(counter()).toHaveTextContent('0/100');
    await typeGreeting('生日快乐😀');
    // '😀' is two UTF-16 units but one character, as the server counts
    expect(counter()).toHaveTextContent('5/100');
    await typeGreeting('  好  ');
    expect(counter()).toHaveTextContent('1/100');
    await typeGreeting('字'.repeat(100));
    expect(counter()).toHaveTextContent('100/100');
    expect(screen.queryByTestId('gift-send-error')).toBeNull();
    expect(isDisabled(submit())).toBe(false);
  });

  test('101 characters: the counter turns red and the rule’s message shows under the greeting; 支付并送出 points at it', async () => {
    await openSend();
    await typeGreeting('😀'.repeat(101));
    expect(counter()).toHaveTextContent('101/100');
    expect(counter().className).toContain('gift-send__counter--over');
    expect(screen.getByTestId('gift-error-greeting')).toHaveTextContent('赠言不能超过100个字（当前101个字）');
    // The button never silently ignores a tap: it brings the refused field into view.
    expect(isDisabled(submit())).toBe(false);
    fireEvent.click(submit());
    expect(scrollToId).toHaveBeenCalledWith('gift-field-greeting');
    expect(calls.some((call) => call.event.action === 'createGift')).toBe(false);
  });

  test('an empty greeting: 支付并送出 scrolls to the greeting, says why next to it, and the message goes once it is filled', async () => {
    await openSend();
    // Not a mistake before the tap.
    expect(screen.queryByTestId('gift-error-greeting')).toBeNull();
    fireEvent.click(submit());
    expect(screen.getByTestId('gift-error-greeting')).toHaveTextContent('请填写赠言');
    expect(scrollToId).toHaveBeenCalledWith('gift-field-greeting');
    expect(document.getElementById('gift-field-greeting')).not.toBeNull();
    expect(screen.queryByTestId('gift-send-error')).toBeNull();
    expect(calls.some((call) => call.event.action === 'createGift')).toBe(false);

    await typeGreeting('生日快乐');
    expect(screen.queryByTestId('gift-error-greeting')).toBeNull();
  });

  test('a greeting of invisible characters only is refused on 支付并送出 without calling the function', async () => {
    await openSend();
    await typeGreeting(' \u3000\u200b ');
    fireEvent.click(submit());
    expect(await screen.findByTestId('gift-error-greeting')).toHaveTextContent('请填写赠言');
    expect(calls.some((call) => call.event.action === 'createGift')).toBe(false);
  });

  test('recipient name and signature are limited to 10 characters, each message next to its field', async () => {
    await openSend();
    await typeGreeting('生日快乐');
    type('选填，最多10个字，如：小红', '一二三四五六七八九十十');
    expect(screen.getByTestId('gift-error-recipientName')).toHaveTextContent('收礼人称呼不能超过10个字');
    fireEvent.click(submit());
    expect(scrollToId).toHaveBeenLastCalledWith('gift-field-recipientName');
    type('选填，最多10个字，如：小红', '小红');
    expect(screen.queryByTestId('gift-error-recipientName')).toBeNull();
    type('选填，最多10个字，如：小明', '一二三四五六七八九十十');
    expect(screen.getByTestId('gift-error-signature')).toHaveTextContent('署名不能超过10个字');
    expect(calls.some((call) => call.event.action === 'createGift')).toBe(false);
  });

  test('SKUs above ¥10,000 are not offered, with the reason', async () => {
    await openSend();
    expect(screen.getByTestId('gift-blocked-sku')).toHaveTextContent(
      '规格：金罐典藏（¥12800.00）不可送礼：单价超过¥10,000的商品不支持送礼',
    );
    const options = screen.getAllByTestId('spec-option').map((option) => option.textContent);
    expect(options).toEqual(['125g 罐装', '250g 礼盒售罄']);
    // quantity is fixed at one: no stepper
    expect(screen.queryByTestId('spec-quantity')).toBeNull();
  });

  test('支付并送出 creates the gift with the card, pays, and opens the gift page', async () => {
    answer('gift', 'createGift', () => ok(created));
    await openSend();
    await typeGreeting('生日快乐');
    type('选填，最多10个字，如：小红', '小红');
    fireEvent.click(screen.getByTestId('card-style-birthday'));
    expect(screen.getByTestId('gift-card-preview').querySelector('[data-style]')).toHaveAttribute(
      'data-style',
      'birthday',
    );
    await act(async () => {
      fireEvent.click(submit());
    });
    expect(calls.find((call) => call.event.action === 'createGift')?.event).toEqual({
      action: 'createGift',
      skuId: 'tea-125',
      greeting: '生日快乐',
      cardStyle: 'birthday',
      recipientName: '小红',
    });
    expect(pay).toHaveBeenCalledWith(created.payment, expect.objectContaining({ outTradeNo: 'Gg1', totalFee: 36800 }));
    expect(replaceWithGiftDetail).toHaveBeenCalledWith('g1');
  });

  test('paying again after closing the pay sheet reuses the same gift', async () => {
    answer('gift', 'createGift', () => ok(created));
    jest.mocked(pay).mockResolvedValueOnce('cancelled');
    await openSend();
    await typeGreeting('生日快乐');
    await act(async () => {
      fireEvent.click(submit());
    });
    expect(screen.getByTestId('gift-send-error')).toHaveTextContent('已取消支付，礼物尚未送出');
    await act(async () => {
      fireEvent.click(submit());
    });
    expect(calls.filter((call) => call.event.action === 'createGift')).toHaveLength(1);
    expect(pay).toHaveBeenCalledTimes(2);
    expect(replaceWithGiftDetail).toHaveBeenCalledWith('g1');
  });

  test.each([
    ['GIFT.OUT_OF_STOCK', '该规格已售罄'],
    ['GIFT.PRICE_TOO_HIGH', '单价超过¥10,000的商品不支持送礼'],
    ['GIFT.PAYMENT_UNAVAILABLE', '暂时无法发起支付，请稍后重试'],
    ['NETWORK.UNAVAILABLE', '网络不可用，请检查网络后重试'],
  ])('a createGift refusal %s is shown with its message', async (code, message) => {
    answer('gift', 'createGift', () => ({ ok: false, code, message }));
    await openSend();
    await typeGreeting('生日快乐');
    await act(async () => {
      fireEvent.click(submit());
    });
    const error = screen.getByTestId('gift-send-error');
    expect(error).toHaveTextContent(message);
    expect(error).toHaveAttribute('data-code', code);
    expect(pay).not.toHaveBeenCalled();
  });

  test('a product that cannot be gifted says why and offers no form', async () => {
    answer('shop', 'getProduct', () =>
      ok({
        ...teaSet,
        giftable: false,
        giftBlockedReason: { code: 'GIFT.CATEGORY_NOT_GIFTABLE', message: '珠宝首饰、教育培训类商品不支持送礼' },
      }),
    );
    openRoute('/packages/gift/pages/send/index', { productId: 'p-ring' });
    render(<GiftSendPage />);
    expect(await screen.findByTestId('gift-send-blocked')).toHaveTextContent('珠宝首饰、教育培训类商品不支持送礼');
    expect(screen.queryByText('支付并送出')).toBeNull();
  });
});
