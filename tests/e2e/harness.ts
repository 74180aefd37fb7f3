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
import type { ActionName, EventOf, FunctionName, ResponseOf } from '@domain/contracts';
import type { Result } from '@domain/result';
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
  /**
   * A tab in a brand-new browser context of `user` (no history, no storage but the dev switcher's key),
   * as when a link is opened in a fresh browser; the context is closed after the test.
   */
  freshPageAs(user: DevOpenid): Promise<Page>;
  /**
   * Calls a cloud function through the local cloud's gateway (`POST /functions/<name>`, header
   * X-WX-OPENID), as the H5 build does; answers the data of `{ ok: true }`, throws on anything else.
   */
  call<F extends FunctionName, A extends ActionName<F>>(
    as: DevOpenid,
    name: F,
    event: EventOf<F, A>,
  ): Promise<ResponseOf<F, A>>;
  /** GET or POST a local-cloud dev endpoint (`/_dev/pay`, `/_dev/messages`, `/_dev/clock`); its JSON. */
  dev<T = unknown>(endpoint: string, body?: object): Promise<T>;
  /** Navigates to a site path (or full URL) and waits for Taro's page to be shown and settled. */
  open(page: Page, pathOrUrl: string): Promise<void>;
  /** Waits for the page to settle, then saves test-artifacts/screenshots/<name>.png; returns the file. */
  screenshot(page: Page, name: string): Promise<string>;
  /** What the browsers reported: uncaught page errors, console errors, failed gateway calls, blocked requests. */
  browserLog(): string[];
  /**
   * Runs a check that should not stop the journey (a defect on the way, e.g. a stepper that should not
   * be there): a failure is recorded and FAILS the test at its end, with every other recorded failure,
   * while the journey goes on to find the rest.
   */
  softly(what: string, check: () => unknown): Promise<void>;
  /**
   * jest's `test`, plus: the test FAILS when any page of any browser context reported an uncaught error
   * (`pageerror`) or a console error while it ran (listed per context in the failure); on failure a
   * screenshot of every open tab (failed-<test>-<user>-<n>.png) and the end of the browser log are
   * appended to the error.
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
  /** Contexts of freshPageAs, closed after each test. */
  const freshContexts: Array<{ label: string; context: BrowserContext }> = [];
  const log: string[] = [];
  const cloudLog: string[] = [];
  /** Page errors and console errors of the running test, by browser context ('dev-giver', 'fresh dev-friend #1'). */
  const problems = new Map<string, string[]>();
  /** Failed `softly` checks of the running test. */
  const softFailures: string[] = [];
  const noteProblem = (label: string, text: string) => {
    problems.set(label, [...(problems.get(label) ?? []), text]);
    log.push(`[${label}] ${text}`);
  };

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
    for (const { context } of freshContexts.splice(0)) await context.close().catch(() => undefined);
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
    const context = await newUserContext(user, user);
    contexts.set(user, context);
    return context;
  }

  /** A browser context acting as `user`; `label` names it in the log and in failures. */
  async function newUserContext(user: DevOpenid, label: string): Promise<BrowserContext> {
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
      log.push(`[${label}] blocked ${url}`);
      return route.abort('blockedbyclient');
    });
    // Every page of the context, popups included: errors fail the test, warnings are only logged.
    context.on('weberror', (webError) => {
      const error = webError.error();
      noteProblem(label, `page error at ${pagePath(webError.page())}: ${error.stack ?? error.message}`);
    });
    context.on('console', (message) => {
      const where = pagePath(message.page());
      if (message.type() === 'error') {
        const { url, lineNumber } = message.location();
        const source = url ? ` (${url.replace(/^https?:\/\/[^/]+/, '')}:${lineNumber})` : '';
        noteProblem(label, `console.error at ${where}: ${message.text()}${source}`);
      } else if (message.type() === 'warning') {
        log.push(`[${label}] console.warning at ${where}: ${message.text()}`);
      }
    });
    context.on('response', (response) => {
      if (response.url().includes('/functions/') && response.status() >= 400) {
        log.push(`[${label}] ${response.status()} ${response.url()}`);
      }
    });
    // Act as this user from the first request on, as the dev switcher would after a pick.
    // (not in about:blank, whose storage is off limits)
    await context.addInitScript(
      ([key, openid]) => {
        if (window.location.protocol.startsWith('http')) window.localStorage.setItem(key, openid);
      },
      [DEV_USER_STORAGE_KEY, user] as const,
    );
    // Clipboard reads for the "copy the link" flow (H5 navigator.clipboard).
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: required(cloud, 'local cloud').url,
    });
    return context;
  }

  /** The problems of the test that just ran, one line each, grouped by context; then forgotten. */
  const takeProblems = (): string[] => {
    const lines = [...problems].flatMap(([label, texts]) => texts.map((text) => `[${label}] ${text}`));
    problems.clear();
    return lines;
  };

  return {
    get cloud() {
      return required(cloud, 'local cloud');
    },
    get baseUrl() {
      return required(cloud, 'local cloud').url;
    },
    async pageAs(user) {
      return (await contextFor(user)).newPage();
    },
    async freshPageAs(user) {
      const label = `fresh ${user} #${freshContexts.length + 1}`;
      const context = await newUserContext(user, label);
      freshContexts.push({ label, context });
      return context.newPage();
    },
    async call<F extends FunctionName, A extends ActionName<F>>(
      as: DevOpenid,
      name: F,
      event: EventOf<F, A>,
    ): Promise<ResponseOf<F, A>> {
      const response = await fetch(`${required(cloud, 'local cloud').url}/functions/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': as },
        body: JSON.stringify(event),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${name}.${event.action} as ${as}: HTTP ${response.status} ${text}`);
      const answer = JSON.parse(text) as Result<ResponseOf<F, A>>;
      if (!answer.ok) throw new Error(`${name}.${event.action} as ${as}: ${answer.code} ${answer.message}`);
      return answer.data;
    },
    async dev(endpoint, body) {
      const response = await fetch(`${required(cloud, 'local cloud').url}${endpoint}`, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${endpoint}: HTTP ${response.status} ${text}`);
      return JSON.parse(text) as never;
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
    async softly(what, check) {
      try {
        await check();
      } catch (error) {
        softFailures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    test(name, body) {
      test(name, async () => {
        removeFailureScreenshots(slug(name)); // from an earlier run of this test
        problems.clear();
        softFailures.splice(0);
        try {
          await body();
          const reported = takeProblems();
          const failed = softFailures.splice(0);
          if (reported.length > 0 || failed.length > 0) {
            const parts = [
              ...(failed.length > 0 ? [`${failed.length} check(s) failed on the way:\n${failed.join('\n')}`] : []),
              ...(reported.length > 0
                ? [`the browser reported ${reported.length} error(s) during the test:\n${reported.join('\n')}`]
                : []),
            ];
            throw new Error(parts.join('\n'));
          }
        } catch (error) {
          const reported = takeProblems();
          const failed = softFailures.splice(0);
          const tabs = [
            ...[...contexts].map(([user, context]) => ({ label: user as string, context })),
            ...freshContexts,
          ];
          const shots = await screenshotEveryTab(tabs, slug(name));
          const tail = log.slice(-30);
          if (!(error instanceof Error)) throw error;
          let extra = `\n\nscreenshots: ${shots.join(', ') || 'none'}`;
          if (failed.length > 0) extra += `\nchecks that failed before:\n${failed.join('\n')}`;
          if (reported.length > 0) extra += `\nbrowser errors during the test:\n${reported.join('\n')}`;
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

/** A page's site path and query, for messages ('/packages/order/pages/list/index?status=paid'). */
const pagePath = (page: Page | null): string => {
  if (!page) return '(no page)';
  try {
    const { pathname, search } = new URL(page.url());
    return `${pathname}${search}`;
  } catch {
    return page.url();
  }
};

/** For a failed test: what each context's tabs showed at that moment (best effort: a tab may be gone). */
async function screenshotEveryTab(
  tabs: Array<{ label: string; context: BrowserContext }>,
  testSlug: string,
): Promise<string[]> {
  const files: string[] = [];
  for (const { label, context } of tabs) {
    for (const [index, tab] of context.pages().entries()) {
      const file = path.join(SCREENSHOT_DIR, `failed-${testSlug}-${slug(label)}-${index + 1}.png`);
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
