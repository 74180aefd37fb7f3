import { PATH_ACTION_TYPES, parcelStage, stageOfAction, toParcelTracking, toTrackingEvents } from './timeline';

const parcel = { expressCompany: '顺丰速运', carrierCode: 'SF', trackingNo: 'SF1400000000001', shippedAt: 1_000_000 };
const item = (actionTime: number, actionType: number, actionMsg = '…') => ({ actionTime, actionType, actionMsg });

describe('the logistics timeline', () => {
  it('maps WeChat’s action types to the four stages people know, anything else to 异常', () => {
    expect(stageOfAction(PATH_ACTION_TYPES.COLLECTED)).toBe('collected');
    expect(stageOfAction(PATH_ACTION_TYPES.COURIER_ASSIGNED)).toBe('collected');
    expect(stageOfAction(PATH_ACTION_TYPES.IN_TRANSIT)).toBe('inTransit');
    expect(stageOfAction(PATH_ACTION_TYPES.DELIVERING)).toBe('delivering');
    expect(stageOfAction(PATH_ACTION_TYPES.SIGNED)).toBe('signed');
    expect(stageOfAction(PATH_ACTION_TYPES.HELD)).toBe('exception');
  });

  it('lists events newest first with their labels, times in ms', () => {
    const events = toTrackingEvents([item(100, 100001, '已揽收'), item(300, 300002, '派送中'), item(200, 200001)]);
    expect(events.map((event) => [event.at, event.stageLabel])).toEqual([
      [300_000, '派送中'],
      [200_000, '运输中'],
      [100_000, '已揽收'],
    ]);
  });

  it('is 待揽收 before any event, the latest event’s stage after, 已签收 once signed', () => {
    expect(parcelStage([])).toBe('awaitingPickup');
    expect(parcelStage(toTrackingEvents([item(1, 100001), item(2, 200001)]))).toBe('inTransit');
    expect(parcelStage(toTrackingEvents([item(1, 300003), item(2, 400002)]))).toBe('signed');
  });

  it('builds what order.getTracking answers; a completed order reads 已签收; no trace is said so', () => {
    const tracking = toParcelTracking(parcel, { items: [item(2_000, 100001, '已揽收')] });
    expect(tracking).toMatchObject({ ...parcel, stage: 'collected', stageLabel: '已揽收', traceAvailable: true });
    expect(tracking.events).toHaveLength(1);
    expect(toParcelTracking(parcel, { items: [] }, true)).toMatchObject({ stage: 'signed', stageLabel: '已签收' });
    expect(toParcelTracking(parcel, null)).toMatchObject({
      stage: 'awaitingPickup',
      events: [],
      traceAvailable: false,
    });
  });
});
