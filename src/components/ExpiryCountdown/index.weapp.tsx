import type { ExpiryCountdownProps } from './props';

/**
 * weapp: the native component src/native/countdown. The page using it must declare
 * `usingComponents: { countdown: '../../native/countdown/index' }` in its config (Taro 4 copies the
 * native files into dist and emits the template); attributes keep WXML names, onExpire binds `expire`.
 */
export function ExpiryCountdown({ expireAt, label = '剩余', onExpire }: ExpiryCountdownProps) {
  return <countdown expire-at={expireAt} label={label} onExpire={onExpire} />;
}
