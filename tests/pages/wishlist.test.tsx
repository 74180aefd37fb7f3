import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Product } from '@domain/contracts';
import { ok } from '@domain/result';
import { WISH_GIFT_GREETING, type MyWishlist, type SharedWishlist, type WishView } from '@domain/wishlist/rules';
import WishlistMinePage from '@/packages/wishlist/pages/mine/index';
import WishlistSharedPage from '@/packages/wishlist/pages/shared/index';
import GiftSendPage from '@/packages/gift/pages/send/index';
import ProductPage from '@/packages/shop/pages/product/index';
import MinePage from '@/pages/mine/index';
import { confirmAction, showToast } from '@/platform/feedback';
import { setPageTitle } from '@/platform/navigation';
import { pay } from '@/platform/payment';
import { answer, calls } from './support/gateway';
import { openRoute, teaSet, TOKEN } from './gift-support/fixtures';

// Taro's H5 toast and modal are DOM widgets outside the page: the test reads what the page asked for.
jest.mock('@/platform/feedback', () => ({
  ...jest.requireActual<object>('@/platform/feedback'),
  showToast: jest.fn(),
  confirmAction: jest.fn(async () => true),
}));
// The page title follows the owner's nickname (Taro's H5 API; the page tests' Taro has no such API).
jest.mock('@/platform/navigation', () => ({
  ...jest.requireActual<object>('../../src/platform/navigation'),
  setPageTitle: jest.fn(async () => undefined),
  replaceWithGiftDetail: jest.fn(async () => undefined),
}));
jest.mock('@/platform/payment', () => ({ pay: jest.fn(async () => 'paid') }));

const wish = (overrides: Partial<WishView> = {}): WishView => ({
  skuId: 'tea-125',
  productId: 'p-tea',
  productName: '明前龙井 礼盒装',
  image: '/static/products/tea-1.svg',
  specs: { 规格: '125g 罐装' },
  price: 36800,
  giftable: true,
  giftBlockedReason: null,
  note: '要新茶',
  addedAt: 1,
  ...overrides,
});

const camera = wish({
  skuId: 'cam-1',
  productId: 'p-cam',
  productName: '全画幅相机',
  specs: {},
  price: 1_500_000,
  giftable: false,
  giftBlockedReason: { code: 'GIFT.PRICE_TOO_HIGH', message: '单价超过¥10,000的商品不支持送礼' },
  note: '',
});
const mug = wish({ skuId: 'mug-1', productId: 'p-mug', productName: '手绘马克杯', specs: { 颜色: '白色' }, note: '' });

const preferences = {
  categories: [{ categoryId: 'flowers', name: '鲜花绿植' }],
  sizes: '衣服M码',
  likes: '香薰',
  dislikes: '不吃甜食',
};
const myList: MyWishlist = { items: [wish(), camera], preferences };

// Answers go through the fake gateway's fetch: on a loaded machine they may take longer than 1 s to show.
configure({ asyncUtilTimeout: 10_000 });

let navigateTo: jest.SpyInstance;
beforeEach(() => {
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
  jest.mocked(showToast).mockClear();
  jest.mocked(confirmAction).mockClear();
});
afterEach(() => navigateTo.mockRestore());

/** NutUI's Input renders Taro's input inside: type into the innermost field. */
const typeInto = (testId: string, value: string) => {
  const host = screen.getByTestId(testId);
  const field = host.querySelector('input') ?? host;
  fireEvent.input(field, { target: { value } });
};

describe('我的心愿单', () => {
  const openMine = async () => {
    answer('wishlist', 'mine', () => ok(myList));
    answer('wishlist', 'share', () =>
      ok({ token: TOKEN, sharePath: `/packages/wishlist/pages/shared/index?token=${TOKEN}` }),
    );
    answer('shop', 'listCategories', () =>
      ok([
        { categoryId: 'food', name: '美食饮品', icon: '', giftable: true },
        { categoryId: 'flowers', name: '鲜花绿植', icon: '', giftable: true },
      ]),
    );
    openRoute('/packages/wishlist/pages/mine/index', {});
    render(<WishlistMinePage />);
    await screen.findAllByTestId('wish-item');
  };

  test('lists the wishes with spec, note and why a friend cannot send one; nothing about being gifted', async () => {
    await openMine();
    const items = screen.getAllByTestId('wish-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('明前龙井 礼盒装');
    expect(items[0]).toHaveTextContent('规格：125g 罐装');
    expect(items[0]).toHaveTextContent('备注：要新茶');
    expect(items[0]).toHaveTextContent('¥368.00');
    expect(within(items[1] as HTMLElement).getByTestId('wish-blocked')).toHaveTextContent(
      '好友暂不能送：单价超过¥10,000的商品不支持送礼',
    );
    expect(document.body).not.toHaveTextContent('已有好友准备');
    // H5: the share link to copy, built from the function's share path
    expect(await screen.findByTestId('wishlist-share-link')).toHaveTextContent(
      `/packages/wishlist/pages/shared/index?token=${TOKEN}`,
    );
  });

  test('移除 asks first, then removes that SKU', async () => {
    await openMine();
    answer('wishlist', 'remove', () => ok({ items: [camera], preferences }));
    fireEvent.click(within(screen.getAllByTestId('wish-item')[0] as HTMLElement).getByTestId('wish-remove'));
    await waitFor(() => expect(screen.getAllByTestId('wish-item')).toHaveLength(1));
    expect(confirmAction).toHaveBeenCalledWith('移除心愿', expect.stringContaining('明前龙井'), '移除');
    expect(calls.filter((call) => call.name === 'wishlist' && call.event.action === 'remove')).toEqual([
      expect.objectContaining({ event: { action: 'remove', skuId: 'tea-125' } }),
    ]);
  });

  test('preferences: the stored ones fill the form; an over-long one is refused on the page; a change is saved', async () => {
    await openMine();
    const chips = await screen.findAllByTestId('preference-category');
    expect(chips.map((chip) => chip.className.includes('--on'))).toEqual([false, true]);

    typeInto('preference-dislikes', '甜'.repeat(51));
    fireEvent.click(screen.getByTestId('preference-save'));
    expect(await screen.findByTestId('preference-error')).toHaveTextContent('「不喜欢」不能超过50个字');
    expect(calls.some((call) => call.event.action === 'savePreferences')).toBe(false);

    answer('wishlist', 'savePreferences', (event) =>
      ok({ items: myList.items, preferences: { ...preferences, dislikes: event.dislikes ?? '' } }),
    );
    typeInto('preference-dislikes', '不吃甜食，不喝酒');
    fireEvent.click(chips[0] as HTMLElement);
    fireEvent.click(screen.getByTestId('preference-save'));
    await waitFor(() => expect(showToast).toHaveBeenCalledWith('偏好已保存', 'success'));
    expect(calls.find((call) => call.event.action === 'savePreferences')?.event).toEqual({
      action: 'savePreferences',
      categoryIds: ['flowers', 'food'],
      sizes: '衣服M码',
      likes: '香薰',
      dislikes: '不吃甜食，不喝酒',
    });
  });

  test('an empty list says how to add a wish', async () => {
    answer('wishlist', 'mine', () =>
      ok({ items: [], preferences: { categories: [], sizes: '', likes: '', dislikes: '' } }),
    );
    answer('wishlist', 'share', () =>
      ok({ token: TOKEN, sharePath: `/packages/wishlist/pages/shared/index?token=${TOKEN}` }),
    );
    answer('shop', 'listCategories', () => ok([]));
    openRoute('/packages/wishlist/pages/mine/index', {});
    render(<WishlistMinePage />);
    expect(await screen.findByTestId('wishlist-empty')).toHaveTextContent('在商品页选好规格，点「加入心愿单」');
  });

  test('我的 leads to it', async () => {
    answer('user', 'getProfile', () => ok({ nickname: '小红', avatarUrl: '' }));
    render(<MinePage />);
    fireEvent.click(screen.getByTestId('mine-wishlist'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/wishlist/pages/mine/index' });
  });
});

describe("a friend's view of a shared list", () => {
  const shared = (overrides: Partial<SharedWishlist> = {}): SharedWishlist => ({
    ownerNickname: '小红',
    isOwner: false,
    items: [
      { ...wish(), beingGifted: false },
      { ...mug, beingGifted: true },
      { ...camera, beingGifted: false },
    ],
    preferences,
    ...overrides,
  });
  const openShared = async (list: SharedWishlist) => {
    answer('wishlist', 'open', (event) =>
      event.token === TOKEN
        ? ok(list)
        : { ok: false, code: 'WISHLIST.NOT_FOUND', message: '心愿单链接无效，请让好友重新分享' },
    );
    openRoute('/packages/wishlist/pages/shared/index', { token: TOKEN });
    render(<WishlistSharedPage />);
    await screen.findAllByTestId('wish-item');
  };

  test('送给TA opens the send page with the SKU and the list token', async () => {
    await openShared(shared());
    expect(screen.getByTestId('wishlist-owner')).toHaveTextContent('小红的心愿单');
    expect(setPageTitle).toHaveBeenCalledWith('小红的心愿单');
    expect(screen.getByTestId('wishlist-preferences')).toHaveTextContent('不喜欢：不吃甜食');
    const [tea] = screen.getAllByTestId('wish-item');
    fireEvent.click(within(tea as HTMLElement).getByText('送给TA'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/packages/gift/pages/send/index?productId=p-tea&skuId=tea-125&wishlistToken=${TOKEN}`,
    });
  });

  test('a wish being gifted shows 已有好友准备, cannot be picked and says why; a blocked one says why too', async () => {
    await openShared(shared());
    const [, taken, blocked] = screen.getAllByTestId('wish-item') as HTMLElement[];
    expect(within(taken as HTMLElement).queryByText('送给TA')).toBeNull();
    fireEvent.click(within(taken as HTMLElement).getByTestId('wish-taken'));
    expect(within(taken as HTMLElement).getByTestId('wish-taken')).toHaveTextContent('已有好友准备');
    expect(showToast).toHaveBeenCalledWith(expect.stringContaining('已有好友在为TA准备'));
    expect(within(taken as HTMLElement).getByTestId('wish-reason')).toHaveTextContent('换一件心愿吧');
    expect(within(blocked as HTMLElement).queryByText('送给TA')).toBeNull();
    expect(within(blocked as HTMLElement).getByTestId('wish-reason')).toHaveTextContent('单价超过¥10,000');
    expect(navigateTo).not.toHaveBeenCalled();
  });

  test('the owner opening her own link gets no gift buttons and a way to manage it', async () => {
    await openShared(shared({ isOwner: true, items: [{ ...mug, beingGifted: false }] }));
    expect(screen.getByTestId('wishlist-owner')).toHaveTextContent('这是你的心愿单');
    expect(screen.queryByText('送给TA')).toBeNull();
    expect(screen.queryByText('已有好友准备')).toBeNull();
  });

  test('a wrong link says so and offers 返回首页', async () => {
    answer('wishlist', 'open', () => ({
      ok: false,
      code: 'WISHLIST.NOT_FOUND',
      message: '心愿单链接无效，请让好友重新分享',
    }));
    openRoute('/packages/wishlist/pages/shared/index', { token: 'nope' });
    render(<WishlistSharedPage />);
    await waitFor(() => expect(screen.getByTestId('page-state')).toHaveTextContent('心愿单链接无效'));
    expect(screen.getByTestId('page-state')).toHaveAttribute('data-not-found', 'true');
    expect(screen.getByText('返回首页')).toBeInTheDocument();
  });
});

describe('sending from a wish list and adding to one', () => {
  test('the send page comes with the wished SKU and a greeting: 支付并送出 sends the token along', async () => {
    answer('shop', 'getProduct', () => ok(teaSet));
    answer('user', 'getProfile', () => ok({ nickname: '小明', avatarUrl: '' }));
    answer('gift', 'createGift', () =>
      ok({
        giftId: 'g1',
        orderId: 'g1',
        outTradeNo: 'Gg1',
        payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=p', signType: 'MD5', paySign: 's' },
      }),
    );
    openRoute('/packages/gift/pages/send/index', { productId: 'p-tea', skuId: 'tea-125', wishlistToken: TOKEN });
    render(<GiftSendPage />);
    expect(await screen.findByTestId('gift-from-wishlist')).toHaveTextContent('不会知道是你');
    expect(screen.getByTestId('gift-greeting-counter')).toHaveTextContent(`${[...WISH_GIFT_GREETING].length}/100`);
    await waitFor(() => expect(screen.getByTestId('gift-send-total')).toHaveTextContent('¥368.00'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('gift-send-submit'));
    });
    await waitFor(() => expect(pay).toHaveBeenCalled());
    expect(calls.find((call) => call.event.action === 'createGift')?.event).toMatchObject({
      action: 'createGift',
      skuId: 'tea-125',
      greeting: WISH_GIFT_GREETING,
      wishlistToken: TOKEN,
    });
  });

  test('加入心愿单 on the product page asks for the spec first, then adds the chosen SKU', async () => {
    const product: Product = teaSet;
    answer('shop', 'getProduct', () => ok(product));
    answer('wishlist', 'add', () => ok({ items: [wish()], preferences }));
    openRoute('/packages/shop/pages/product/index', { productId: product.productId });
    render(<ProductPage />);
    fireEvent.click(await screen.findByTestId('wish-add'));
    expect(showToast).toHaveBeenCalledWith('请选择规格');
    expect(calls.some((call) => call.name === 'wishlist')).toBe(false);
    const option = screen.getAllByTestId('spec-option').find((element) => element.textContent?.startsWith('125g'));
    fireEvent.click(option as HTMLElement);
    fireEvent.click(screen.getByTestId('wish-confirm'));
    await waitFor(() => expect(showToast).toHaveBeenCalledWith('已加入心愿单', 'success'));
    expect(calls.find((call) => call.name === 'wishlist')?.event).toEqual({ action: 'add', skuId: 'tea-125' });
  });
});
