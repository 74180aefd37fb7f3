import 'react';

/** Native mini program components (src/native/*), weapp only, declared in a page's usingComponents. */
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      /** src/native/countdown: "剩余 hh:mm:ss" until expire-at (epoch ms); fires `expire` once. */
      countdown: {
        'expire-at': number;
        label?: string;
        onExpire?: () => void;
      };
    }
  }
}
