import { act, fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import GiftDetailPage from '@/packages/gift/pages/detail/index';
import { CARD_STYLES } from '@domain/gift/rules';
import { ok } from '@domain/result';
import { answer, calls } from './support/gateway';
import { giverView, openRoute, TOKEN } from './gift-support/fixtures';

const openDetail = (giftId = 'g1') => {
  openRoute('/packages/gift/pages/detail/index', { giftId });
  return render(<GiftDetailPage />);
};

describe('礼物状态页（送礼人）', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00+08:00'), doNotFake: ['queueMicrotask'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test('waiting: the card, the status, a countdown and (H5) the full link with 复制链接', async () => {
    answer('gift', 'getGift', () => ok(giverView()));
    openDetail();
    expect(await screen.findByTestId('gift-status-label')).toHaveTextContent('等待好友领取');
    expect(screen.getByTestId('gift-card-greeting')).toHaveTextContent('生日快乐，天天开心！');
    expect(screen.getByText('致 小红：')).toBeInTheDocument();
    expect(screen.getByText('—— 小明')).toBeInTheDocument();
    expect(screen.getByTestId('gift-countdown')).toHaveTextContent('02:00:00');
    expect(screen.getByTestId('gift-share-link')).toHaveTextContent(
      `http://localhost/packages/gift/pages/receive/index?giftId=g1&token=${TOKEN}`,
    );
    expect(screen.getByTestId('gift-copy-link')).toHaveTextContent('复制链接');
    expect(screen.getByTestId('gift-no-cancel-note')).toHaveTextContent('礼物送出后不能撤回或取消');
    // H5 needs no private-message activity id: shareCard is for weapp only.
    expect(calls.map((call) => call.event.action)).toEqual(['getGift']);
  });

  test('复制链接 puts the full link on the clipboard', async () => {
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    answer('gift', 'getGift', () => ok(giverView()));
    openDetail();
    fireEvent.click(await screen.findByTestId('gift-copy-link'));
    await act(async () => undefined);
    expect(writeText).toHaveBeenCalledWith(
      `http://localhost/packages/gift/pages/receive/index?giftId=g1&token=${TOKEN}`,
    );
    expect(screen.getByTestId('gift-copy-result')).toHaveTextContent('链接已复制');
  });

  test('accepted: only 「<nickname> 已收下」, never an address even when the answer carries one', async () => {
    const forged = {
      ...giverView({
        status: 'accepted',
        label: '好友已收下',
        description: '商家将尽快为好友发货',
        remainingMs: null,
        sharePath: null,
        recipientNickname: '小红',
      }),
      // what a broken function might leak: none of it may reach the page
      address: {
        userName: '李四',
        telNumber: '13912345678',
        provinceName: '广东省',
        cityName: '广州市',
        countyName: '天河区',
        detailInfo: '体育西路 100 号',
      },
      telNumber: '13912345678',
      userName: '李四',
      detailInfo: '体育西路 100 号',
      myAddress: { userName: '李四', telNumber: '13912345678' },
    };
    answer('gift', 'getGift', () => ok(forged as never));
    const { container } = openDetail();
    expect(await screen.findByTestId('gift-accepted-by')).toHaveTextContent('小红 已收下');
    const text = container.textContent ?? '';
    for (const secret of ['李四', '13912345678', '139****5678', '体育西路', '天河区', '广州市']) {
      expect(text).not.toContain(secret);
    }
    expect(screen.queryByTestId('gift-share')).toBeNull();
    expect(screen.queryByTestId('gift-countdown')).toBeNull();
  });

  test.each([
    ['declined', 'refundingOnDecline', '好友已婉拒', 'pending', '退款处理中：¥368.00 将原路退回你的支付账户'],
    ['expired', 'refundedOnExpiry', '已过期，已退款', 'refunded', '已退款：¥368.00 已原路退回你的支付账户'],
  ] as const)('%s: the refund state', async (_name, status, label, refund, refundText) => {
    answer('gift', 'getGift', () => ok(giverView({ status, label, refund, remainingMs: null, sharePath: null })));
    openDetail();
    expect(await screen.findByTestId('gift-status-label')).toHaveTextContent(label);
    expect(screen.getByTestId('gift-refund')).toHaveTextContent(refundText);
    expect(screen.queryByTestId('gift-share')).toBeNull();
  });

  test('someone else’s gift id shows the function’s message', async () => {
    answer('gift', 'getGift', () => ({ ok: false, code: 'GIFT.NOT_FOUND', message: '礼物不存在' }));
    openDetail('g-other');
    expect(await screen.findByText('礼物不存在')).toBeInTheDocument();
  });

  test('while waiting the status is read again, so an acceptance shows up without leaving the page', async () => {
    let view = giverView();
    answer('gift', 'getGift', () => ok(view));
    openDetail();
    await screen.findByTestId('gift-share');
    view = giverView({
      status: 'accepted',
      label: '好友已收下',
      remainingMs: null,
      sharePath: null,
      recipientNickname: '小红',
    });
    await act(async () => {
      jest.advanceTimersByTime(15_000);
    });
    expect(await screen.findByTestId('gift-accepted-by')).toHaveTextContent('小红 已收下');
  });
});

describe('share card images', () => {
  test('every card style has its 500×400 (5:4) PNG in static/gift-cards', () => {
    for (const style of CARD_STYLES) {
      const png = readFileSync(path.join(__dirname, '../../static/gift-cards', `${style}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // IHDR: width and height are the first two big-endian words of the first chunk
      expect({ style, width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({
        style,
        width: 500,
        height: 400,
      });
      expect(png.length).toBeLessThan(60 * 1024);
    }
  });

  test('a gift that does not exist offers 返回首页, a network failure 重试', async () => {
    answer('gift', 'getGift', () => ({ ok: false, code: 'GIFT.NOT_FOUND', message: '礼物不存在' }));
    const first = openDetail('g-missing');
    expect(await screen.findByText('礼物不存在')).toBeInTheDocument();
    expect(screen.getByTestId('page-state')).toHaveAttribute('data-not-found', 'true');
    expect(screen.getByText('返回首页')).toBeInTheDocument();
    expect(screen.queryByText('重试')).toBeNull();
    first.unmount();

    answer('gift', 'getGift', () => ({
      ok: false,
      code: 'NETWORK.UNAVAILABLE',
      message: '网络不可用，请检查网络后重试',
    }));
    openDetail('g1');
    expect(await screen.findByText('网络不可用，请检查网络后重试')).toBeInTheDocument();
    expect(screen.getByText('重试')).toBeInTheDocument();
    expect(screen.queryByText('返回首页')).toBeNull();
  });
});
