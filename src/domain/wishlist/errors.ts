import { defineErrors } from '@domain/errors';

/**
 * Expected failures of wish lists (心愿单). A wrong or malformed share token answers NOT_FOUND and
 * nothing else, so a guess learns nothing about which lists exist.
 */
export const WishlistErrors = defineErrors('WISHLIST', {
  NOT_FOUND: '心愿单链接无效，请让好友重新分享',
  SKU_NOT_FOUND: '商品规格不存在',
  FULL: '心愿单最多放50件，请先移除一些',
  NOT_IN_LIST: '该商品不在心愿单中',
  NOTE_INVALID: '备注包含无法显示的字符，请删除后重新输入',
  NOTE_TOO_LONG: '备注不能超过50个字',
  PREFERENCE_INVALID: '偏好包含无法显示的字符，请删除后重新输入',
  PREFERENCE_TOO_LONG: '偏好描述过长',
  TOO_MANY_CATEGORIES: '喜欢的分类最多选10个',
  CATEGORY_NOT_FOUND: '分类不存在',
  OWN_WISHLIST: '不能从自己的心愿单给自己送礼物',
  ALREADY_BEING_GIFTED: '已有好友准备这件礼物，换一件心愿吧',
  BUSY: '心愿单正在更新，请稍后重试',
});
