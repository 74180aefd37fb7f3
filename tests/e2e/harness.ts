/**
 * End-to-end harness: the real H5 build (dist-h5/) served by the local cloud with the real function
 * bundles, driven in Debian's headless Chromium through playwright-core (never a downloaded browser).
 *
 *   const e2e = useE2E();                       // registers beforeAll/afterAll in the test file
 *   const page = await e2e.pageAs('dev-giver'); // one browser context per dev user
 *   await e2e.open(page, '/pages/index/index');
 *   await e2e.screenshot(page, 'home');         // → test-artifacts/screenshots/home.png
 *
 * Needs `npm run build` (function bundles + dist-h5) first; scripts/test.ts runs the H5 build before
 * this step and skips it when Chromium is missing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '@local-cloud/index';
import { listFunctionNames } from '../../scripts/build-functions';
import { seedCatalogue } from '../../scripts/seed';
import { seedDevUsers } from '../../scripts/seed-dev-users';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
/** The H5 build under test; E2E_H5_DIR points at another one (e.g. a build made from a scratch copy). */
const H5_DIR = process.env.E2E_H5_DIR ? path.resolve(process.env.E2E_H5_DIR) : path.join(PROJECT_ROOT, 'dist-h5');
const FUNCTIONS_DIR = path.join(PROJECT_ROOT, 'cloudfunctions');
export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-artifacts', 'screenshots');

/** The localStorage key the H5 dev user switcher keeps the current openid in (src/platform/devUser.h5.ts). */
export const DEV_USER_STORAGE_KEY = 'giftshop.devOpenid';
/** The local cloud's dev users (local-cloud/dev-users.ts). */
export type DevOpenid = 'dev-giver' | 'dev-recipient' | 'dev-friend' | 'dev-merchant';

/** Per test; a browser flow crosses several pages and function calls, each bounded below. */
export const E2E_TEST_TIMEOUT_MS = 120_000;
/** A single wait (an element, a page transition, a navigation). */
export const STEP_TIMEOUT_MS = 20_000;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface E2E {
  /** the running local cloud (clock, pay ledger, db) */
  readonly cloud: LocalCloud;
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  /** A new tab in `user`'s own browser context (created on first use; the dev switcher's key is preset). */
  pageAs(user: DevOpenid): Promise<Page>;
  /** Navigates to a site path (or full URL) and waits for Taro's page to be shown and settled. */
  open(page: Page, pathOrUrl: string): Promise<void>;
  /** Waits for the page to settle, then saves test-artifacts/screenshots/<name>.png; returns the file. */
  screenshot(page: Page, name: string): Promise<string>;
  /** What the browsers reported: uncaught page errors, console errors, failed gateway calls, blocked requests. */
  browserLog(): string[];
  /**
   * jest's `test`, plus on failure: a screenshot of every open tab (failed-<test>-<user>-<n>.png) and
   * the end of the browser log appended to the error.
   */
  test(name: string, body: () => Promise<void>): void;
}

/** Fails with the command to run when a build the e2e tests need is missing. */
export function assertBuildsPresent(): void {
  const missing: string[] = [];
  if (!existsSync(path.join(H5_DIR, 'index.html'))) missing.push(`${path.join(H5_DIR, 'index.html')} (the H5 build)`);
  for (const name of listFunctionNames(FUNCTIONS_DIR)) {
    if (!existsSync(path.join(FUNCTIONS_DIR, name, 'index.js'))) missing.push(`cloudfunctions/${name}/index.js`);
  }
  if (missing.length > 0) {
    throw new Error(
      `The e2e tests run the built shop, but these are missing:\n  ${missing.join('\n  ')}\nRun \`npm run build\` first.`,
    );
  }
  const builtAt = statSync(path.join(H5_DIR, 'index.html')).mtimeMs;
  const newestSource = newestMtime(path.join(PROJECT_ROOT, 'src'));
  if (newestSource > builtAt) {
    console.warn('[e2e] src/ changed after dist-h5/ was built: the tests run the old build (npm run build:h5).');
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * True once Taro's router has shown the page of the current URL and its slide-in transition ended: the
 * top visible `.taro_page` (id = its path + `?stamp=…`) is the URL's page and carries both
 * `taro_page_show` and `taro_page_stationed`, and no other page is half-way (shown but not
 * stationed). Runs in the browser.
 */
function taroPageSettled(): boolean {
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_router > .taro_page'));
  const visible = pages.filter(
    (el) => !el.classList.contains('taro_page_shade') && getComputedStyle(el).display !== 'none',
  );
  const top = visible[visible.length - 1];
  if (!top) return false;
  // '/' shows the first page (pages/index/index) without changing the URL
  if (window.location.pathname !== '/' && top.id.split('?')[0] !== window.location.pathname) return false;
  const settled = (el: HTMLElement) =>
    el.classList.contains('taro_page_show') && el.classList.contains('taro_page_stationed');
  const moving = pages.some(
    (el) => el.classList.contains('taro_page_show') && !el.classList.contains('taro_page_stationed'),
  );
  return settled(top) && !moving;
}

/** Waits until Taro's page transition is over (see taroPageSettled) and web fonts are ready. */
export async function waitForTaroPage(page: Page, timeout = STEP_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(taroPageSettled, undefined, { timeout });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Waits for the URL (a Taro navigation changes it first) and then for that page to be shown and settled. */
export async function arriveAt(page: Page, url: RegExp, timeout = STEP_TIMEOUT_MS): Promise<void> {
  try {
    await page.waitForURL(url, { timeout });
  } catch (error) {
    throw new Error(`expected to arrive at ${url} but the browser stayed at ${page.url()}`, { cause: error });
  }
  await waitForTaroPage(page, timeout);
}

/** Waits until every <img> inside the shown page's viewport has finished loading (or failed). */
async function waitForVisibleImages(page: Page, timeout = STEP_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(
    () =>
      Array.from(document.images).every((img) => {
        const box = img.getBoundingClientRect();
        const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
        return !onScreen || !img.getAttribute('src') || img.complete;
      }),
    undefined,
    { timeout },
  );
}

const isLocal = (url: string): boolean => {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1';
  } catch {
    return false;
  }
};

/**
 * Registers beforeAll/afterAll in the calling test file: starts the local cloud (fresh data dir,
 * seeded catalogue and dev users, timers off) and Chromium; closes both afterwards.
 */
export function useE2E(): E2E {
  jest.setTimeout(E2E_TEST_TIMEOUT_MS);

  let cloud: LocalCloud | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  const contexts = new Map<DevOpenid, BrowserContext>();
  const log: string[] = [];
  const cloudLog: string[] = [];

  beforeAll(async () => {
    assertBuildsPresent();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'e2e-cloud-'));
    cloud = await startLocalCloud({
      port: 0,
      dataDir,
      functionsDir: FUNCTIONS_DIR,
      staticDir: H5_DIR,
      extraStatic: { '/static/': path.join(PROJECT_ROOT, 'static') },
      realTimers: false,
      log: (line) => cloudLog.push(line),
    });
    seedCatalogue(cloud.db);
    seedDevUsers(cloud.db);
    // playwright gives every launch a fresh temporary profile (user-data dir) and removes it on close.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, 90_000);

  // Each test starts with no tabs open (a user's context, and so their localStorage, stays).
  afterEach(async () => {
    for (const context of contexts.values()) {
      for (const tab of context.pages()) await tab.close().catch(() => undefined);
    }
  });

  afterAll(async () => {
    for (const context of contexts.values()) await context.close().catch(() => undefined);
    await browser?.close();
    await cloud?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    const functionProblems = cloudLog.filter((line) => /error|fail|timed out/i.test(line));
    if (log.length > 0 || functionProblems.length > 0) {
      console.log(`[e2e] browser and cloud log:\n${[...log, ...functionProblems].join('\n')}`);
    }
  });

  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`e2e harness: ${what} is not running (beforeAll failed?)`);
    return value;
  };

  async function contextFor(user: DevOpenid): Promise<BrowserContext> {
    const existing = contexts.get(user);
    if (existing) return existing;
    const context = await required(browser, 'Chromium').newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
    // The shop must work with nothing but the local cloud: anything else is blocked and noted.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      log.push(`[${user}] blocked ${url}`);
      return route.abort('blockedbyclient');
    });
    // Act as this user from the first request on, as the dev switcher would after a pick.
    await context.addInitScript(([key, openid]) => window.localStorage.setItem(key, openid), [
      DEV_USER_STORAGE_KEY,
      user,
    ] as const);
    // Clipboard reads for the "copy the link" flow (H5 navigator.clipboard).
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: required(cloud, 'local cloud').url,
    });
    contexts.set(user, context);
    return context;
  }

  return {
    get cloud() {
      return required(cloud, 'local cloud');
    },
    get baseUrl() {
      return required(cloud, 'local cloud').url;
    },
    async pageAs(user) {
      const page = await (await contextFor(user)).newPage();
      page.on('pageerror', (error) => log.push(`[${user}] page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          log.push(`[${user}] console.${message.type()}: ${message.text()}`);
      });
      page.on('response', (response) => {
        if (response.url().includes('/functions/') && response.status() >= 400) {
          log.push(`[${user}] ${response.status()} ${response.url()}`);
        }
      });
      return page;
    },
    async open(page, pathOrUrl) {
      const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : `${required(cloud, 'local cloud').url}${pathOrUrl}`;
      await page.goto(url, { waitUntil: 'load' });
      await waitForTaroPage(page);
    },
    async screenshot(page, name) {
      await waitForTaroPage(page);
      await waitForVisibleImages(page);
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, animations: 'disabled' });
      return file;
    },
    browserLog: () => [...log],
    test(name, body) {
      test(name, async () => {
        removeFailureScreenshots(slug(name)); // from an earlier run of this test
        try {
          await body();
        } catch (error) {
          const shots = await screenshotEveryTab(contexts, slug(name));
          const tail = log.slice(-30);
          if (!(error instanceof Error)) throw error;
          let extra = `\n\nscreenshots: ${shots.join(', ') || 'none'}`;
          if (tail.length > 0) extra += `\nbrowser log (last ${tail.length}):\n${tail.join('\n')}`;
          // One error whose message and stack agree (jest prints parts of both); keep the original frames.
          const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
          const wrapped = new Error(`${error.message}${extra}`);
          wrapped.stack = [`${error.name}: ${wrapped.message}`, ...frames].join('\n');
          throw wrapped;
        }
      });
    },
  };
}

const slug = (text: string): string =>
  text
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');

function removeFailureScreenshots(testSlug: string): void {
  if (!existsSync(SCREENSHOT_DIR)) return;
  for (const file of readdirSync(SCREENSHOT_DIR)) {
    if (file.startsWith(`failed-${testSlug}-`)) rmSync(path.join(SCREENSHOT_DIR, file), { force: true });
  }
}

/** For a failed test: what each user's tabs showed at that moment (best effort: a tab may be gone). */
async function screenshotEveryTab(contexts: Map<DevOpenid, BrowserContext>, testSlug: string): Promise<string[]> {
  const files: string[] = [];
  for (const [user, context] of contexts) {
    for (const [index, tab] of context.pages().entries()) {
      const file = path.join(SCREENSHOT_DIR, `failed-${testSlug}-${user}-${index + 1}.png`);
      try {
        await tab.screenshot({ path: file, timeout: 5_000 });
        files.push(path.relative(PROJECT_ROOT, file));
      } catch {
        // the tab closed or hung: the error itself still tells what went wrong
      }
    }
  }
  return files;
}
