import { act, fireEvent, render, screen, within } from '@testing-library/react';
import GiftReceivePage from '@/packages/gift/pages/receive/index';
import Taro from '@tarojs/taro';
import { GiftErrors } from '@domain/gift/errors';
import { takeWantedGiftsRole } from '@/platform/navigation';
import { ok } from '@domain/result';
import { answer, calls } from './support/gateway';
import { openRoute, recipientView, TOKEN } from './gift-support/fixtures';

const openReceive = (params: Record<string, string> = { giftId: 'g1', token: TOKEN }) => {
  openRoute('/packages/gift/pages/receive/index', params);
  return render(<GiftReceivePage />);
};

const fillAddress = () => {
  const type = (placeholder: string, value: string) =>
    fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });
  type('收货人姓名', '李四');
  type('11位手机号码', '13912345678');
  type('省份', '广东省');
  type('城市', '广州市');
  type('区县', '天河区');
  type('街道、楼栋、门牌号', '体育西路 100 号');
};

const acceptedView = () =>
  recipientView({
    status: 'accepted',
    label: '你已收下',
    respondedByMe: true,
    canRespond: false,
    remainingMs: null,
    skuOptions: [],
    sku: {
      productId: 'p-tea',
      skuId: 'tea-125b',
      productName: '明前龙井 礼盒装',
      image: '/static/products/tea-1.svg',
      specs: { 规格: '125g 纸袋' },
    },
    myAddress: {
      userName: '李四',
      telNumber: '13912345678',
      provinceName: '广东省',
      cityName: '广州市',
      countyName: '天河区',
      detailInfo: '体育西路 100 号',
    },
  });

describe('收礼页', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00+08:00'), doNotFake: ['queueMicrotask'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test('shows the giver, the card and the product, never a price', async () => {
    answer('gift', 'openGift', () => ok(recipientView()));
    const { container } = openReceive();
    expect(await screen.findByTestId('gift-from')).toHaveTextContent('小明 送你一份礼物');
    expect(screen.getByTestId('gift-card-greeting')).toHaveTextContent('生日快乐，天天开心！');
    expect(screen.getByTestId('gift-card-product')).toHaveTextContent('明前龙井 礼盒装');
    expect(container.textContent).not.toMatch(/¥|368/);
    expect(screen.getByText('确认收下')).toBeInTheDocument();
    expect(calls[0]).toMatchObject({ name: 'gift', event: { action: 'openGift', giftId: 'g1', token: TOKEN } });
  });

  test.each([
    ['GIFT.INVALID_TOKEN', 'invalid', '链接无效'],
    ['GIFT.ALREADY_ACCEPTED', 'taken', '这份礼物已被领取'],
    ['GIFT.EXPIRED', 'expired', '礼物已过期，款项已退回送礼人'],
    ['GIFT.DECLINED', 'declined', '礼物已被婉拒'],
    ['GIFT.OWN_GIFT', 'own', '不能领取自己送出的礼物'],
    ['GIFT.CANCELLED', 'cancelled', '礼物已取消'],
    ['GIFT.NOT_PAID', 'unpaid', '礼物尚未送出'],
  ])('openGift answering %s shows the %s state', async (code, state, title) => {
    answer('gift', 'openGift', () => ({ ok: false, code, message: '…' }));
    openReceive();
    expect(await screen.findByTestId(`gift-state-${state}`)).toHaveTextContent(title);
    expect(screen.queryByText('确认收下')).toBeNull();
  });

  test.each([
    ['GIFT.ALREADY_ACCEPTED', 'taken', '这份礼物已被领取'],
    ['GIFT.EXPIRED', 'expired', '礼物已过期，款项已退回送礼人'],
    ['GIFT.DECLINED', 'declined', '礼物已被婉拒'],
    ['GIFT.INVALID_TOKEN', 'invalid', '链接无效'],
    ['GIFT.OWN_GIFT', 'own', '不能领取自己送出的礼物'],
  ])('acceptGift answering %s replaces the form with the %s state', async (code, state, title) => {
    answer('gift', 'openGift', () => ok(recipientView()));
    answer('gift', 'acceptGift', () => ({ ok: false, code, message: '…' }));
    openReceive();
    await screen.findByText('确认收下');
    fillAddress();
    await act(async () => {
      fireEvent.click(screen.getByText('确认收下'));
    });
    expect(await screen.findByTestId(`gift-state-${state}`)).toHaveTextContent(title);
  });

  test('a link without a token is invalid without asking the server', async () => {
    openReceive({ giftId: 'g1' });
    expect(await screen.findByTestId('gift-state-invalid')).toHaveTextContent('链接无效');
    expect(calls).toHaveLength(0);
  });

  test.each([
    [{ status: 'accepted', respondedByMe: false, canRespond: false }, 'taken'],
    [{ status: 'refundedOnExpiry', canRespond: false }, 'expired'],
    [{ status: 'refundingOnDecline', canRespond: false }, 'declined'],
  ] as const)('an opened gift in %j shows the %s state', async (overrides, state) => {
    answer('gift', 'openGift', () => ok(recipientView({ ...overrides, remainingMs: null })));
    openReceive();
    expect(await screen.findByTestId(`gift-state-${state}`)).toBeInTheDocument();
  });

  test('the giver opening their own link sees the gift, view only', async () => {
    answer('gift', 'openGift', () => ok(recipientView({ isGiver: true, canRespond: false })));
    openReceive();
    expect(await screen.findByTestId('gift-state-own')).toHaveTextContent('不能领取自己送出的礼物');
    expect(screen.getByTestId('gift-card')).toBeInTheDocument();
    expect(screen.queryByText('确认收下')).toBeNull();
    expect(screen.queryByText('婉拒')).toBeNull();
  });

  test('switching to another SKU and accepting sends that SKU and the address, then shows success', async () => {
    answer('gift', 'openGift', () => ok(recipientView()));
    answer('gift', 'acceptGift', () => ok(acceptedView()));
    openReceive();
    await screen.findByText('确认收下');
    const choices = within(screen.getByTestId('gift-sku-choices')).getAllByTestId('gift-sku-choice');
    // the sold-out one cannot be chosen
    fireEvent.click(choices[2] as HTMLElement);
    expect(choices[0]).toHaveAttribute('aria-selected', 'true');
    fireEvent.click(choices[1] as HTMLElement);
    expect(choices[1]).toHaveAttribute('aria-selected', 'true');
    fillAddress();
    await act(async () => {
      fireEvent.click(screen.getByText('确认收下'));
    });
    expect(await screen.findByTestId('gift-state-accepted')).toHaveTextContent('礼物已收下，商家将尽快发货');
    expect(screen.getByTestId('gift-my-address')).toHaveTextContent('李四 139****5678');
    const accept = calls.find((call) => call.event.action === 'acceptGift');
    expect(accept?.event).toEqual({
      action: 'acceptGift',
      giftId: 'g1',
      token: TOKEN,
      skuId: 'tea-125b',
      address: {
        userName: '李四',
        telNumber: '13912345678',
        provinceName: '广东省',
        cityName: '广州市',
        countyName: '天河区',
        detailInfo: '体育西路 100 号',
      },
    });
  });

  test('a refused SKU switch keeps the form and shows the message', async () => {
    answer('gift', 'openGift', () => ok(recipientView()));
    answer('gift', 'acceptGift', () => ({
      ok: false,
      code: GiftErrors.SKU_SWITCH_NOT_ALLOWED.code,
      message: '该规格已售罄',
    }));
    openReceive();
    await screen.findByText('确认收下');
    fillAddress();
    await act(async () => {
      fireEvent.click(screen.getByText('确认收下'));
    });
    expect(await screen.findByTestId('gift-receive-error')).toHaveTextContent('该规格已售罄');
    expect(screen.getByText('确认收下')).toBeInTheDocument();
  });

  test('婉拒 asks first; 确认婉拒 declines', async () => {
    answer('gift', 'openGift', () => ok(recipientView()));
    answer('gift', 'declineGift', () =>
      ok(
        recipientView({
          status: 'declined',
          label: '你已婉拒',
          respondedByMe: true,
          canRespond: false,
          remainingMs: null,
        }),
      ),
    );
    openReceive();
    await screen.findByText('确认收下');
    fireEvent.click(screen.getByText('婉拒'));
    expect(await screen.findByText('婉拒这份礼物？')).toBeInTheDocument();
    expect(calls.some((call) => call.event.action === 'declineGift')).toBe(false);
    await act(async () => {
      fireEvent.click(screen.getByText('确认婉拒'));
    });
    expect(await screen.findByTestId('gift-state-declined-by-me')).toHaveTextContent('你已婉拒这份礼物');
    expect(calls.filter((call) => call.event.action === 'declineGift')).toHaveLength(1);
  });

  test.each([
    ['accepting', 'acceptGift', 'gift-state-accepted'],
    ['declining', 'declineGift', 'gift-state-declined-by-me'],
  ] as const)(
    'after %s the page leads on: 我收到的礼物 (礼物 tab, received list) and 去逛逛 (home)',
    async (_, action, state) => {
      const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never);
      answer('gift', 'openGift', () => ok(recipientView()));
      answer('gift', action, () =>
        ok(
          action === 'acceptGift'
            ? acceptedView()
            : recipientView({
                status: 'declined',
                label: '你已婉拒',
                respondedByMe: true,
                canRespond: false,
                remainingMs: null,
              }),
        ),
      );
      openReceive();
      await screen.findByText('确认收下');
      if (action === 'acceptGift') {
        fillAddress();
        await act(async () => {
          fireEvent.click(screen.getByText('确认收下'));
        });
      } else {
        fireEvent.click(screen.getByText('婉拒'));
        await act(async () => {
          fireEvent.click(await screen.findByText('确认婉拒'));
        });
      }
      await screen.findByTestId(state);
      const ways = screen.getByTestId('gift-ways-on');

      fireEvent.click(within(ways).getByText('我收到的礼物'));
      expect(switchTab).toHaveBeenLastCalledWith({ url: '/pages/gifts/index' });
      expect(takeWantedGiftsRole()).toBe('received');

      fireEvent.click(within(ways).getByText('去逛逛'));
      expect(switchTab).toHaveBeenLastCalledWith({ url: '/pages/index/index' });
      switchTab.mockRestore();
    },
  );
});
