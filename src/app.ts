import type { PropsWithChildren } from 'react';
import { mountDevTools } from './dev/devTools';
import { useLaunch } from './platform/lifecycle';
import { initCloud } from './platform/cloudTransport';
import { mountHomeAffordance } from './platform/homeAffordance';
import { showNotFound } from './platform/navigation';
import { redirectUnknownPages, useUnknownPageRedirect } from './platform/unknownPages';
import './app.scss';

// An unknown path (old notification, mistyped link): the not-found page instead of a blank screen.
// weapp registers here, before App() (WeChat needs the redirect synchronously); H5 in the App below.
redirectUnknownPages((path) => void showNotFound(path));

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // weapp: wx.cloud.init once; H5: no-op (it talks to the local cloud's gateway instead).
    initCloud();
    // H5 only: the dev user switcher. The weapp build resolves devTools.tsx, which is empty.
    mountDevTools();
    // H5 only: a 首页 button on a non-tab page opened first (weapp shows its own home button).
    mountHomeAffordance();
  });
  useUnknownPageRedirect((path) => void showNotFound(path));
  // children are the pages
  return children;
}

export default App;
