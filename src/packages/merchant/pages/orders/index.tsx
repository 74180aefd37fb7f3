import { Text, View } from '@tarojs/components';
import { Button, Input, Tabs } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { CARRIERS, checkShipment } from '@domain/logistics/carriers';
import { StateView } from '@/components/StateView';
import { showToast, stopPullDownRefresh } from '@/platform/feedback';
import { usePullDownRefresh, useReachBottom, useRouter } from '@/platform/lifecycle';
import { navigateTo, routes } from '@/platform/navigation';
import {
  listMerchantOrders,
  MERCHANT_ORDER_TABS,
  shipMerchantOrder,
  type MerchantOrderCard,
} from '@/services/merchant';
import { AfterSalesList } from '@/packages/merchant/components/AfterSalesList';
import { GiftCardOf } from '@/packages/merchant/components/GiftCardOf';
import { MerchantItems } from '@/packages/merchant/components/MerchantItems';
import '@/packages/merchant/merchant.scss';
import './index.scss';

type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

const tabOf = (key: string | undefined) =>
  MERCHANT_ORDER_TABS.find((tab) => tab.key === key) ?? MERCHANT_ORDER_TABS[0]!;

/** 订单管理: 待发货 / 已发货 / 售后 / 全部; select 待发货 orders and ship them with a carrier and numbers. */
export default function MerchantOrdersPage() {
  const initialTab = useRouter().params.tab;
  const [tabKey, setTabKey] = useState(() => tabOf(initialTab).key);
  const [orders, setOrders] = useState<MerchantOrderCard[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [selected, setSelected] = useState<string[]>([]);
  const [carrierCode, setCarrierCode] = useState<string | null>(null);
  const [trackingNos, setTrackingNos] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [panelError, setPanelError] = useState<string | null>(null);
  const [shipping, setShipping] = useState(false);
  const generation = useRef(0);

  const status = tabOf(tabKey).status;
  const isAfterSales = tabKey === 'afterSales';

  const reload = useCallback(async () => {
    if (tabKey === 'afterSales') return;
    const mine = ++generation.current;
    const answer = await listMerchantOrders(tabOf(tabKey).status, null);
    if (mine !== generation.current) return;
    if (answer.ok) {
      setOrders(answer.data.items);
      setNextCursor(answer.data.nextCursor);
      setState({ kind: 'ready' });
    } else setState({ kind: 'failed', message: answer.message });
  }, [tabKey]);

  const loadMore = async () => {
    if (!nextCursor || isAfterSales) return;
    const mine = generation.current;
    const answer = await listMerchantOrders(status, nextCursor);
    if (mine !== generation.current) return;
    if (!answer.ok) {
      showToast(answer.message);
      return;
    }
    setOrders((shown) => [...shown, ...answer.data.items.filter((o) => !shown.some((s) => s.orderId === o.orderId))]);
    setNextCursor(answer.data.nextCursor);
  };

  useEffect(() => {
    setState({ kind: 'loading' });
    setOrders([]);
    setSelected([]);
    setErrors({});
    setPanelError(null);
    void reload();
  }, [reload]);
  usePullDownRefresh(() => {
    void reload().finally(stopPullDownRefresh);
  });
  useReachBottom(() => {
    void loadMore();
  });

  const toggle = (orderId: string) => {
    setPanelError(null);
    setSelected((ids) => (ids.includes(orderId) ? ids.filter((id) => id !== orderId) : [...ids, orderId]));
  };

  const shipSelected = async () => {
    if (shipping) return;
    const carrier = CARRIERS.find((c) => c.code === carrierCode);
    if (!carrier) {
      setPanelError('请选择快递公司');
      return;
    }
    // Each number is checked against the carrier's format before anything is sent.
    const checks = selected.map(
      (orderId) => [orderId, checkShipment(carrier.code, trackingNos[orderId] ?? '')] as const,
    );
    const wrong = Object.fromEntries(
      checks.flatMap(([orderId, check]) =>
        check.ok ? [] : [[orderId, (trackingNos[orderId] ?? '').trim() ? check.message : '请填写快递单号']],
      ),
    );
    setErrors(wrong);
    if (Object.keys(wrong).length > 0) {
      setPanelError('请检查标红的快递单号');
      return;
    }
    setShipping(true);
    setPanelError(null);
    const failed: Record<string, string> = {};
    const shippedIds: string[] = [];
    for (const [orderId, check] of checks) {
      if (!check.ok) continue;
      const answer = await shipMerchantOrder(orderId, carrier.name, check.data.trackingNo);
      if (answer.ok) shippedIds.push(orderId);
      else failed[orderId] = answer.message;
    }
    setShipping(false);
    setErrors(failed);
    setSelected((ids) => ids.filter((id) => !shippedIds.includes(id)));
    setOrders((shown) => shown.filter((order) => !shippedIds.includes(order.orderId)));
    if (shippedIds.length > 0) showToast(`已发货 ${shippedIds.length} 单`, 'success');
    if (Object.keys(failed).length > 0) setPanelError(`${Object.keys(failed).length} 单发货失败，原因见订单`);
  };

  return (
    <View className='merchant merchant-orders'>
      <View className='merchant-orders__tabs'>
        <Tabs value={tabKey} activeColor='#e4393c' onChange={(value) => setTabKey(String(value))}>
          {MERCHANT_ORDER_TABS.map((tab) => (
            <Tabs.TabPane key={tab.key} title={tab.title} value={tab.key} />
          ))}
        </Tabs>
      </View>
      {isAfterSales ? (
        <AfterSalesList />
      ) : state.kind === 'loading' ? (
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
              className={`merchant__card merchant-order${selected.includes(order.orderId) ? ' merchant-order--selected' : ''}`}
              data-testid='merchant-order'
              data-order-id={order.orderId}
            >
              <View className='merchant__row'>
                <View className='merchant-order__title'>
                  {order.canShip && (
                    <View
                      className={`merchant-order__check${selected.includes(order.orderId) ? ' merchant-order__check--on' : ''}`}
                      data-testid='merchant-order-select'
                      onClick={() => toggle(order.orderId)}
                    >
                      {selected.includes(order.orderId) ? '✓' : ''}
                    </View>
                  )}
                  <Text className={`merchant__tag${order.kind === 'gift' ? '' : ' merchant__tag--grey'}`}>
                    {order.kind === 'gift' ? '礼物' : '自购'}
                  </Text>
                  <Text className='merchant__muted'>{order.orderId}</Text>
                </View>
                <Text className='merchant-order__status'>{order.statusLabel}</Text>
              </View>
              <MerchantItems lines={order.itemLines} />
              <View className='merchant-order__total'>
                合计 <Text className='merchant__price'>{order.totalText}</Text>
              </View>
              <View className='merchant-order__address' data-testid='merchant-order-address'>
                {order.addressText ? (
                  <>
                    <View>{order.contactText}</View>
                    <View className='merchant__muted'>{order.addressText}</View>
                  </>
                ) : (
                  <Text className='merchant__muted'>
                    {order.kind === 'gift' ? '等待好友领取并填写地址' : '暂无收货地址'}
                  </Text>
                )}
              </View>
              {order.giftCard && (
                <View className='merchant-order__card' data-testid='merchant-order-card'>
                  <View className='merchant__muted'>
                    送礼人：{order.giftCard.giverNickname} · 收礼人：{order.giftCard.recipientName ?? '未填写'} · 贺卡：
                    {order.giftCard.cardStyleName}
                  </View>
                  <GiftCardOf card={order.giftCard} />
                </View>
              )}
              {order.shipping && (
                <View className='merchant__muted merchant-order__shipping' data-testid='merchant-order-shipping'>
                  {order.shipping.expressCompany} {order.shipping.trackingNo}
                </View>
              )}
              {errors[order.orderId] && (
                <View className='merchant__error' data-testid='merchant-order-error'>
                  {errors[order.orderId]}
                </View>
              )}
              <View className='merchant__actions'>
                {order.giftCard && (
                  <Button
                    size='small'
                    data-testid='merchant-print-card'
                    onClick={() => void navigateTo(routes.merchantCard({ orderId: order.orderId }))}
                  >
                    打印贺卡
                  </Button>
                )}
                {order.canShip && !selected.includes(order.orderId) && (
                  <Button
                    size='small'
                    type='primary'
                    data-testid='merchant-ship-one'
                    onClick={() => {
                      setSelected([order.orderId]);
                      setPanelError(null);
                    }}
                  >
                    发货
                  </Button>
                )}
              </View>
            </View>
          ))}
          <View className='merchant__more'>
            {nextCursor ? <Text onClick={() => void loadMore()}>加载更多</Text> : <Text>没有更多了</Text>}
          </View>
        </>
      )}

      {!isAfterSales && selected.length > 0 && (
        <View className='merchant-ship' data-testid='merchant-ship-panel'>
          <View className='merchant__row'>
            <Text className='merchant__heading'>发货（{selected.length} 单）</Text>
            <Text className='merchant__muted' onClick={() => setSelected([])}>
              取消
            </Text>
          </View>
          <View className='merchant-ship__label'>快递公司</View>
          <View>
            {CARRIERS.map((carrier) => (
              <View
                key={carrier.code}
                className={`merchant-chip${carrier.code === carrierCode ? ' merchant-chip--on' : ''}`}
                data-testid='merchant-carrier'
                onClick={() => {
                  setCarrierCode(carrier.code);
                  setPanelError(null);
                }}
              >
                {carrier.name}
              </View>
            ))}
          </View>
          <View className='merchant-ship__label'>快递单号</View>
          {selected.map((orderId) => (
            <View key={orderId} className='merchant-ship__number'>
              <Text className='merchant__muted merchant-ship__order'>{orderId.slice(-8)}</Text>
              <Input
                className='merchant-ship__input'
                placeholder={CARRIERS.find((c) => c.code === carrierCode)?.trackingHint ?? '请输入快递单号'}
                value={trackingNos[orderId] ?? ''}
                data-testid='merchant-tracking-input'
                onChange={(value) => setTrackingNos((all) => ({ ...all, [orderId]: String(value) }))}
              />
            </View>
          ))}
          {panelError && (
            <View className='merchant__error' data-testid='merchant-ship-error'>
              {panelError}
            </View>
          )}
          <Button
            block
            type='primary'
            loading={shipping}
            data-testid='merchant-ship-confirm'
            onClick={() => void shipSelected()}
          >
            确认发货
          </Button>
        </View>
      )}
    </View>
  );
}
