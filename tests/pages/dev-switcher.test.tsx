import { fireEvent, render, screen } from '@testing-library/react';
import { DevUserSwitcher } from '@/dev/devTools.h5';
import { currentDevOpenid } from '@/platform/devUser.h5';
import { setDevUsers } from './support/gateway';

describe('H5 dev user switcher', () => {
  test('lists the local cloud dev users and stores the choice for X-WX-OPENID', async () => {
    setDevUsers([
      { openid: 'dev-giver', nickname: '小明' },
      { openid: 'dev-recipient', nickname: '小红' },
      { openid: 'dev-merchant', nickname: '店主' },
    ]);
    const onSwitched = jest.fn();
    render(<DevUserSwitcher onSwitched={onSwitched} />);

    const toggle = await screen.findByRole('button', { name: '身份：小明' });
    expect(toggle).toHaveTextContent('👤');
    fireEvent.click(toggle);
    expect(toggle).toHaveTextContent('身份：小明');
    fireEvent.click(screen.getByText('小红'));

    expect(currentDevOpenid()).toBe('dev-recipient');
    expect(onSwitched).toHaveBeenCalledTimes(1);
  });

  test('says so when the local cloud does not answer', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockRejectedValueOnce(new TypeError('Failed to fetch'));
    render(<DevUserSwitcher onSwitched={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: '身份：dev-giver' }));
    expect(await screen.findByText('读取开发用户失败：Failed to fetch')).toBeInTheDocument();
    fetchSpy.mockRestore();
  });
});
