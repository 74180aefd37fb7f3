/**
 * src/native/countdown: the native component, loaded with miniprogram-simulate (WXML compiled by the
 * official wcc), time driven by jest's fake clock (which also fakes Date.now).
 */
import path from 'node:path';
import simulate from 'miniprogram-simulate';

const componentPath = path.resolve(__dirname, '../../src/native/countdown/index');
const START = new Date('2026-11-25T10:00:00+08:00').getTime();
const SECOND = 1000;
const HOUR = 3600 * SECOND;

/** What j-component's rendered component offers at runtime; its typings omit attach/detach/events. */
interface Rendered {
  attach: (parent: Element) => void;
  detach: () => void;
  setData: (data: Record<string, unknown>) => void;
  addEventListener: (event: string, handler: (event: { detail: unknown }) => void) => void;
  querySelector: (selector: string) => { dom?: Element } | undefined;
}

const renderCountdown = (properties: Record<string, unknown>): Rendered =>
  simulate.render(componentId, properties) as unknown as Rendered;

let componentId: string;

beforeAll(() => {
  // wcc/require run once per file: the simulate loader caches the compiled component by path.
  componentId = simulate.load(componentPath, 'countdown');
});

beforeEach(() => {
  jest.useFakeTimers({ now: START });
});

afterEach(() => {
  jest.useRealTimers();
});

const mount = (properties: Record<string, unknown>): Rendered => {
  const rendered = renderCountdown(properties);
  rendered.attach(document.createElement('parent-wrapper'));
  return rendered;
};

const textOf = (rendered: Rendered, selector: string): string | undefined =>
  rendered.querySelector(selector)?.dom?.textContent ?? undefined;

describe('native countdown', () => {
  test('shows 剩余 and hh:mm:ss until expire-at', () => {
    const countdown = mount({ expireAt: START + 2 * HOUR + 3 * 60 * SECOND + 4 * SECOND });
    expect(textOf(countdown, '.countdown__label')).toBe('剩余');
    expect(textOf(countdown, '.countdown__time')).toBe('02:03:04');
    countdown.detach();
  });

  test('hours are not capped at 24 and seconds round up', () => {
    const countdown = mount({ expireAt: START + 30 * HOUR + 500 });
    expect(textOf(countdown, '.countdown__time')).toBe('30:00:01');
    countdown.detach();
  });

  test('ticks down as time passes', () => {
    const countdown = mount({ expireAt: START + HOUR });
    expect(textOf(countdown, '.countdown__time')).toBe('01:00:00');
    jest.advanceTimersByTime(SECOND);
    expect(textOf(countdown, '.countdown__time')).toBe('00:59:59');
    jest.advanceTimersByTime(59 * 60 * SECOND + 50 * SECOND);
    expect(textOf(countdown, '.countdown__time')).toBe('00:00:09');
    countdown.detach();
  });

  test('emits expire exactly once at expire-at and shows 已过期', () => {
    const countdown = mount({ expireAt: START + 3 * SECOND, label: '领取剩余' });
    const onExpire = jest.fn();
    countdown.addEventListener('expire', onExpire);
    expect(textOf(countdown, '.countdown__label')).toBe('领取剩余');

    jest.advanceTimersByTime(2 * SECOND);
    expect(textOf(countdown, '.countdown__time')).toBe('00:00:01');
    expect(onExpire).not.toHaveBeenCalled();

    jest.advanceTimersByTime(SECOND);
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(onExpire.mock.calls[0]?.[0]).toMatchObject({ detail: { expireAt: START + 3 * SECOND } });
    expect(textOf(countdown, '.countdown__label')).toBe('已过期');
    expect(countdown.querySelector('.countdown__time')).toBeUndefined();

    jest.advanceTimersByTime(10 * SECOND);
    expect(onExpire).toHaveBeenCalledTimes(1);
    countdown.detach();
  });

  test('an expiry already in the past expires on attach', () => {
    const countdown = renderCountdown({ expireAt: START - SECOND });
    const onExpire = jest.fn();
    countdown.addEventListener('expire', onExpire);
    countdown.attach(document.createElement('parent-wrapper'));
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(textOf(countdown, '.countdown__label')).toBe('已过期');
    countdown.detach();
  });

  test('a new expire-at restarts the countdown and can expire again', () => {
    const countdown = mount({ expireAt: START + SECOND });
    const onExpire = jest.fn();
    countdown.addEventListener('expire', onExpire);
    jest.advanceTimersByTime(SECOND);
    expect(onExpire).toHaveBeenCalledTimes(1);

    countdown.setData({ expireAt: Date.now() + 2 * SECOND });
    expect(textOf(countdown, '.countdown__time')).toBe('00:00:02');
    jest.advanceTimersByTime(2 * SECOND);
    expect(onExpire).toHaveBeenCalledTimes(2);
    countdown.detach();
  });

  test('detaching stops the timer', () => {
    const countdown = mount({ expireAt: START + 5 * SECOND });
    countdown.detach();
    expect(jest.getTimerCount()).toBe(0);
  });
});
