/**
 * Checks on the weapp build in dist/ with WeChat's own offline tools: wcc compiles every WXML,
 * miniprogram-ci validates app.json / page json against WeChat's schemas and measures the packages.
 * Needs `npm run build:weapp` first; without dist/app.json the suite is skipped with a message.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { wxmlToJs } from 'miniprogram-compiler';
import * as ci from 'miniprogram-ci';
import { analyseWeappPackages, MAIN_PACKAGE_LIMIT_KB } from '../../scripts/weapp-size';

const distDir = path.resolve(__dirname, '..', '..', 'dist');
const built = existsSync(path.join(distDir, 'app.json'));
if (!built) {
  console.warn('tests/weapp skipped: dist/app.json is missing. Run `npm run build:weapp` first.');
}
const describeBuilt = built ? describe : describe.skip;

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ iconPath?: string; selectedIconPath?: string }> };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const appJson = (): AppJson => readJson<AppJson>(path.join(distDir, 'app.json'));
const allPages = (app: AppJson): string[] => [
  ...app.pages,
  ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/$/, '')}/${page}`)),
];
const compileWxml = (root: string): string => wxmlToJs(root, { maxBuffer: 64 * 1024 * 1024 });

describeBuilt('weapp build (dist/)', () => {
  test('wcc compiles every WXML in dist without errors', () => {
    const compiled = compileWxml(distDir);
    // The generated $gwx answers with a render function for every page template (it expects a
    // `window` object, as in the WeChat client) and with undefined for templates it does not have.
    const gwx = new Function('window', compiled)({}) as (file: string) => unknown;
    expect(gwx('pages/not-a-page/index.wxml')).toBeUndefined();
    for (const page of allPages(appJson())) {
      expect(typeof gwx(`${page}.wxml`)).toBe('function');
    }
    expect(typeof gwx('native/countdown/index.wxml')).toBe('function');
  });

  test('the WXML check does fail on a broken template (the check above can fail)', () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'weapp-broken-'));
    try {
      cpSync(distDir, copy, { recursive: true });
      writeFileSync(path.join(copy, 'native/countdown/index.wxml'), '<view class="x">{{unclosed</view>\n<view');
      expect(() => compileWxml(copy)).toThrow(/wxml/i);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  test("app.json passes WeChat's app schema", () => {
    expect(ci.schemaValidate('app', appJson())).toEqual({ warning: '', error: [] });
  });

  test("every page json passes WeChat's page schema", () => {
    for (const page of allPages(appJson())) {
      const pageJson = readJson<object>(path.join(distDir, `${page}.json`));
      expect({ page, result: ci.schemaValidate('page', pageJson) }).toEqual({
        page,
        result: { warning: '', error: [] },
      });
    }
  });

  test('app.json declares what the platform requires', () => {
    const app = readJson<Record<string, unknown>>(path.join(distDir, 'app.json'));
    expect(app.requiredPrivateInfos).toEqual(['chooseAddress']);
    expect(app.__usePrivacyCheck__).toBe(true);
    expect(app.lazyCodeLoading).toBe('requiredComponents');
  });

  test('tab bar icons exist and are at most 40 KB', () => {
    const icons = (appJson().tabBar?.list ?? []).flatMap((item) => [item.iconPath, item.selectedIconPath]);
    expect(icons).toHaveLength(6);
    for (const icon of icons) {
      const file = path.join(distDir, String(icon));
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file).length).toBeLessThanOrEqual(40 * 1024);
    }
  });

  test('the native countdown is copied into dist and declared by the gifts page', () => {
    for (const ext of ['js', 'json', 'wxml', 'wxss']) {
      expect(existsSync(path.join(distDir, `native/countdown/index.${ext}`))).toBe(true);
    }
    const giftsJson = readJson<{ usingComponents?: Record<string, string> }>(
      path.join(distDir, 'pages/gifts/index.json'),
    );
    expect(giftsJson.usingComponents?.countdown).toBe('../../native/countdown/index');
  });

  test('the H5-only dev user switcher and gateway transport are not in the mini program', () => {
    const scripts = allScripts(distDir);
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const source = readFileSync(file, 'utf8');
      expect({
        file,
        hasDevUsers: source.includes('/_dev/users'),
        hasOpenidHeader: source.includes('X-WX-OPENID'),
      }).toEqual({
        file,
        hasDevUsers: false,
        hasOpenidHeader: false,
      });
    }
  });

  test(`main package is under ${MAIN_PACKAGE_LIMIT_KB} KB (miniprogram-ci analyseCode)`, async () => {
    const sizes = await analyseWeappPackages(distDir);
    console.log(
      `weapp main package ${sizes.mainKb.toFixed(1)} KB; ${sizes.subpackages.map((sub) => `${sub.root} ${sub.kb.toFixed(1)} KB`).join(', ')}`,
    );
    expect(sizes.mainKb).toBeGreaterThan(0);
    expect(sizes.mainKb).toBeLessThan(MAIN_PACKAGE_LIMIT_KB);
    // The product page lives in its subpackage, not in the main package.
    expect(sizes.subpackages.map((sub) => sub.root)).toContain('packages/shop/');
  }, 120_000);
});

function allScripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return allScripts(full);
    return name.endsWith('.js') ? [full] : [];
  });
}
