import { act, fireEvent, render, screen, within } from '@testing-library/react';
import GiftsPage from '@/pages/gifts/index';
import { ok } from '@domain/result';
import { openGiftDetail, openGiftsTab } from '@/platform/navigation';
import Taro from '@tarojs/taro';
import { answer, calls } from './support/gateway';
import { giverView, recipientView } from './gift-support/fixtures';

jest.mock('@/platform/navigation', () => ({
  ...jest.requireActual<object>('../../src/platform/navigation'),
  openGiftDetail: jest.fn(async () => undefined),
}));

// The tab loads on show: Taro's useDidShow does not fire in a bare render, so the page is shown by hand.
jest.mock('@/platform/lifecycle', () => ({
  ...jest.requireActual('@/platform/lifecycle'),
  useDidShow: (callback: () => void) => {
    const { useEffect } = jest.requireActual('react');
    // once, on mount: as the page being shown the first time
    useEffect(() => callback(), []);
  },
}));

const renderTab = async () => {
  render(<GiftsPage />);
  await act(async () => undefined);
};

describe('礼物 tab', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00+08:00'), doNotFake: ['queueMicrotask'] });
    jest.mocked(openGiftDetail).mockClear();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test('explains gifting with the real rules', async () => {
    answer('gift', 'listGifts', (event) =>
      ok(event.role === 'sent' ? { role: 'sent', items: [] } : { role: 'received', items: [] }),
    );
    await renderTab();
    expect(screen.getByText('怎么送')).toBeInTheDocument();
    expect(screen.getByText(/珠宝首饰、教育培训类商品不支持送礼物；所选规格单价不超过 ¥10000\.00/)).toBeInTheDocument();
    expect(screen.getByText(/付款后 24 小时内无人领取，礼物自动失效，款项原路退回/)).toBeInTheDocument();
  });

  test('我送出的: status labels, a countdown while waiting, the nickname once accepted; a tap opens the gift', async () => {
    answer('gift', 'listGifts', (event) =>
      ok(
        event.role === 'sent'
          ? {
              role: 'sent',
              items: [
                giverView({ giftId: 'g1' }),
                giverView({
                  giftId: 'g2',
                  status: 'accepted',
                  label: '好友已收下',
                  remainingMs: null,
                  sharePath: null,
                  recipientNickname: '小红',
                }),
              ],
            }
          : { role: 'received', items: [] },
      ),
    );
    await renderTab();
    const [waiting, accepted] = screen.getAllByTestId('sent-gift') as [HTMLElement, HTMLElement];
    expect(within(waiting).getByTestId('gift-label')).toHaveTextContent('等待好友领取');
    expect(within(waiting).getByText('02:00:00')).toBeInTheDocument();
    expect(within(waiting).getByText('¥368.00')).toBeInTheDocument();
    expect(within(accepted).getByTestId('gift-label')).toHaveTextContent('小红 已收下');
    fireEvent.click(accepted);
    expect(openGiftDetail).toHaveBeenCalledWith('g2');
    expect(calls.map((call) => call.event)).toEqual(
      expect.arrayContaining([
        { action: 'listGifts', role: 'sent' },
        { action: 'listGifts', role: 'received' },
      ]),
    );
  });

  test('我收到的: who sent it and, opened, the card and my address; no price', async () => {
    answer('gift', 'listGifts', (event) =>
      ok(
        event.role === 'sent'
          ? { role: 'sent', items: [] }
          : {
              role: 'received',
              items: [
                recipientView({
                  status: 'accepted',
                  label: '你已收下',
                  respondedByMe: true,
                  canRespond: false,
                  remainingMs: null,
                  skuOptions: [],
                  myAddress: {
                    userName: '李四',
                    telNumber: '13912345678',
                    provinceName: '广东省',
                    cityName: '广州市',
                    countyName: '天河区',
                    detailInfo: '体育西路 100 号',
                  },
                }),
              ],
            },
      ),
    );
    await renderTab();
    expect(screen.getByTestId('gifts-empty')).toHaveTextContent('还没有送出过礼物');
    fireEvent.click(screen.getByTestId('gift-tab-received'));
    const item = screen.getByTestId('received-gift');
    expect(item).toHaveTextContent('来自 小明');
    expect(within(item).getByTestId('gift-label')).toHaveTextContent('你已收下');
    fireEvent.click(within(item).getByText('查看'));
    const detail = screen.getByTestId('received-gift-detail');
    expect(detail).toHaveTextContent('生日快乐，天天开心！');
    expect(detail).toHaveTextContent('李四 139****5678');
    expect(item.textContent).not.toContain('¥');
  });

  test('a shipped gift: the recipient sees carrier and number, the giver only 已发货', async () => {
    answer('gift', 'listGifts', (event) =>
      ok(
        event.role === 'sent'
          ? {
              role: 'sent',
              items: [
                giverView({
                  giftId: 'g1',
                  status: 'accepted',
                  label: '已发货',
                  remainingMs: null,
                  recipientNickname: '小红',
                  delivery: { stage: 'shipped', label: '已发货', description: '商家已发货', shippedAt: 1 },
                }),
              ],
            }
          : {
              role: 'received',
              items: [
                recipientView({
                  giftId: 'g1',
                  status: 'accepted',
                  label: '已发货',
                  respondedByMe: true,
                  delivery: {
                    stage: 'shipped',
                    label: '已发货',
                    description: '礼物已在路上',
                    shippedAt: 1,
                    expressCompany: '顺丰速运',
                    trackingNo: 'SF1234567890',
                  },
                }),
              ],
            },
      ),
    );
    await renderTab();
    expect(screen.getByTestId('sent-gift')).toHaveTextContent('小红 已收下 · 已发货');
    expect(screen.getByTestId('sent-gift')).not.toHaveTextContent('SF1234567890');
    fireEvent.click(screen.getByTestId('gift-tab-received'));
    expect(screen.getByTestId('gift-parcel')).toHaveTextContent('顺丰速运 SF1234567890');
  });

  test('an empty received list says so', async () => {
    answer('gift', 'listGifts', (event) =>
      ok(event.role === 'sent' ? { role: 'sent', items: [] } : { role: 'received', items: [] }),
    );
    await renderTab();
    fireEvent.click(screen.getByTestId('gift-tab-received'));
    expect(screen.getByTestId('gifts-empty')).toHaveTextContent('还没有收到礼物');
  });

  test('opened by 我收到的礼物 (openGiftsTab) it shows the received list, once', async () => {
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never);
    answer('gift', 'listGifts', (event) =>
      ok(event.role === 'sent' ? { role: 'sent', items: [] } : { role: 'received', items: [] }),
    );
    await openGiftsTab('received');
    await renderTab();
    expect(screen.getByTestId('gift-tab-received')).toHaveClass('gifts__tab--active');
    expect(screen.getByTestId('gifts-empty')).toHaveTextContent('还没有收到礼物');
    switchTab.mockRestore();
  });

  test('opened from the tab bar it shows 我送出的', async () => {
    answer('gift', 'listGifts', (event) =>
      ok(event.role === 'sent' ? { role: 'sent', items: [] } : { role: 'received', items: [] }),
    );
    await renderTab();
    expect(screen.getByTestId('gift-tab-sent')).toHaveClass('gifts__tab--active');
  });
});
