import { act, render, screen } from '@testing-library/react';
import GiftsPage from '../../src/pages/gifts/index';

describe('礼物 tab', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00+08:00') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test('explains gifting with the real rules and offers the gift lists as coming soon', () => {
    render(<GiftsPage />);
    expect(screen.getByText('怎么送')).toBeInTheDocument();
    expect(screen.getByText(/珠宝首饰、教育培训类商品不支持送礼物；所选规格单价不超过 ¥10000\.00/)).toBeInTheDocument();
    expect(screen.getByText(/付款后 24 小时内无人领取，礼物自动失效，款项原路退回/)).toBeInTheDocument();
    expect(screen.getByTestId('gift-entry-sent')).toHaveTextContent('我送出的礼物');
    expect(screen.getByTestId('gift-entry-sent')).toHaveTextContent('即将开放');
    expect(screen.getByTestId('gift-entry-received')).toHaveTextContent('我收到的礼物');
  });

  test('the expiry example counts down the 24 hours a gift paid now would have (H5 countdown)', () => {
    render(<GiftsPage />);
    expect(screen.getByText('24:00:00')).toBeInTheDocument();
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.getByText('23:59:59')).toBeInTheDocument();
    // Each tick recomputes from the clock, so a throttled timer (hidden tab) catches up on the next one.
    jest.setSystemTime(Date.now() + 3600 * 1000);
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.getByText('22:59:58')).toBeInTheDocument();
  });
});
