import { defineErrors } from '@domain/errors';

/** Expected failures of after-sales (售后). Codes are stable; messages are what people read. */
export const AfterSaleErrors = defineErrors('AFTERSALE', {
  NOT_FOUND: '售后单不存在',
  GIVER_CANNOT_APPLY: '礼物的售后由收礼人申请，送礼人可查看售后进度',
  NOT_ELIGIBLE: '该订单当前不能申请售后',
  WINDOW_CLOSED: '已超过售后期限（确认收货后7天内可申请）',
  TYPE_NOT_ALLOWED: '商品尚未发货，请选择仅退款',
  REASON_NOT_ALLOWED: '请选择与售后类型相符的原因',
  ALREADY_OPEN: '该订单已有进行中的售后，请先处理或撤销',
  INVALID_STATE: '售后单当前状态不支持此操作',
  NOTE_REQUIRED: '拒绝售后时请填写拒绝原因',
});
