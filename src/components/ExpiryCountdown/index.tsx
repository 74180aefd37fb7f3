import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { formatRemaining } from '@domain/countdown';
import type { ExpiryCountdownProps } from './props';
import './index.scss';

/**
 * H5 (and tests): the same countdown as the native weapp component, in React, since H5 cannot run
 * native WXML components. The weapp build resolves index.weapp.tsx instead.
 */
export function ExpiryCountdown({ expireAt, label = '剩余', onExpire }: ExpiryCountdownProps) {
  const [now, setNow] = useState(() => Date.now());
  const remaining = expireAt - now;
  const expired = remaining <= 0;

  useEffect(() => {
    if (expired) {
      onExpire?.();
      return undefined;
    }
    const timer = setTimeout(() => setNow(Date.now()), remaining % 1000 || 1000);
    return () => clearTimeout(timer);
    // onExpire is deliberately not a dependency: a new callback must not re-fire the event.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [expired, now, expireAt]);

  return (
    <View className={`expiry-countdown${expired ? ' expiry-countdown--expired' : ''}`}>
      <Text className='expiry-countdown__label'>{expired ? '已过期' : label}</Text>
      {!expired && <Text className='expiry-countdown__time'>{formatRemaining(remaining)}</Text>}
    </View>
  );
}
