import type { PropsWithChildren } from 'react';
import { mountDevTools } from './dev/devTools';
import { useLaunch, usePageNotFound } from './platform/lifecycle';
import { initCloud } from './platform/cloudTransport';
import { mountHomeAffordance } from './platform/homeAffordance';
import { showNotFound } from './platform/navigation';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // weapp: wx.cloud.init once; H5: no-op (it talks to the local cloud's gateway instead).
    initCloud();
    // H5 only: the dev user switcher. The weapp build resolves devTools.tsx, which is empty.
    mountDevTools();
    // H5 only: a 首页 button on a non-tab page opened first (weapp shows its own home button).
    mountHomeAffordance();
  });
  // An unknown path (old notification, mistyped link): the not-found page instead of a blank screen.
  // weapp requires the redirect inside this callback, synchronously; H5's router calls it on a 404.
  usePageNotFound((res) => showNotFound(res.path));
  // children are the pages
  return children;
}

export default App;
