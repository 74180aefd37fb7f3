import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import NotFoundPage from '@/packages/common/pages/not-found/index';
import { HomeAffordance, needsHomeButton } from '@/platform/homeAffordance.h5';
import { showNotFound } from '@/platform/navigation';

describe('页面不存在', () => {
  test('says so and leads home', () => {
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never);
    render(<NotFoundPage />);
    expect(screen.getByTestId('not-found')).toHaveTextContent('页面不存在');
    fireEvent.click(screen.getByText('返回首页'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
    switchTab.mockRestore();
  });

  test('an unknown path is replaced by the not-found page, which keeps the path asked for', async () => {
    const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never);
    await showNotFound('/packages/gift/pages/status/index');
    expect(redirectTo).toHaveBeenCalledWith({
      url: '/packages/common/pages/not-found/index?path=%2Fpackages%2Fgift%2Fpages%2Fstatus%2Findex',
    });
    redirectTo.mockRestore();
  });
});

describe('H5 首页 button (a page opened from a link)', () => {
  const openPages = (...routes: string[]) =>
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue(routes.map((route) => ({ route })) as never);

  afterEach(() => jest.restoreAllMocks());

  test('only when the one open page is not a tab', () => {
    expect(needsHomeButton([{ route: 'packages/gift/pages/receive/index' }])).toBe(true);
    expect(needsHomeButton([{ path: '/packages/order/pages/detail/index?orderId=o1' }])).toBe(true);
    expect(needsHomeButton([{ route: 'pages/index/index' }])).toBe(false);
    expect(needsHomeButton([{ route: 'pages/gifts/index' }])).toBe(false);
    expect(needsHomeButton([{ route: 'pages/index/index' }, { route: 'packages/shop/pages/product/index' }])).toBe(
      false,
    );
    expect(needsHomeButton([])).toBe(false);
  });

  test('a shared gift link opened first shows 首页, which switches to the home tab', () => {
    openPages('packages/gift/pages/receive/index');
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never);
    render(<HomeAffordance />);
    fireEvent.click(screen.getByTestId('home-affordance'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  test('follows the router: gone once the user is on a tab', () => {
    openPages('packages/gift/pages/receive/index');
    render(<HomeAffordance />);
    expect(screen.getByTestId('home-affordance')).toHaveTextContent('首页');

    openPages('pages/index/index');
    act(() => {
      Taro.eventCenter.trigger('__afterTaroRouterChange', {});
    });
    expect(screen.queryByTestId('home-affordance')).toBeNull();
  });

  test('steps aside while a popup is open, so it never catches the popup’s taps', async () => {
    openPages('packages/shop/pages/product/index');
    render(<HomeAffordance />);
    expect(screen.getByTestId('home-affordance')).toBeInTheDocument();

    const overlay = document.createElement('div');
    overlay.className = 'nut-overlay';
    await act(async () => {
      document.body.appendChild(overlay);
    });
    expect(screen.queryByTestId('home-affordance')).toBeNull();

    await act(async () => {
      overlay.remove();
    });
    expect(screen.getByTestId('home-affordance')).toBeInTheDocument();
  });

  test('not on a page reached from a tab (the back arrow is there)', () => {
    openPages('pages/index/index', 'packages/shop/pages/product/index');
    render(<HomeAffordance />);
    expect(screen.queryByTestId('home-affordance')).toBeNull();
  });
});
