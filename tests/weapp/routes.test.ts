/**
 * Every page the app or the server can name exists in the BUILT mini program (dist/app.json): the
 * route table (src/domain/routes.ts), the gift share path the chat card opens, and the page of every
 * subscribe message. Needs `npm run build:weapp` first; without dist/app.json the suite is skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { appPages, isKnownPage, routes } from '@domain/routes';
import { sharePath } from '@domain/gift/rules';
import { giftNoticePage, SUBSCRIBE_TEMPLATES } from '@server/gifts/notify';

const repoRoot = path.resolve(__dirname, '..', '..');
const distDir = path.join(repoRoot, 'dist');
const built = existsSync(path.join(distDir, 'app.json'));
if (!built) console.warn('tests/weapp/routes skipped: dist/app.json is missing. Run `npm run build:weapp` first.');
const describeBuilt = built ? describe : describe.skip;

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string }> };
}
const appJson = (): AppJson => JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8')) as AppJson;

/** '/packages/gift/pages/detail/index' for every page app.json declares. */
const builtPaths = (app: AppJson): string[] => [
  ...app.pages.map((page) => `/${page}`),
  ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `/${sub.root.replace(/\/$/, '')}/${page}`)),
];
/** The page part of a URL, as WeChat resolves it (leading slash optional, query ignored). */
const pageOf = (url: string): string => `/${url.split('?')[0]?.replace(/^\//, '')}`;

const TOKEN = '0123456789abcdef0123456789abcdef';

describeBuilt('every page the app or the server names exists in dist/app.json', () => {
  test('the built app.json lists exactly the route table, tabs in the main package', () => {
    const app = appJson();
    const { pages, subPackages } = appPages();
    expect(app.pages).toEqual(pages);
    expect((app.subPackages ?? []).map(({ root, pages: subPages }) => ({ root, pages: subPages }))).toEqual(
      subPackages,
    );
    expect(app.tabBar?.list.map((tab) => tab.pagePath)).toEqual(pages);
    expect(pages).toEqual([routes.home.page, routes.gifts.page, routes.mine.page]);
  });

  test('every route of the table is a built page with its files', () => {
    const paths = builtPaths(appJson());
    for (const route of Object.values(routes)) {
      expect({ route: route.path, built: paths.includes(route.path) }).toEqual({ route: route.path, built: true });
      for (const ext of ['js', 'json', 'wxml']) {
        expect(existsSync(path.join(distDir, `${route.path.slice(1)}.${ext}`))).toBe(true);
      }
    }
  });

  test('the share path of a gift (the chat card) opens a built page', () => {
    const url = sharePath('g1', TOKEN);
    expect(builtPaths(appJson())).toContain(pageOf(url));
    expect(url).toBe(`/packages/gift/pages/receive/index?giftId=g1&token=${TOKEN}`);
  });

  test('every subscribe message opens a built page (the giver’s gift page)', () => {
    const url = giftNoticePage('g1');
    expect(builtPaths(appJson())).toContain(pageOf(url));
    expect(url).toBe('/packages/gift/pages/detail/index?giftId=g1');
    // accepted, declined, refunded, shipped to the giver use giftNoticePage; the parcel notice opens the order
    expect(Object.keys(SUBSCRIBE_TEMPLATES)).toEqual([
      'giftAccepted',
      'giftDeclined',
      'giftRefunded',
      'orderShipped',
      'giftShipped',
    ]);
    expect(builtPaths(appJson())).toContain(pageOf(routes.orderDetail({ orderId: 'o1' })));
  });

  test('no page path is written by hand in server/ or the domain: they come from the route table', () => {
    const literalPaths: string[] = [];
    const scan = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) scan(file);
        else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) && !file.endsWith('routes.ts')) {
          // Code only: comments may show an example path.
          const source = readFileSync(file, 'utf8')
            .split('\n')
            .filter((line) => !/^\s*(\/\/|\/?\*)/.test(line))
            .join('\n');
          for (const match of source.matchAll(/['"`]\/?((?:pages|packages)\/[\w/-]+)/g)) {
            literalPaths.push(`${path.relative(repoRoot, file)}: ${match[1]}`);
          }
        }
      }
    };
    scan(path.join(repoRoot, 'server'));
    scan(path.join(repoRoot, 'src', 'domain'));
    scan(path.join(repoRoot, 'cloudfunctions'));
    expect(literalPaths.filter((found) => !found.includes('node_modules'))).toEqual([]);
  });

  test('the check above can fail: an unknown page is not in the table nor in the build', () => {
    expect(isKnownPage('/packages/gift/pages/status/index')).toBe(false);
    expect(builtPaths(appJson())).not.toContain('/packages/gift/pages/status/index');
    expect(isKnownPage(giftNoticePage('g1'))).toBe(true);
  });
});
