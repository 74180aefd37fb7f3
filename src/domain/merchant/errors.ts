import { defineErrors } from '@domain/errors';

/** Failures of the merchant function's catalogue editing (saveProduct) and lookups. */
export const MerchantErrors = defineErrors('MERCHANT', {
  NAME_REQUIRED: '请填写商品名称',
  NAME_TOO_LONG: '商品名称太长',
  INVALID_TEXT: '文字包含无法保存的字符',
  UNKNOWN_CATEGORY: '商品分类不存在',
  IMAGE_REQUIRED: '请至少上传一张商品图片',
  INVALID_IMAGE: '商品图片地址不正确',
  INVALID_SPECS: '规格设置不正确',
  NO_SKUS: '请至少设置一个规格',
  TOO_MANY_SKUS: '规格组合太多',
  DUPLICATE_SKU: '规格组合重复',
  INVALID_PRICE: '价格不正确',
  INVALID_STOCK: '库存不正确',
  STOCK_CHANGED: '库存已被订单占用或修改，请刷新后再改',
  INVALID_TAGS: '送礼标签不正确',
  PRODUCT_NOT_FOUND: '商品不存在',
  SKU_NOT_FOUND: '规格不存在',
});
