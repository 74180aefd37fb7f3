import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { StateView } from '@/components/StateView';
import { OrderErrors } from '@domain/order/errors';
import { useRouter } from '@/platform/lifecycle';
import { goHome, redirectTo, routes } from '@/platform/navigation';
import { getOrder, type OrderCardView } from '@/services/order';
import { useOrderActions } from '@/packages/order/components/useOrderActions';
import '@/packages/order/components/order.scss';
import './index.scss';

type LoadState =
  { kind: 'loading' } | { kind: 'ready'; order: OrderCardView } | { kind: 'failed'; code: string; message: string };

/** After the pay sheet WeChat's notification may take a moment to reach the server: ask a few times. */
const CONFIRM_ATTEMPTS = 5;
const CONFIRM_INTERVAL_MS = 1200;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 支付结果: 支付成功, or 支付未完成 with 继续支付 (the order stays payable for 30 minutes). */
export default function OrderResultPage() {
  const { orderId = '', outcome = '' } = useRouter().params;
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const alive = useRef(true);

  const load = useCallback(async () => {
    if (!orderId) {
      setState({ kind: 'failed', ...OrderErrors.NOT_FOUND });
      return;
    }
    setState({ kind: 'loading' });
    const attempts = outcome === 'paid' ? CONFIRM_ATTEMPTS : 1;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const answer = await getOrder(orderId);
      if (!alive.current) return;
      if (!answer.ok) {
        setState({ kind: 'failed', code: answer.code, message: answer.message });
        return;
      }
      if (answer.data.status !== 'pendingPayment' || attempt === attempts) {
        setState({ kind: 'ready', order: answer.data });
        return;
      }
      await wait(CONFIRM_INTERVAL_MS);
    }
  }, [orderId, outcome]);

  useEffect(() => {
    alive.current = true;
    void load();
    return () => {
      alive.current = false;
    };
  }, [load]);

  const actions = useOrderActions(() => void load());

  if (state.kind === 'loading') {
    return <StateView kind='loading' skeleton='rows' />;
  }
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
  const paid = order.status !== 'pendingPayment' && order.status !== 'cancelled';
  const title = paid ? '支付成功' : order.status === 'cancelled' ? '订单已取消' : '支付未完成';
  const hint = paid
    ? `实付 ${order.totalText}，${order.statusHint}`
    : order.status === 'cancelled'
      ? order.statusHint
      : '订单已保留，请在30分钟内完成支付，超时将自动取消';

  return (
    <View className='order-result' data-testid='order-result'>
      <View className={`order-result__icon${paid ? '' : ' order-result__icon--pending'}`}>{paid ? '✓' : '!'}</View>
      <View className='order-result__title'>{title}</View>
      <View className='order-result__hint'>{hint}</View>
      <View className='order-result__amount'>
        订单金额 <Text className='price'>{order.totalText}</Text>
      </View>
      <View className='order-result__actions'>
        {order.actions.includes('pay') && (
          <Button type='danger' block loading={actions.busy} onClick={() => void actions.run('pay', order)}>
            继续支付
          </Button>
        )}
        <Button block fill='outline' onClick={() => void redirectTo(routes.orderDetail({ orderId: order.orderId }))}>
          查看订单
        </Button>
        <Button block fill='none' onClick={() => void goHome()}>
          继续逛逛
        </Button>
      </View>
    </View>
  );
}
