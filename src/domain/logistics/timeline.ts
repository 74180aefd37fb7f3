/**
 * A parcel's logistics timeline as buyers and recipients read it (已揽收 / 运输中 / 派送中 / 已签收), built
 * from the trace WeChat's logistics API answers (`logistics.getPath`: path items with an action_type
 * code, a Unix time and a message). Pure: server/logistics.ts asks WeChat, this decides what it means.
 */

/** WeChat's getPath action_type codes (物流助手 查询运单轨迹). */
export const PATH_ACTION_TYPES = {
  COLLECTED: 100001,
  COLLECT_FAILED: 100002,
  COURIER_ASSIGNED: 100003,
  IN_TRANSIT: 200001,
  DELIVERING: 300002,
  SIGNED: 300003,
  SIGN_FAILED: 300004,
  CANCELLED: 400001,
  HELD: 400002,
} as const;

export type ParcelStage = 'awaitingPickup' | 'collected' | 'inTransit' | 'delivering' | 'signed' | 'exception';

export const PARCEL_STAGE_LABELS: Record<ParcelStage, string> = {
  awaitingPickup: '待揽收',
  collected: '已揽收',
  inTransit: '运输中',
  delivering: '派送中',
  signed: '已签收',
  exception: '异常',
};

/** One step of the trace, as getPath answers it (camelCased by wx-server-sdk). */
export interface PathItem {
  /** Unix seconds */
  actionTime: number;
  actionType: number;
  actionMsg: string;
}

export interface TrackingEvent {
  /** ms since the epoch */
  at: number;
  stage: ParcelStage;
  stageLabel: string;
  text: string;
}

/** What `order.getTracking` answers: the carrier, the number and the timeline, newest event first. */
export interface ParcelTracking {
  expressCompany: string;
  /** WeChat's delivery_id, null for orders shipped before carriers were a list */
  carrierCode: string | null;
  trackingNo: string;
  shippedAt: number;
  stage: ParcelStage;
  stageLabel: string;
  events: TrackingEvent[];
  /** false when the carrier's trace could not be read just now (the events are then empty) */
  traceAvailable: boolean;
}

export function stageOfAction(actionType: number): ParcelStage {
  switch (actionType) {
    case PATH_ACTION_TYPES.COLLECTED:
    case PATH_ACTION_TYPES.COURIER_ASSIGNED:
      return 'collected';
    case PATH_ACTION_TYPES.IN_TRANSIT:
      return 'inTransit';
    case PATH_ACTION_TYPES.DELIVERING:
      return 'delivering';
    case PATH_ACTION_TYPES.SIGNED:
      return 'signed';
    default:
      return 'exception';
  }
}

/** The trace's events, newest first (WeChat lists them oldest first; the page shows the latest on top). */
export function toTrackingEvents(items: readonly PathItem[]): TrackingEvent[] {
  return items
    .map((item) => {
      const stage = stageOfAction(item.actionType);
      return { at: item.actionTime * 1000, stage, stageLabel: PARCEL_STAGE_LABELS[stage], text: item.actionMsg };
    })
    .sort((a, b) => b.at - a.at);
}

/** Where the parcel is: its latest event's stage, 已签收 once signed whatever came after, 待揽收 before any. */
export function parcelStage(events: readonly TrackingEvent[]): ParcelStage {
  if (events.some((event) => event.stage === 'signed')) return 'signed';
  return events[0]?.stage ?? 'awaitingPickup';
}

export interface ShippedParcel {
  expressCompany: string;
  carrierCode: string | null;
  trackingNo: string;
  shippedAt: number;
}

export function toParcelTracking(
  parcel: ShippedParcel,
  trace: { items: readonly PathItem[] } | null,
  orderCompleted = false,
): ParcelTracking {
  const events = trace ? toTrackingEvents(trace.items) : [];
  // A completed order was received, whatever the carrier's trace says yet.
  const stage = orderCompleted ? 'signed' : parcelStage(events);
  return {
    expressCompany: parcel.expressCompany,
    carrierCode: parcel.carrierCode,
    trackingNo: parcel.trackingNo,
    shippedAt: parcel.shippedAt,
    stage,
    stageLabel: PARCEL_STAGE_LABELS[stage],
    events,
    traceAvailable: trace !== null,
  };
}
