import { defineErrors } from '@domain/errors';

/** Expected failures of shipping and tracking parcels. Codes are stable; messages are what people read. */
export const LogisticsErrors = defineErrors('LOGISTICS', {
  UNKNOWN_CARRIER: '请选择列表中的快递公司',
  INVALID_TRACKING_NO: '快递单号格式不正确',
  TRACKING_UNAVAILABLE: '暂时查不到物流信息，请稍后再试',
});
