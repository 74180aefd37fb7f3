import { appPages, routes } from './domain/routes';

const tabIcon = (name: string) => ({
  iconPath: `assets/tabbar/${name}.png`,
  selectedIconPath: `assets/tabbar/${name}-active.png`,
});

export default defineAppConfig({
  // Pages and subpackages come from the route table (src/domain/routes.ts), which the client's
  // navigation and the server's share paths and notification pages use too. Main package: the three
  // tabs only (size budget); the rest lives in subpackages.
  ...appPages(),
  // The home page leads to products, 我的 to orders: fetch those subpackages while the user looks around.
  preloadRule: {
    [routes.home.page]: { network: 'all', packages: [routes.product.root] },
    [routes.mine.page]: { network: 'all', packages: [routes.orderList.root] },
  },
  window: {
    navigationBarTitleText: '礼物商城',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#999999',
    selectedColor: '#e4393c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: routes.home.page, text: '首页', ...tabIcon('home') },
      { pagePath: routes.gifts.page, text: '礼物', ...tabIcon('gift') },
      { pagePath: routes.mine.page, text: '我的', ...tabIcon('mine') },
    ],
  },
  // wx.chooseAddress must be declared here and in the privacy guide (docs/docs/platform-notes.md).
  requiredPrivateInfos: ['chooseAddress'],
  // Privacy APIs wait for the user's consent to the privacy guide.
  __usePrivacyCheck__: true,
  // Inject only the components a page uses: faster start, smaller memory footprint.
  lazyCodeLoading: 'requiredComponents',
});
