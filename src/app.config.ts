const tabIcon = (name: string) => ({
  iconPath: `assets/tabbar/${name}.png`,
  selectedIconPath: `assets/tabbar/${name}-active.png`,
});

export default defineAppConfig({
  // Main package: the three tab pages only. Everything else lives in subpackages (size budget).
  pages: ['pages/index/index', 'pages/gifts/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/shop', pages: ['pages/product/index', 'pages/category/index', 'pages/search/index'] },
    // 买给自己: confirm, pay result, my orders and an order's detail.
    {
      root: 'packages/order',
      pages: ['pages/confirm/index', 'pages/result/index', 'pages/list/index', 'pages/detail/index'],
    },
    // 送礼物: the send page, the giver's status page, and the page the chat card opens.
    { root: 'packages/gift', pages: ['pages/send/index', 'pages/detail/index', 'pages/receive/index'] },
  ],
  // The home page leads to products, 我的 to orders: fetch those subpackages while the user looks around.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/shop'] },
    'pages/mine/index': { network: 'all', packages: ['packages/order'] },
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
      { pagePath: 'pages/index/index', text: '首页', ...tabIcon('home') },
      { pagePath: 'pages/gifts/index', text: '礼物', ...tabIcon('gift') },
      { pagePath: 'pages/mine/index', text: '我的', ...tabIcon('mine') },
    ],
  },
  // wx.chooseAddress must be declared here and in the privacy guide (docs/docs/platform-notes.md).
  requiredPrivateInfos: ['chooseAddress'],
  // Privacy APIs wait for the user's consent to the privacy guide.
  __usePrivacyCheck__: true,
  // Inject only the components a page uses: faster start, smaller memory footprint.
  lazyCodeLoading: 'requiredComponents',
});
