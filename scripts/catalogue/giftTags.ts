/**
 * The seed catalogue's gift-finder fields, per product id: brand, who it suits, for which occasions,
 * and the festival collections it belongs to (src/domain/finder/tags.ts). Every seeded product has an
 * entry (catalogue.test.ts checks it); the non-giftable ones are tagged too, as a merchant would —
 * the finder leaves them out by the gift rules, not by missing tags.
 */
import type { OccasionTag, ProductGiftTags, RecipientTag, SeasonId } from '@domain/finder/tags';

const tags = (
  brand: string,
  recipientTags: RecipientTag[],
  occasionTags: OccasionTag[],
  seasonTags: SeasonId[] = [],
): ProductGiftTags => ({ brand, recipientTags, occasionTags, seasonTags });

export const PRODUCT_GIFT_TAGS: Readonly<Record<string, ProductGiftTags>> = {
  // 美食饮品
  'food-mooncake': tags('广月楼', ['elder', 'colleague', 'teacher'], ['festival', 'visit'], ['midAutumn']),
  'food-chocolate': tags('可可方舟', ['partner', 'friend'], ['birthday', 'congrats'], ['valentines', 'christmas']),
  'food-tea': tags(
    '狮峰茶社',
    ['elder', 'teacher', 'colleague'],
    ['thanks', 'visit', 'festival'],
    ['springFestival', 'midAutumn', 'teachersDay', 'fathersDay'],
  ),
  'food-nuts': tags('山野果园', ['elder', 'colleague', 'friend'], ['visit', 'daily', 'festival'], ['springFestival']),
  'food-wine': tags(
    '贺兰酒庄',
    ['elder', 'partner', 'colleague'],
    ['festival', 'congrats'],
    ['springFestival', 'fathersDay', 'christmas'],
  ),
  'food-coffee': tags('云岭咖啡', ['friend', 'colleague'], ['daily', 'thanks']),
  'food-xmas-2025': tags('可可方舟', ['child', 'friend'], ['festival'], ['christmas']),
  // 鲜花绿植
  'flowers-roses': tags('花间集', ['partner'], ['birthday', 'congrats'], ['valentines']),
  'flowers-preserved': tags('花间集', ['partner', 'friend'], ['birthday', 'thanks'], ['valentines', 'mothersDay']),
  'flowers-succulent': tags('绿意小筑', ['friend', 'colleague'], ['daily', 'congrats']),
  'flowers-orchid': tags(
    '绿意小筑',
    ['elder', 'teacher'],
    ['festival', 'visit', 'congrats'],
    ['springFestival', 'teachersDay', 'mothersDay'],
  ),
  'flowers-weekly': tags('花间集', ['partner', 'friend'], ['daily', 'birthday'], ['mothersDay']),
  'flowers-sakura': tags('绿意小筑', ['friend', 'partner'], ['congrats', 'daily']),
  // 美妆个护
  'beauty-lipstick': tags('绯色', ['partner', 'friend'], ['birthday', 'festival'], ['valentines', 'christmas']),
  'beauty-cream': tags('润颜', ['elder', 'partner'], ['birthday', 'thanks'], ['mothersDay']),
  'beauty-perfume': tags('东方木语', ['partner', 'friend'], ['birthday', 'congrats'], ['valentines', 'christmas']),
  'beauty-skincare-set': tags(
    '润颜',
    ['elder', 'partner', 'friend'],
    ['birthday', 'festival'],
    ['mothersDay', 'christmas'],
  ),
  'beauty-hand-cream': tags(
    '润颜',
    ['colleague', 'teacher', 'friend'],
    ['thanks', 'daily'],
    ['teachersDay', 'christmas'],
  ),
  // 数码电器
  'digital-earbuds': tags('声悦', ['partner', 'friend', 'colleague'], ['birthday', 'congrats'], ['christmas']),
  'digital-camera': tags('光影', ['partner'], ['congrats']),
  'digital-laptop': tags('轻朗', ['partner', 'child'], ['congrats']),
  'digital-watch': tags('律动', ['partner', 'elder', 'friend'], ['birthday', 'congrats'], ['fathersDay']),
  'digital-speaker': tags('声悦', ['friend', 'child', 'colleague'], ['birthday', 'daily'], ['christmas']),
  'digital-powerbank': tags('轻朗', ['colleague', 'friend'], ['daily', 'thanks']),
  // 家居生活
  'home-massage-chair': tags('安享', ['elder'], ['festival', 'visit']),
  'home-tea-table': tags('木语堂', ['elder'], ['congrats', 'festival'], ['fathersDay']),
  'home-aroma': tags('木语堂', ['friend', 'partner', 'colleague'], ['birthday', 'thanks', 'daily'], ['christmas']),
  'home-blanket': tags('安享', ['elder', 'partner'], ['visit', 'festival'], ['mothersDay', 'christmas']),
  'home-mug': tags('陶然', ['friend', 'colleague', 'teacher'], ['daily', 'thanks'], ['teachersDay']),
  // 服饰鞋包
  'fashion-scarf': tags(
    '暖织',
    ['elder', 'partner'],
    ['festival', 'birthday'],
    ['mothersDay', 'christmas', 'springFestival'],
  ),
  'fashion-sneakers': tags('步履', ['partner', 'friend'], ['birthday']),
  'fashion-tote': tags('步履', ['friend', 'colleague'], ['daily', 'thanks']),
  'fashion-hoodie': tags('暖织', ['partner', 'friend'], ['birthday', 'daily'], ['valentines']),
  'fashion-wallet': tags('步履', ['partner', 'elder'], ['birthday', 'congrats'], ['fathersDay', 'valentines']),
  // 母婴玩具
  'baby-blocks': tags('童趣岛', ['child'], ['birthday', 'festival'], ['christmas', 'springFestival']),
  'baby-plush': tags('童趣岛', ['child'], ['birthday', 'visit'], ['christmas']),
  'baby-gift-box': tags('棉朵', ['child'], ['congrats', 'visit']),
  'baby-scooter': tags('童趣岛', ['child'], ['birthday']),
  'baby-puzzle': tags('棉朵', ['child'], ['birthday', 'daily']),
  // 珠宝首饰 (not giftable: the category rule)
  'jewellery-gold-bangle': tags('金韵', ['elder', 'partner'], ['congrats', 'festival'], ['mothersDay']),
  'jewellery-necklace': tags('金韵', ['partner'], ['birthday'], ['valentines']),
  'jewellery-pearl': tags('金韵', ['partner', 'elder'], ['birthday'], ['mothersDay']),
  'jewellery-diamond': tags('金韵', ['partner'], ['congrats'], ['valentines']),
  // 教育培训 (not giftable: the category rule)
  'education-coding': tags('启明学堂', ['child'], ['birthday']),
  'education-ielts': tags('启明学堂', ['friend'], ['congrats']),
  'education-calligraphy': tags('启明学堂', ['child', 'friend'], ['daily']),
  'education-piano': tags('启明学堂', ['child'], ['birthday']),
  // 图书文创
  'books-postcard': tags('纸上城市', ['friend', 'colleague'], ['thanks', 'daily']),
  'books-notebook': tags('纸上城市', ['friend', 'teacher', 'colleague'], ['thanks', 'birthday'], ['teachersDay']),
  'books-classic': tags('典藏书局', ['teacher', 'elder', 'child'], ['thanks', 'congrats'], ['teachersDay']),
  'books-calendar': tags(
    '典藏书局',
    ['elder', 'colleague', 'teacher'],
    ['festival', 'thanks'],
    ['springFestival', 'christmas'],
  ),
  'books-pen': tags(
    '典藏书局',
    ['teacher', 'colleague', 'elder'],
    ['thanks', 'congrats'],
    ['teachersDay', 'fathersDay'],
  ),
};

export function giftTagsFor(productId: string): ProductGiftTags {
  const found = PRODUCT_GIFT_TAGS[productId];
  if (!found) throw new Error(`${productId}: no gift-finder tags in scripts/catalogue/giftTags.ts`);
  return {
    brand: found.brand,
    recipientTags: [...found.recipientTags],
    occasionTags: [...found.occasionTags],
    seasonTags: [...found.seasonTags],
  };
}
