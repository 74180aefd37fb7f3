import { act, fireEvent, render, screen } from '@testing-library/react';
import MinePage from '@/pages/mine/index';
import { fail, ok } from '@domain/result';
import { navigateTo, routes, switchToTab } from '@/platform/navigation';
import { answer } from './support/gateway';

jest.mock('@/platform/navigation', () => ({
  ...jest.requireActual<object>('../../src/platform/navigation'),
  navigateTo: jest.fn(async () => undefined),
  switchToTab: jest.fn(async () => undefined),
}));

// Taro's useDidShow does not fire in a bare render: the page is shown once, on mount.
jest.mock('@/platform/lifecycle', () => ({
  ...jest.requireActual('@/platform/lifecycle'),
  useDidShow: (callback: () => void) => {
    const { useEffect } = jest.requireActual('react');
    useEffect(() => callback(), []);
  },
}));

const show = async () => {
  render(<MinePage />);
  await act(async () => undefined);
};

describe('我的', () => {
  beforeEach(() => {
    jest.mocked(navigateTo).mockClear();
    jest.mocked(switchToTab).mockClear();
  });

  test('greets the user by the nickname others see on gifts', async () => {
    answer('user', 'getProfile', () => ok({ nickname: '小明', avatarUrl: '' }));
    await show();
    expect(screen.getByTestId('mine-nickname')).toHaveTextContent('小明');
  });

  test('keeps the default name when the profile cannot be read', async () => {
    answer('user', 'getProfile', () => fail('COMMON.INTERNAL', '系统繁忙'));
    await show();
    expect(screen.getByTestId('mine-nickname')).toHaveTextContent('微信用户');
  });

  test('opens my orders by status and my gifts', async () => {
    answer('user', 'getProfile', () => ok({ nickname: '小明', avatarUrl: '' }));
    await show();
    fireEvent.click(screen.getByTestId('mine-orders-paid'));
    expect(navigateTo).toHaveBeenCalledWith(routes.orderList({ status: 'paid' }));
    fireEvent.click(screen.getByTestId('mine-gifts'));
    expect(switchToTab).toHaveBeenCalledWith(routes.gifts());
  });
});
