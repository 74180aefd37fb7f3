import { Button, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { formatChinaDateTime } from '@domain/clock';
import type { ParcelTracking as Tracking } from '@domain/logistics/timeline';
import { copyText } from '@/platform/clipboard';
import { showToast } from '@/platform/feedback';
import { getTracking } from '@/services/order';
import './index.scss';

export interface ParcelTrackingProps {
  orderId: string;
  /** shown at once, before the timeline arrives */
  expressCompany: string;
  trackingNo: string;
}

type TimelineState = { kind: 'loading' } | { kind: 'ready'; tracking: Tracking } | { kind: 'failed'; message: string };

/**
 * 物流信息 for the buyer of a self order and the recipient of a gift (order.getTracking refuses anyone
 * else): carrier, number with a copy button, the stage and the timeline, newest first.
 */
export function ParcelTracking({ orderId, expressCompany, trackingNo }: ParcelTrackingProps) {
  const [state, setState] = useState<TimelineState>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const answer = await getTracking(orderId);
    setState(answer.ok ? { kind: 'ready', tracking: answer.data } : { kind: 'failed', message: answer.message });
  }, [orderId]);

  useEffect(() => {
    void load();
  }, [load]);

  const copy = async () => {
    showToast((await copyText(trackingNo)) ? '运单号已复制' : '复制失败，请长按运单号手动复制');
  };

  return (
    <View className='parcel-tracking' data-testid='parcel-tracking'>
      <View className='parcel-tracking__header'>
        <Text className='parcel-tracking__title'>物流信息</Text>
        {state.kind === 'ready' && (
          <Text className='parcel-tracking__stage' data-testid='parcel-stage'>
            {state.tracking.stageLabel}
          </Text>
        )}
      </View>
      <View className='parcel-tracking__waybill'>
        <View className='parcel-tracking__waybill-text'>
          <Text className='parcel-tracking__carrier'>{expressCompany}</Text>
          <Text className='parcel-tracking__number' selectable>
            {trackingNo}
          </Text>
        </View>
        <Button className='parcel-tracking__copy' size='mini' onClick={() => void copy()}>
          复制
        </Button>
      </View>
      {state.kind === 'loading' && <View className='parcel-tracking__note'>正在查询物流…</View>}
      {state.kind === 'failed' && (
        <View className='parcel-tracking__note' onClick={() => void load()}>
          {state.message}，点此重试
        </View>
      )}
      {state.kind === 'ready' && state.tracking.events.length === 0 && (
        <View className='parcel-tracking__note'>
          {state.tracking.traceAvailable ? '包裹已交给快递公司，等待揽收' : '暂时查不到物流信息，请稍后再试'}
        </View>
      )}
      {state.kind === 'ready' && state.tracking.events.length > 0 && (
        <View className='parcel-tracking__events' data-testid='parcel-events'>
          {state.tracking.events.map((event, index) => (
            <View
              key={`${event.at}-${index}`}
              className={`parcel-tracking__event${index === 0 ? ' parcel-tracking__event--latest' : ''}`}
            >
              <View className='parcel-tracking__dot' />
              <View className='parcel-tracking__event-body'>
                <View className='parcel-tracking__event-head'>
                  <Text className='parcel-tracking__event-stage'>{event.stageLabel}</Text>
                  <Text className='parcel-tracking__event-time'>{formatChinaDateTime(event.at)}</Text>
                </View>
                <View className='parcel-tracking__event-text'>{event.text}</View>
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
