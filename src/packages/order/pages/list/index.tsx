import { Text, View } from '@tarojs/components';
import { Tabs } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { StateView } from '@/components/StateView';
import { stopPullDownRefresh } from '@/platform/feedback';
import { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@/platform/lifecycle';
import { navigateTo, routes } from '@/platform/navigation';
import { listOrders, ORDER_TABS, type OrderCardView } from '@/services/order';
import { OrderActions } from '@/packages/order/components/OrderActions';
import { OrderItems } from '@/packages/order/components/OrderItems';
import '@/packages/order/components/order.scss';
import './index.scss';

type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

const tabOf = (key: string | undefined) => ORDER_TABS.find((tab) => tab.key === key) ?? ORDER_TABS[0]!;

/** 我的订单: tabs 全部 / 待付款 / 待发货 / 已发货 / 已完成 / 已取消, newest first, paged as the user scrolls. */
export default function OrderListPage() {
  const initialStatus = useRouter().params.status;
  const [tabKey, setTabKey] = useState(() => tabOf(initialStatus).key);
  const [orders, setOrders] = useState<OrderCardView[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [moreFailed, setMoreFailed] = useState<string | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);
  const shownOnce = useRef(false);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    busy.current = true;
    const answer = await listOrders(tabOf(tabKey).status, null);
    if (mine !== generation.current) return;
    busy.current = false;
    if (answer.ok) {
      setOrders(answer.data.items);
      setNextCursor(answer.data.nextCursor);
      setMoreFailed(null);
      setState({ kind: 'ready' });
    } else {
      setState({ kind: 'failed', message: answer.message });
    }
  }, [tabKey]);

  const loadMore = useCallback(async () => {
    if (busy.current || !nextCursor) return;
    const mine = generation.current;
    busy.current = true;
    const answer = await listOrders(tabOf(tabKey).status, nextCursor);
    if (mine !== generation.current) return;
    busy.current = false;
    if (answer.ok) {
      setOrders((shown) => [
        ...shown,
        ...answer.data.items.filter((order) => !shown.some((o) => o.orderId === order.orderId)),
      ]);
      setNextCursor(answer.data.nextCursor);
      setMoreFailed(null);
    } else {
      setMoreFailed(answer.message);
    }
  }, [tabKey, nextCursor]);

  useEffect(() => {
    setState({ kind: 'loading' });
    setOrders([]);
    void reload();
  }, [reload]);

  // Coming back from an order page: statuses may have changed (paid, cancelled, received).
  useDidShow(() => {
    if (shownOnce.current) void reload();
    shownOnce.current = true;
  });
  usePullDownRefresh(() => {
    void reload().finally(stopPullDownRefresh);
  });
  useReachBottom(() => {
    void loadMore();
  });

  const replace = (changed: OrderCardView | null) => {
    if (!changed) {
      void reload();
      return;
    }
    const status = tabOf(tabKey).status;
    setOrders((shown) =>
      shown.flatMap((order) =>
        order.orderId !== changed.orderId ? [order] : status && changed.status !== status ? [] : [changed],
      ),
    );
  };

  return (
    <View className='order-list'>
      <View className='order-list__tabs'>
        <Tabs value={tabKey} activeColor='#e4393c' onChange={(value) => setTabKey(String(value))}>
          {ORDER_TABS.map((tab) => (
            <Tabs.TabPane key={tab.key} title={tab.title} value={tab.key} />
          ))}
        </Tabs>
      </View>
      <View className='order-page'>
        {state.kind === 'loading' ? (
          <StateView kind='loading' skeleton='rows' />
        ) : state.kind === 'failed' ? (
          <StateView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
        ) : orders.length === 0 ? (
          <StateView kind='empty' message={`暂无${tabKey === 'all' ? '' : tabOf(tabKey).title}订单`} />
        ) : (
          <>
            {orders.map((order) => (
              <View
                key={order.orderId}
                className='order-card'
                data-testid='order-card'
                onClick={() => void navigateTo(routes.orderDetail({ orderId: order.orderId }))}
              >
                <View className='order-card__header'>
                  <Text className='order-card__id'>
                    {order.viewer === 'recipient' && (
                      <Text className='order-card__tag' data-testid='order-from-friend'>
                        好友送的
                      </Text>
                    )}
                    {order.kind === 'gift' ? '礼物订单' : '订单'} {order.orderId}
                  </Text>
                  <Text className='order-card__status'>{order.statusLabel}</Text>
                </View>
                <OrderItems items={order.items} />
                {order.totalText === null ? (
                  <View className='order-card__total'>
                    {order.giverNickname ? `${order.giverNickname}送你的礼物` : '好友送你的礼物'}
                  </View>
                ) : (
                  <View className='order-card__total'>
                    共 {order.quantityTotal} 件 合计 <Text className='price'>{order.totalText}</Text>
                  </View>
                )}
                <OrderActions order={order} onChanged={replace} />
              </View>
            ))}
            <View className='order-list__more'>
              {moreFailed ? (
                <Text onClick={() => void loadMore()}>{moreFailed}，点击重试</Text>
              ) : nextCursor ? (
                <Text onClick={() => void loadMore()}>上拉加载更多</Text>
              ) : (
                <Text>没有更多了</Text>
              )}
            </View>
          </>
        )}
      </View>
    </View>
  );
}
