import 'react';

/** Native mini program components (src/native/*), weapp only, declared in a page's usingComponents. */
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- JSX is a namespace in React's typings
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
