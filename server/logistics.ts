/**
 * The ONE place that asks WeChat where a parcel is: `cloud.openapi.logistics.getPath` (物流助手
 * 查询运单轨迹, callable from cloud functions; the 物流查询组件's trace_waybill/query_trace are not). The
 * local cloud answers it with a simulated trace (local-cloud/openapi/logistics.ts). A trace that
 * cannot be read is `null`: pages then show the carrier and number without a timeline, never an error.
 */
import type { PathItem } from '@domain/logistics/timeline';
import { openapi } from './cloud';

export interface ParcelQuery {
  /** WeChat's delivery_id (src/domain/logistics/carriers.ts) */
  carrierCode: string;
  trackingNo: string;
  /** who follows the parcel: WeChat sends them its 物流服务通知 */
  openid?: string;
}

export async function fetchParcelTrace(query: ParcelQuery): Promise<{ items: PathItem[] } | null> {
  try {
    const answer = await openapi.logistics.getPath({
      deliveryId: query.carrierCode,
      waybillId: query.trackingNo,
      ...(query.openid ? { openid: query.openid } : {}),
    });
    if (answer.errCode !== 0) {
      console.error('[logistics] getPath refused', query.carrierCode, query.trackingNo, answer.errCode, answer.errMsg);
      return null;
    }
    return {
      items: (answer.pathItemList ?? []).map((item) => ({
        actionTime: Number(item.actionTime),
        actionType: Number(item.actionType),
        actionMsg: String(item.actionMsg),
      })),
    };
  } catch (error) {
    console.error('[logistics] getPath failed', query.carrierCode, query.trackingNo, error);
    return null;
  }
}

/**
 * Tells WeChat about a parcel the moment it ships (the first getPath for a waybill, which also signs
 * up its follower for WeChat's own logistics notices). Failing here never stops the shipping.
 */
export async function startParcelTrace(query: ParcelQuery): Promise<void> {
  await fetchParcelTrace(query);
}
