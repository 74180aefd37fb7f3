/**
 * The seed catalogue, as data. Deterministic: the same documents and images every run.
 * Prices are yuan text here (turned into fen by yuanToFen); everything else is as stored.
 *
 * Cases the tests and the UI rely on:
 * - 珠宝首饰 and 教育培训 are not giftable (category rule);
 * - digital-camera and home-massage-chair: every SKU above ¥10,000 → not giftable (price rule);
 * - digital-laptop: some SKUs above ¥10,000, some below (per-SKU rule); home-tea-table: one SKU at
 *   exactly ¥10,000.00 (allowed) and one above;
 * - books-postcard has a ¥1.00 SKU; sold-out SKUs in several products; flowers-sakura entirely sold out;
 *   flowers-preserved 蓝色 has 2 left (low stock); digital-earbuds has an off-shelf SKU;
 *   food-xmas-2025 is off the shelf; home-mug and baby-puzzle tie on sales (stable paging).
 */
import { CategoryIds, type KnownCategoryId } from '@domain/product/categories';

export interface CategoryDefinition {
  id: KnownCategoryId;
  name: string;
  sort: number;
  /** gradient colours of its icon and of its products' images */
  colors: readonly [string, string];
}

export interface SkuDefinition {
  specs: Record<string, string>;
  /** yuan, e.g. '168' or '79.9' */
  price: string;
  stock: number;
  onShelf?: boolean;
}

export interface ProductDefinition {
  id: string;
  name: string;
  /** short text drawn on the generated images (≤ 6 characters) */
  label: string;
  categoryId: KnownCategoryId;
  description: string;
  /** total sales; shared out over the SKUs */
  sales: number;
  onShelf?: boolean;
  specNames: string[];
  skus: SkuDefinition[];
}

export const CATEGORY_DEFINITIONS: readonly CategoryDefinition[] = [
  { id: CategoryIds.food, name: '美食饮品', sort: 10, colors: ['#ff9a62', '#e8572a'] },
  { id: CategoryIds.flowers, name: '鲜花绿植', sort: 20, colors: ['#ff9fb8', '#d9466f'] },
  { id: CategoryIds.beauty, name: '美妆个护', sort: 30, colors: ['#f5a3d8', '#b3468f'] },
  { id: CategoryIds.digital, name: '数码电器', sort: 40, colors: ['#7cb7ff', '#2f5fd0'] },
  { id: CategoryIds.home, name: '家居生活', sort: 50, colors: ['#9be0c1', '#2f9a6e'] },
  { id: CategoryIds.fashion, name: '服饰鞋包', sort: 60, colors: ['#c5b3ff', '#6a4fd1'] },
  { id: CategoryIds.baby, name: '母婴玩具', sort: 70, colors: ['#ffe08a', '#e0a800'] },
  { id: CategoryIds.jewellery, name: '珠宝首饰', sort: 80, colors: ['#f7d794', '#b8862b'] },
  { id: CategoryIds.education, name: '教育培训', sort: 90, colors: ['#8fd3f4', '#2b8cbe'] },
  { id: CategoryIds.books, name: '图书文创', sort: 100, colors: ['#d7b899', '#8a5a35'] },
];

/** One spec: rows of [option, price, stock]. */
const options = (name: string, rows: ReadonlyArray<readonly [string, string, number]>) => ({
  specNames: [name],
  skus: rows.map(([value, price, stock]): SkuDefinition => ({ specs: { [name]: value }, price, stock })),
});

/**
 * Two specs, every combination: price and stock per combination. The stock function gets the
 * combination's index so quantities vary deterministically.
 */
const matrix = (
  [firstName, firstValues]: readonly [string, readonly string[]],
  [secondName, secondValues]: readonly [string, readonly string[]],
  price: (first: string, second: string) => string,
  stock: (first: string, second: string, index: number) => number,
) => {
  const skus: SkuDefinition[] = [];
  for (const first of firstValues) {
    for (const second of secondValues) {
      skus.push({
        specs: { [firstName]: first, [secondName]: second },
        price: price(first, second),
        stock: stock(first, second, skus.length),
      });
    }
  }
  return { specNames: [firstName, secondName], skus };
};

const priceOf = (prices: Record<string, string>, key: string): string => {
  const price = prices[key];
  if (price === undefined) throw new Error(`no price for ${key}`);
  return price;
};

export const PRODUCT_DEFINITIONS: readonly ProductDefinition[] = [
  // ---- 美食饮品 ----
  {
    id: 'food-mooncake',
    name: '广式流心奶黄月饼礼盒',
    label: '流心月饼',
    categoryId: 'food',
    description: '咸蛋黄与新西兰黄油慢火熬制的流心奶黄馅，饼皮薄软，独立包装，送长辈送同事都体面。',
    sales: 3201,
    ...options('规格', [
      ['6枚装', '168', 120],
      ['8枚装', '218', 64],
      ['12枚装', '298', 0],
    ]),
  },
  {
    id: 'food-chocolate',
    name: '比利时黑巧克力礼盒',
    label: '黑巧克力',
    categoryId: 'food',
    description: '72% 可可含量的比利时黑巧克力，夹心与纯黑两种口味，附手写贺卡，适合表白与纪念日。',
    sales: 5120,
    ...options('规格', [
      ['12颗装', '128', 300],
      ['24颗装', '228', 150],
    ]),
  },
  {
    id: 'food-tea',
    name: '明前西湖龙井 特级',
    label: '西湖龙井',
    categoryId: 'food',
    description: '狮峰山产区明前采摘，一芽一叶，豆香清雅。锡罐密封，附赠青瓷盖碗一只。',
    sales: 860,
    ...options('规格', [
      ['125g 罐装', '398', 80],
      ['250g 礼盒', '768', 40],
    ]),
  },
  {
    id: 'food-nuts',
    name: '每日坚果 混合果仁',
    label: '每日坚果',
    categoryId: 'food',
    description: '腰果、巴旦木、榛子、蓝莓干科学配比，每日一袋，低温烘焙不加盐。',
    sales: 12840,
    ...options('规格', [
      ['15袋', '79.9', 900],
      ['30袋', '149', 600],
    ]),
  },
  {
    id: 'food-wine',
    name: '贺兰山东麓 赤霞珠干红葡萄酒',
    label: '赤霞珠',
    categoryId: 'food',
    description: '宁夏贺兰山东麓产区，橡木桶陈酿 12 个月，黑醋栗与香草气息，单支木盒装。',
    sales: 742,
    ...options('规格', [
      ['单支 750ml', '268', 200],
      ['双支礼盒', '528', 90],
    ]),
  },
  {
    id: 'food-coffee',
    name: '云南小粒咖啡 挂耳',
    label: '挂耳咖啡',
    categoryId: 'food',
    description: '保山小粒咖啡豆，当季新烘，挂耳设计无需器具，办公室也能喝一杯手冲。',
    sales: 6420,
    ...matrix(
      ['烘焙度', ['中度烘焙', '深度烘焙']],
      ['规格', ['10片', '30片']],
      (_roast, size) => (size === '10片' ? '39' : '99'),
      (_roast, _size, index) => 150 + index * 40,
    ),
  },
  {
    id: 'food-xmas-2025',
    name: '2025 圣诞限定零食礼盒',
    label: '圣诞礼盒',
    categoryId: 'food',
    description: '去年的圣诞限定款，已下架。',
    sales: 1999,
    onShelf: false,
    ...options('规格', [['标准装', '199', 0]]),
  },

  // ---- 鲜花绿植 ----
  {
    id: 'flowers-roses',
    name: '红玫瑰花束 同城配送',
    label: '红玫瑰',
    categoryId: 'flowers',
    description: '云南基地当日采摘的卡罗拉红玫瑰，搭配尤加利叶，花艺师手工包扎，附贺卡。',
    sales: 4410,
    ...options('规格', [
      ['11枝', '199', 80],
      ['19枝', '299', 60],
      ['33枝', '520', 30],
    ]),
  },
  {
    id: 'flowers-preserved',
    name: '永生花玻璃罩 小王子',
    label: '永生花',
    categoryId: 'flowers',
    description: '厄瓜多尔永生玫瑰，玻璃罩防尘，可保存三年以上，底座内置暖光小夜灯。',
    sales: 1530,
    ...options('颜色', [
      ['红色', '329', 36],
      ['粉色', '329', 0],
      ['蓝色', '329', 2],
    ]),
  },
  {
    id: 'flowers-succulent',
    name: '多肉植物组合盆栽',
    label: '多肉盆栽',
    categoryId: 'flowers',
    description: '精选易养多肉品种，陶瓷小盆与铺面石一并配齐，桌面一抹绿，十天浇一次水。',
    sales: 8920,
    ...options('规格', [
      ['3头', '39.9', 400],
      ['6头', '69.9', 260],
    ]),
  },
  {
    id: 'flowers-orchid',
    name: '蝴蝶兰 年宵花',
    label: '蝴蝶兰',
    categoryId: 'flowers',
    description: '花期长达两个月的大花蝴蝶兰，每株 8 朵以上花苞，寓意幸福吉祥。',
    sales: 2260,
    ...matrix(
      ['颜色', ['红色', '白色']],
      ['规格', ['3株', '5株']],
      (_color, size) => (size === '3株' ? '268' : '428'),
      (color, size) => (color === '白色' && size === '5株' ? 0 : 25),
    ),
  },
  {
    id: 'flowers-weekly',
    name: '每周一花 包月鲜花',
    label: '每周一花',
    categoryId: 'flowers',
    description: '每周一次配送当季鲜花，花材每期不同，附养护卡片，让生活每周都有新鲜感。',
    sales: 2020,
    ...options('规格', [
      ['4次', '139', 500],
      ['12次', '369', 300],
    ]),
  },
  {
    id: 'flowers-sakura',
    name: '日式樱花盆景 限量款',
    label: '樱花盆景',
    categoryId: 'flowers',
    description: '手工修剪造型的樱花盆景，限量发售，本季已售罄。',
    sales: 96,
    ...options('规格', [
      ['小号', '588', 0],
      ['大号', '988', 0],
    ]),
  },

  // ---- 美妆个护 ----
  {
    id: 'beauty-lipstick',
    name: '丝绒哑光口红',
    label: '丝绒口红',
    categoryId: 'beauty',
    description: '轻薄丝绒质地，显色持久不拔干，刻字礼盒装，附专属贺卡。',
    sales: 7310,
    ...options('色号', [
      ['#999 正红', '320', 200],
      ['#520 玫瑰豆沙', '320', 0],
      ['#316 奶茶棕', '320', 150],
    ]),
  },
  {
    id: 'beauty-cream',
    name: '修护精华面霜',
    label: '精华面霜',
    categoryId: 'beauty',
    description: '高浓度神经酰胺与角鲨烷，修护屏障，深层保湿，敏感肌可用。',
    sales: 2940,
    ...options('规格', [
      ['50ml', '880', 120],
      ['100ml', '1580', 60],
    ]),
  },
  {
    id: 'beauty-perfume',
    name: '东方木质香 淡香水',
    label: '木质香水',
    categoryId: 'beauty',
    description: '前调佛手柑，中调檀香与鸢尾，后调雪松，温柔而不张扬。',
    sales: 1670,
    ...options('规格', [
      ['30ml', '560', 90],
      ['100ml', '1180', 45],
    ]),
  },
  {
    id: 'beauty-skincare-set',
    name: '水乳霜护肤三件套礼盒',
    label: '护肤礼盒',
    categoryId: 'beauty',
    description: '爽肤水、乳液、面霜一套配齐，适合换季护理，节日礼盒包装。',
    sales: 2180,
    ...options('规格', [['标准装', '698', 110]]),
  },
  {
    id: 'beauty-hand-cream',
    name: '花香护手霜礼盒',
    label: '护手霜',
    categoryId: 'beauty',
    description: '乳木果油滋润配方，吸收快不黏腻，三支小巧便携，办公室必备。',
    sales: 10320,
    ...options('香型', [
      ['玫瑰', '89', 500],
      ['樱花', '89', 480],
      ['白茶', '89', 0],
    ]),
  },

  // ---- 数码电器 ----
  {
    id: 'digital-earbuds',
    name: '真无线主动降噪耳机',
    label: '降噪耳机',
    categoryId: 'digital',
    description: '48dB 深度降噪，单次续航 8 小时，支持无线充电与双设备连接。',
    sales: 6650,
    specNames: ['颜色'],
    skus: [
      { specs: { 颜色: '星光白' }, price: '1299', stock: 300 },
      { specs: { 颜色: '曜石黑' }, price: '1299', stock: 260 },
      { specs: { 颜色: '限定红' }, price: '1399', stock: 10, onShelf: false },
    ],
  },
  {
    id: 'digital-camera',
    name: '全画幅微单相机 专业套机',
    label: '微单相机',
    categoryId: 'digital',
    description: '2420 万像素全画幅传感器，五轴防抖，4K 60p 视频，适合进阶摄影爱好者。',
    sales: 312,
    ...options('套餐', [
      ['单机身', '12999', 20],
      ['24-70mm 镜头套机', '15999', 12],
    ]),
  },
  {
    id: 'digital-laptop',
    name: '轻薄笔记本电脑 14 英寸',
    label: '轻薄本',
    categoryId: 'digital',
    description: '2.8K 高刷屏，全金属机身仅 1.2kg，续航 14 小时，办公学习两相宜。',
    sales: 1180,
    ...matrix(
      ['内存', ['16GB', '32GB']],
      ['硬盘', ['512GB', '1TB']],
      (memory, disk) =>
        priceOf(
          { '16GB/512GB': '6999', '16GB/1TB': '7999', '32GB/512GB': '10999', '32GB/1TB': '12499' },
          `${memory}/${disk}`,
        ),
      (memory, disk) => (memory === '32GB' && disk === '1TB' ? 0 : 30),
    ),
  },
  {
    id: 'digital-watch',
    name: '智能运动手表',
    label: '运动手表',
    categoryId: 'digital',
    description: '双频 GPS 精准定位，血氧心率全天监测，100 多种运动模式，续航两周。',
    sales: 3880,
    ...matrix(
      ['颜色', ['曜石黑', '月光银']],
      ['表带', ['硅胶', '真皮']],
      (_color, strap) => (strap === '硅胶' ? '1599' : '1799'),
      (_color, _strap, index) => 40 + index * 15,
    ),
  },
  {
    id: 'digital-speaker',
    name: '便携蓝牙音箱',
    label: '蓝牙音箱',
    categoryId: 'digital',
    description: 'IP67 防水防尘，360° 环绕音效，露营野餐随身带，续航 20 小时。',
    sales: 5530,
    ...options('颜色', [
      ['海盐蓝', '399', 220],
      ['珊瑚橙', '399', 180],
      ['岩石灰', '399', 0],
    ]),
  },
  {
    id: 'digital-powerbank',
    name: '磁吸无线充电宝 10000mAh',
    label: '充电宝',
    categoryId: 'digital',
    description: '磁吸对准即充，20W 快充，轻薄机身可登机。',
    sales: 15200,
    ...options('颜色', [
      ['雾白', '149', 1200],
      ['石墨黑', '149', 1000],
    ]),
  },

  // ---- 家居生活 ----
  {
    id: 'home-massage-chair',
    name: '全身按摩椅 太空舱',
    label: '按摩椅',
    categoryId: 'home',
    description: 'SL 双导轨机芯，零重力躺姿，腰背加热，送给父母的孝心之选。',
    sales: 206,
    ...options('颜色', [
      ['曜石黑', '10999', 15],
      ['象牙白', '13999', 8],
    ]),
  },
  {
    id: 'home-tea-table',
    name: '乌金木实木茶台',
    label: '实木茶台',
    categoryId: 'home',
    description: '整板乌金木，榫卯结构，自带排水槽与烧水台，客厅书房皆宜。',
    sales: 58,
    ...options('尺寸', [
      ['1.6米', '10000', 6],
      ['1.8米', '12800', 4],
    ]),
  },
  {
    id: 'home-aroma',
    name: '大豆蜡香薰蜡烛礼盒',
    label: '香薰蜡烛',
    categoryId: 'home',
    description: '天然大豆蜡与棉芯，燃烧时长 40 小时，磨砂玻璃杯可重复使用。',
    sales: 4760,
    ...options('香型', [
      ['无花果', '168', 300],
      ['雪松', '168', 280],
      ['白茶', '168', 260],
    ]),
  },
  {
    id: 'home-blanket',
    name: '羊绒针织盖毯',
    label: '针织盖毯',
    categoryId: 'home',
    description: '内蒙古山羊绒混纺，亲肤不扎，沙发午睡、办公室空调房都能用。',
    sales: 1350,
    ...options('颜色', [
      ['燕麦色', '899', 70],
      ['雾霾蓝', '899', 55],
    ]),
  },
  {
    id: 'home-mug',
    name: '手绘陶瓷马克杯',
    label: '马克杯',
    categoryId: 'home',
    description: '景德镇手绘釉下彩，容量 350ml，可进微波炉和洗碗机。',
    sales: 9840,
    ...options('图案', [
      ['猫咪', '59', 400],
      ['柴犬', '59', 380],
      ['熊猫', '59', 360],
    ]),
  },

  // ---- 服饰鞋包 ----
  {
    id: 'fashion-scarf',
    name: '100% 羊绒围巾',
    label: '羊绒围巾',
    categoryId: 'fashion',
    description: '双面纯色羊绒，180×30cm，轻盈保暖，礼盒附防尘袋。',
    sales: 3320,
    ...options('颜色', [
      ['驼色', '599', 120],
      ['酒红', '599', 90],
      ['藏青', '599', 100],
    ]),
  },
  {
    id: 'fashion-sneakers',
    name: '百搭真皮小白鞋',
    label: '小白鞋',
    categoryId: 'fashion',
    description: '头层牛皮鞋面，软弹橡胶大底，男女同款，支持 7 天无理由退换。',
    sales: 8820,
    ...matrix(
      ['颜色', ['白绿', '白黑']],
      ['尺码', ['36', '37', '38', '39', '40', '41', '42']],
      () => '459',
      (color, size, index) => (color === '白黑' && (size === '36' || size === '42') ? 0 : 20 + (index % 4) * 10),
    ),
  },
  {
    id: 'fashion-tote',
    name: '加厚帆布托特包',
    label: '托特包',
    categoryId: 'fashion',
    description: '16 安加厚帆布，内置拉链袋，可装 14 英寸电脑，通勤逛街都方便。',
    sales: 6640,
    ...options('颜色', [
      ['米白', '129', 500],
      ['黑色', '129', 450],
    ]),
  },
  {
    id: 'fashion-hoodie',
    name: '情侣款连帽卫衣',
    label: '连帽卫衣',
    categoryId: 'fashion',
    description: '400g 重磅毛圈棉，落肩宽松版型，情侣一起穿刚刚好。',
    sales: 5180,
    ...matrix(
      ['颜色', ['燕麦', '黑色']],
      ['尺码', ['S', 'M', 'L', 'XL']],
      () => '269',
      (color, size, index) => (color === '燕麦' && size === 'XL' ? 0 : 60 + index * 5),
    ),
  },
  {
    id: 'fashion-wallet',
    name: '头层牛皮短款钱包',
    label: '牛皮钱包',
    categoryId: 'fashion',
    description: '意大利植鞣牛皮，越用越有光泽，可免费烫印姓名缩写。',
    sales: 2750,
    ...options('颜色', [
      ['棕色', '329', 140],
      ['黑色', '329', 160],
    ]),
  },

  // ---- 母婴玩具 ----
  {
    id: 'baby-blocks',
    name: '积木城堡 1200 颗粒',
    label: '积木城堡',
    categoryId: 'baby',
    description: '兼容主流积木品牌，附彩色拼装说明书，适合 8 岁以上，亲子一起搭建。',
    sales: 2410,
    ...options('规格', [['标准版', '699', 80]]),
  },
  {
    id: 'baby-plush',
    name: '安抚玩偶 小兔子',
    label: '安抚兔',
    categoryId: 'baby',
    description: 'A 类婴幼儿标准面料，可机洗，陪伴宝宝安心入睡。',
    sales: 7760,
    ...options('尺寸', [
      ['30cm', '99', 600],
      ['45cm', '149', 400],
      ['60cm', '199', 200],
    ]),
  },
  {
    id: 'baby-gift-box',
    name: '新生儿纯棉礼盒',
    label: '新生礼盒',
    categoryId: 'baby',
    description: '连体衣、口水巾、帽子、袜子共 12 件，新疆长绒棉，满月礼首选。',
    sales: 1880,
    ...options('尺码', [
      ['59cm', '368', 90],
      ['66cm', '368', 110],
      ['73cm', '368', 0],
    ]),
  },
  {
    id: 'baby-scooter',
    name: '儿童三轮滑板车',
    label: '滑板车',
    categoryId: 'baby',
    description: '闪光 PU 轮，四档高度可调，一秒折叠，适合 3 至 8 岁。',
    sales: 3360,
    ...options('颜色', [
      ['樱花粉', '299', 150],
      ['天空蓝', '299', 170],
    ]),
  },
  {
    id: 'baby-puzzle',
    name: '木质早教拼图',
    label: '木质拼图',
    categoryId: 'baby',
    description: '榉木材质水性漆，圆角打磨，认知动物、交通与数字。',
    sales: 9840,
    ...options('主题', [
      ['动物', '49', 700],
      ['交通', '49', 650],
      ['数字', '49', 600],
    ]),
  },

  // ---- 珠宝首饰 (not giftable) ----
  {
    id: 'jewellery-gold-bangle',
    name: '足金古法手镯',
    label: '古法金镯',
    categoryId: 'jewellery',
    description: '足金 999，古法手工锻打，哑光质感，附国检证书。',
    sales: 126,
    ...options('克重', [
      ['约20g', '12800', 10],
      ['约30g', '19200', 6],
    ]),
  },
  {
    id: 'jewellery-necklace',
    name: '925 银锁骨链',
    label: '银锁骨链',
    categoryId: 'jewellery',
    description: '925 纯银镀白金，不易氧化，链长 40+5cm 可调。',
    sales: 4150,
    ...options('款式', [
      ['四叶草', '399', 200],
      ['小月亮', '399', 180],
    ]),
  },
  {
    id: 'jewellery-pearl',
    name: '淡水珍珠耳钉',
    label: '珍珠耳钉',
    categoryId: 'jewellery',
    description: '正圆强光淡水珍珠，S925 银针防过敏。',
    sales: 1760,
    ...options('尺寸', [
      ['7-8mm', '699', 90],
      ['9-10mm', '1099', 40],
    ]),
  },
  {
    id: 'jewellery-diamond',
    name: '18K 金钻石戒指',
    label: '钻石戒指',
    categoryId: 'jewellery',
    description: 'GIA 证书主石，18K 白金六爪镶嵌，可免费改圈。',
    sales: 48,
    ...options('主石', [
      ['30分', '25999', 5],
      ['50分', '39999', 3],
    ]),
  },

  // ---- 教育培训 (not giftable) ----
  {
    id: 'education-coding',
    name: '少儿编程 Scratch 课程',
    label: '少儿编程',
    categoryId: 'education',
    description: '6 至 12 岁图形化编程，真人老师小班直播，每节课完成一个小游戏。',
    sales: 640,
    ...options('课时', [
      ['24课时', '1980', 999],
      ['48课时', '3680', 999],
    ]),
  },
  {
    id: 'education-ielts',
    name: '雅思 7 分冲刺班',
    label: '雅思冲刺',
    categoryId: 'education',
    description: '听说读写四科系统提分，模考批改，未达目标分可免费重读。',
    sales: 280,
    ...options('班型', [
      ['直播小班', '6800', 200],
      ['一对一', '16800', 50],
    ]),
  },
  {
    id: 'education-calligraphy',
    name: '硬笔书法入门网课',
    label: '硬笔书法',
    categoryId: 'education',
    description: '30 天练出一手好字，配套字帖与点评服务。',
    sales: 3920,
    ...options('规格', [['30天', '199', 9999]]),
  },
  {
    id: 'education-piano',
    name: '钢琴陪练 月卡',
    label: '钢琴陪练',
    categoryId: 'education',
    description: '专业音乐院校老师一对一线上陪练，纠正指法与节奏。',
    sales: 910,
    ...options('单次时长', [
      ['30分钟 × 8次', '480', 300],
      ['50分钟 × 8次', '720', 300],
    ]),
  },

  // ---- 图书文创 ----
  {
    id: 'books-postcard',
    name: '城市风景手绘明信片',
    label: '明信片',
    categoryId: 'books',
    description: '手绘城市地标，300g 艺术纸，可直接邮寄。',
    sales: 20480,
    ...options('规格', [
      ['单张', '1', 5000],
      ['30张套装', '25', 800],
    ]),
  },
  {
    id: 'books-notebook',
    name: '烫金手账本 A5',
    label: '手账本',
    categoryId: 'books',
    description: '100g 道林纸不洇墨，布面精装烫金，附丝带书签。',
    sales: 6120,
    ...options('颜色', [
      ['墨绿', '68', 300],
      ['酒红', '68', 260],
      ['藏蓝', '68', 240],
    ]),
  },
  {
    id: 'books-classic',
    name: '《红楼梦》典藏精装版',
    label: '红楼梦',
    categoryId: 'books',
    description: '脂评汇校本，布面精装，附清代孙温绘本彩插。',
    sales: 2860,
    ...options('规格', [['上下册', '198', 320]]),
  },
  {
    id: 'books-calendar',
    name: '2027 故宫文物日历',
    label: '文物日历',
    categoryId: 'books',
    description: '每日一件馆藏文物，配以诗文典故，生肖书签随书附赠。',
    sales: 11830,
    ...options('规格', [['精装版', '88', 1500]]),
  },
  {
    id: 'books-pen',
    name: '钢笔墨水礼盒',
    label: '钢笔礼盒',
    categoryId: 'books',
    description: '铱金笔尖书写顺滑，附上墨器与两瓶彩墨，送学生送老师都合适。',
    sales: 3010,
    ...options('笔尖', [
      ['EF 尖', '259', 120],
      ['F 尖', '259', 140],
      ['M 尖', '259', 0],
    ]),
  },
];
