/**
 * H5 only: a page opened from a link (a shared gift, a bookmarked order) is the first page of the
 * history and, unless it is a tab, has no back arrow and no tab bar — no way home. This floating 首页
 * button appears exactly then (what WeChat's own home button does in the mini program).
 * Mounted once, outside Taro's page tree (its own React root on <body>), like the dev user switcher.
 */
import Taro from '@tarojs/taro';
import { useEffect, useState, type CSSProperties } from 'react';
import { createRoot } from 'react-dom/client';
import { isTabPage, routes } from '@domain/routes';

const ROOT_ID = 'home-affordance';
/** Fired by Taro's H5 router after each page change (Taro's own H5 APIs listen to it too). */
const ROUTER_CHANGED = '__afterTaroRouterChange';

/** The stack of open pages, bottom first, as Taro's H5 router keeps it. */
interface OpenPage {
  route?: string;
  path?: string;
}

/** A home button is needed when the only open page is not a tab (nothing to go back to, no tab bar). */
export const needsHomeButton = (pages: readonly OpenPage[]): boolean => {
  if (pages.length !== 1) return false;
  const [only] = pages;
  const url = only?.route ?? only?.path ?? '';
  return url !== '' && !isTabPage(url);
};

const openPages = (): OpenPage[] => Taro.getCurrentPages() as OpenPage[];

/** NutUI mounts an overlay only while a popup or dialog is open (unmountOnExit). */
const isOverlayOpen = (): boolean => document.querySelector('.nut-overlay') !== null;

export function HomeAffordance() {
  const [shown, setShown] = useState(() => needsHomeButton(openPages()));
  const [overlayOpen, setOverlayOpen] = useState(false);
  useEffect(() => {
    const update = () => setShown(needsHomeButton(openPages()));
    Taro.eventCenter.on(ROUTER_CHANGED, update);
    update();
    return () => {
      Taro.eventCenter.off(ROUTER_CHANGED, update);
    };
  }, []);
  // Pages live in their own stacking context (Taro's router), so no z-index puts this button under a
  // page's popup: it steps aside while one is open instead of catching taps meant for the popup.
  useEffect(() => {
    if (!shown) return undefined;
    const observer = new MutationObserver(() => setOverlayOpen(isOverlayOpen()));
    observer.observe(document.body, { childList: true, subtree: true });
    setOverlayOpen(isOverlayOpen());
    return () => observer.disconnect();
  }, [shown]);
  if (!shown || overlayOpen) return null;
  return (
    <button
      type='button'
      style={style}
      aria-label='返回首页'
      data-testid='home-affordance'
      onClick={() => void Taro.switchTab({ url: routes.home() })}
    >
      首页
    </button>
  );
}

export function mountHomeAffordance(): void {
  if (typeof document === 'undefined' || document.getElementById(ROOT_ID)) return;
  const container = document.createElement('div');
  container.id = ROOT_ID;
  document.body.appendChild(container);
  createRoot(container).render(<HomeAffordance />);
}

// Bottom left, above the pages' fixed bars (the dev user switcher sits higher on the same edge): at the top it would cover
// the first tab or the gallery, and catch taps meant for them.
const style: CSSProperties = {
  position: 'fixed',
  left: 8,
  bottom: 64,
  zIndex: 9999,
  padding: '5px 12px',
  border: '1px solid rgba(0, 0, 0, 0.12)',
  borderRadius: 16,
  background: 'rgba(255, 255, 255, 0.92)',
  color: '#333333',
  fontSize: 13,
  boxShadow: '0 1px 4px rgba(0, 0, 0, 0.12)',
  cursor: 'pointer',
};
