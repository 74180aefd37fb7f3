import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { ExpiryCountdown } from '@/components/ExpiryCountdown';
import { ParcelTracking } from '@/components/ParcelTracking';
import { StateView } from '@/components/StateView';
import { formatFen } from '@domain/money';
import { OrderErrors } from '@domain/order/errors';
import { CANCEL_REASON_LABELS } from '@domain/order/views';
import { useDidShow, useRouter } from '@/platform/lifecycle';
import { getOrder, type OrderCardView } from '@/services/order';
import { AfterSaleEntry } from '@/packages/order/components/AfterSaleEntry';
import { OrderActions } from '@/packages/order/components/OrderActions';
import { OrderItems } from '@/packages/order/components/OrderItems';
import '@/packages/order/components/order.scss';
import './index.scss';

type LoadState =
  { kind: 'loading' } | { kind: 'ready'; order: OrderCardView } | { kind: 'failed'; code: string; message: string };

const pad = (value: number) => String(value).padStart(2, '0');
const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** '2026-11-25 14:03' in Beijing time (the shop's and the order number's time zone), whatever the phone's. */
const formatTime = (epochMs: number): string => {
  const date = new Date(epochMs + BEIJING_OFFSET_MS);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
};

/** 订单详情: status with the 待付款 countdown, items, address, amounts, times, and the buyer's buttons. */
export default function OrderDetailPage() {
  const orderId = useRouter().params.orderId ?? '';
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  const load = useCallback(async () => {
    if (!orderId) {
      setState({ kind: 'failed', ...OrderErrors.NOT_FOUND });
      return;
    }
    const answer = await getOrder(orderId);
    setState(
      answer.ok
        ? { kind: 'ready', order: answer.data }
        : { kind: 'failed', code: answer.code, message: answer.message },
    );
  }, [orderId]);

  useEffect(() => {
    void load();
  }, [load]);
  useDidShow(() => {
    if (state.kind === 'ready') void load();
  });

  if (state.kind === 'loading') return <StateView kind='loading' skeleton='rows' />;
  if (state.kind === 'failed') {
    return (
      <StateView
        kind='error'
        message={state.message}
        code={state.code}
        actionText='重试'
        onAction={() => void load()}
      />
    );
  }

  const { order } = state;
  const forRecipient = order.viewer === 'recipient';
  const lines: Array<[string, string]> = [
    ['订单编号', order.orderId],
    ...(forRecipient ? [] : ([['下单时间', formatTime(order.createdAt)]] as Array<[string, string]>)),
    ...(order.paidAt && !forRecipient ? ([['支付时间', formatTime(order.paidAt)]] as Array<[string, string]>) : []),
    ...(order.shipping ? ([['发货时间', formatTime(order.shipping.shippedAt)]] as Array<[string, string]>) : []),
    ...(order.completedAt ? ([['完成时间', formatTime(order.completedAt)]] as Array<[string, string]>) : []),
    ...(order.cancelledAt ? ([['取消时间', formatTime(order.cancelledAt)]] as Array<[string, string]>) : []),
    ...(order.cancelReason
      ? ([['取消原因', CANCEL_REASON_LABELS[order.cancelReason]]] as Array<[string, string]>)
      : []),
  ];

  return (
    <View className='order-page order-detail' data-testid='order-detail'>
      <View className='order-detail__status'>
        <View className='order-detail__label' data-testid='order-status'>
          {order.statusLabel}
        </View>
        <View className='order-detail__hint'>{order.statusHint}</View>
        {order.status === 'pendingPayment' && (
          <View className='order-detail__countdown'>
            <ExpiryCountdown expireAt={order.expiresAt} label='剩余支付时间' onExpire={() => void load()} />
          </View>
        )}
        {order.lateRefund && (
          <View className='order-detail__hint'>
            订单取消后收到的付款 {formatFen(order.lateRefund.refundFee)}
            {order.lateRefund.state === 'refunded' ? '已原路退回' : '正在原路退回'}
          </View>
        )}
      </View>

      {order.shipping && (
        <ParcelTracking
          orderId={order.orderId}
          expressCompany={order.shipping.expressCompany}
          trackingNo={order.shipping.trackingNo}
        />
      )}

      {order.addressText && (
        <View className='order-card'>
          <View className='order-card__title'>收货信息</View>
          <View className='order-detail__contact'>{order.contactText}</View>
          <View className='order-detail__address'>{order.addressText}</View>
        </View>
      )}

      <View className='order-card'>
        <View className='order-card__title'>{order.kind === 'gift' ? '礼物' : '商品'}</View>
        <OrderItems items={order.items} />
        {order.totalText === null ? (
          <View className='order-card__line' data-testid='order-from-friend'>
            <Text>好友送的礼物</Text>
            <Text className='order-card__value'>来自 {order.giverNickname ?? '好友'}</Text>
          </View>
        ) : (
          <>
            <View className='order-card__line'>
              <Text>商品金额</Text>
              <Text className='order-card__value'>{order.totalText}</Text>
            </View>
            <View className='order-card__line'>
              <Text>运费</Text>
              <Text className='order-card__value'>免运费</Text>
            </View>
            <View className='order-card__line'>
              <Text>{order.paidAt ? '实付款' : '应付款'}</Text>
              <Text className='order-card__value order-card__value--price'>{order.totalText}</Text>
            </View>
          </>
        )}
      </View>

      <View className='order-card'>
        {lines.map(([label, value]) => (
          <View key={label} className='order-card__line'>
            <Text>{label}</Text>
            <Text className='order-card__value'>{value}</Text>
          </View>
        ))}
      </View>

      <AfterSaleEntry order={order} />

      {order.actions.length > 0 && (
        <OrderActions
          className='order-bar'
          order={order}
          onChanged={(changed) => (changed ? setState({ kind: 'ready', order: changed }) : void load())}
        />
      )}
    </View>
  );
}
