import { act, render, screen } from '@testing-library/react';
import { ExpiryCountdown } from '@/components/ExpiryCountdown';
import { formatRemaining } from '@domain/countdown';

const START = new Date('2026-11-25T10:00:00+08:00').getTime();

describe('ExpiryCountdown (H5 counterpart of the native countdown)', () => {
  beforeEach(() => jest.useFakeTimers({ now: START }));
  afterEach(() => jest.useRealTimers());

  test('formats with the domain formatter the native component is generated from', () => {
    expect(formatRemaining(0)).toBe('00:00:00');
    expect(formatRemaining(-5000)).toBe('00:00:00');
    expect(formatRemaining(1)).toBe('00:00:01');
    expect(formatRemaining(30 * 3600 * 1000)).toBe('30:00:00');
    expect(formatRemaining((2 * 3600 + 3 * 60 + 4) * 1000)).toBe('02:03:04');
  });

  test('ticks, then shows 已过期 and calls onExpire once', () => {
    const onExpire = jest.fn();
    render(<ExpiryCountdown expireAt={START + 2000} onExpire={onExpire} />);
    expect(screen.getByText('剩余')).toBeInTheDocument();
    expect(screen.getByText('00:00:02')).toBeInTheDocument();

    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.getByText('00:00:01')).toBeInTheDocument();
    expect(onExpire).not.toHaveBeenCalled();

    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.getByText('已过期')).toBeInTheDocument();
    expect(onExpire).toHaveBeenCalledTimes(1);

    act(() => {
      jest.advanceTimersByTime(10_000);
    });
    expect(onExpire).toHaveBeenCalledTimes(1);
  });
});
