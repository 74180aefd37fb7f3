import type { PropsWithChildren } from 'react';
import { mountDevTools } from './dev/devTools';
import { useLaunch } from './platform/lifecycle';
import { initCloud } from './platform/cloudTransport';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // weapp: wx.cloud.init once; H5: no-op (it talks to the local cloud's gateway instead).
    initCloud();
    // H5 only: the dev user switcher. The weapp build resolves devTools.tsx, which is empty.
    mountDevTools();
  });
  // children are the pages
  return children;
}

export default App;
