/**
 * `logistics.getPath` (物流助手 查询运单轨迹) as the local cloud answers it: a plausible trace that grows
 * with the local cloud's clock. A waybill is known from the first time a function asks about it (the
 * shop asks when it ships, server/logistics.ts), and that moment stands for the hand-over to the
 * carrier: 揽收 within hours, 运输中 over 1–3 days, then 派送中 and 已签收 the same day. Offsets, cities
 * and wording are derived from the carrier and waybill number alone, so a waybill's trace is the same
 * on every run and every machine.
 */
import crypto from 'node:crypto';

const HOUR_MS = 3600_000;

/** getPath's action_type codes (WeChat documents these values). */
export const ACTION_TYPES = {
  collected: 100001,
  inTransit: 200001,
  delivering: 300002,
  signed: 300003,
} as const;

/** Some of WeChat's delivery ids (getAllDelivery) with their names; WeChat refuses any other id. */
export const SIMULATED_CARRIERS: Readonly<Record<string, string>> = {
  SF: '顺丰速运',
  ZTO: '中通快递',
  YTO: '圆通速递',
  YUNDA: '韵达快递',
  STO: '申通快递',
  JTSD: '极兔速递',
  EMS: '中国邮政速递物流',
  JDL: '京东快递',
  DB: '德邦快递',
  BEST: '百世快递',
  HHTT: '天天快递',
  UCE: '优速快递',
  ANE: '安能物流',
  PJ: '品骏快递',
};

/** What WeChat answers for a delivery id it does not know. */
export const UNKNOWN_DELIVERY_ERROR = { errcode: 9300503, errmsg: 'Specified delivery id is not registerred' };

const ORIGINS = ['杭州', '广州', '上海', '苏州', '深圳'];
const HUBS = ['南京', '武汉', '郑州', '长沙', '合肥', '济南'];
const DESTINATIONS = ['北京', '成都', '西安', '天津', '重庆', '沈阳', '厦门', '青岛'];

export interface SimulatedPathItem {
  /** Unix seconds */
  action_time: number;
  action_type: number;
  action_msg: string;
}

/** A stable stream of numbers from the waybill (each call to `next` gives the next one). */
function seeded(deliveryId: string, waybillId: string): { next: (range: number) => number } {
  const digest = crypto.createHash('sha256').update(`${deliveryId}:${waybillId}`).digest();
  let position = 0;
  return {
    next: (range: number) => {
      const value = digest.readUInt16BE(position % (digest.length - 1));
      position += 2;
      return value % range;
    },
  };
}

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

/** The whole trace the parcel will have, its hand-over to the carrier at `handedOverAt` (ms). */
export function plannedPath(deliveryId: string, waybillId: string, handedOverAt: number): SimulatedPathItem[] {
  const random = seeded(deliveryId, waybillId);
  const carrier = SIMULATED_CARRIERS[deliveryId] ?? deliveryId;
  const origin = pick(ORIGINS, random.next(ORIGINS.length));
  const hub = pick(HUBS, random.next(HUBS.length));
  const destination = pick(DESTINATIONS, random.next(DESTINATIONS.length));
  const transitDays = 1 + random.next(3);

  const collectedAt = handedOverAt + HOUR_MS + random.next(3 * 60) * 60_000;
  const leftOriginAt = collectedAt + 3 * HOUR_MS + random.next(3 * 60) * 60_000;
  const reachedDestinationAt = collectedAt + transitDays * 24 * HOUR_MS - 6 * HOUR_MS;
  const deliveringAt = reachedDestinationAt + 4 * HOUR_MS + random.next(2 * 60) * 60_000;
  const signedAt = deliveringAt + 2 * HOUR_MS + random.next(3 * 60) * 60_000;

  const steps: Array<[number, number, string]> = [
    [collectedAt, ACTION_TYPES.collected, `【${origin}】${carrier}快递员已揽收`],
    [leftOriginAt, ACTION_TYPES.inTransit, `快件已从【${origin}转运中心】发出，下一站【${hub}转运中心】`],
  ];
  if (transitDays > 1) {
    const atHub = leftOriginAt + (reachedDestinationAt - leftOriginAt) / 2;
    steps.push([atHub, ACTION_TYPES.inTransit, `快件已到达【${hub}转运中心】，正发往【${destination}】`]);
  }
  steps.push(
    [reachedDestinationAt, ACTION_TYPES.inTransit, `快件已到达【${destination}转运中心】`],
    [deliveringAt, ACTION_TYPES.delivering, `【${destination}】快递员正在派送，请保持电话畅通`],
    [signedAt, ACTION_TYPES.signed, `快件已签收，签收人：本人。感谢使用${carrier}`],
  );
  return steps.map(([at, type, message]) => ({
    action_time: Math.floor(at / 1000),
    action_type: type,
    action_msg: message,
  }));
}

/** The trace as it stands at `now`: the planned steps that have happened, oldest first. */
export function pathAt(deliveryId: string, waybillId: string, handedOverAt: number, now: number): SimulatedPathItem[] {
  const nowSeconds = Math.floor(now / 1000);
  return plannedPath(deliveryId, waybillId, handedOverAt).filter((item) => item.action_time <= nowSeconds);
}
