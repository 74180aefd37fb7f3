import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import type { DashboardFigures, MerchantDashboard } from '@domain/merchant/dashboard';
import { formatChinaDateTime } from '@domain/clock';
import { formatFen } from '@domain/money';
import { skuLabel } from '@domain/product/specs';
import { StateView } from '@/components/StateView';
import { stopPullDownRefresh } from '@/platform/feedback';
import { useDidShow, usePullDownRefresh } from '@/platform/lifecycle';
import { navigateTo, routes } from '@/platform/navigation';
import { loadDashboard, whoAmI } from '@/services/merchant';
import '@/packages/merchant/merchant.scss';
import './index.scss';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'ready'; data: MerchantDashboard; shopName: string }
  | { kind: 'failed'; message: string };

const FIGURES: ReadonlyArray<{ key: keyof DashboardFigures; label: string; money?: boolean }> = [
  { key: 'paidOrders', label: '支付订单' },
  { key: 'paidFee', label: '支付金额', money: true },
  { key: 'giftsSent', label: '送出礼物' },
  { key: 'giftsAccepted', label: '礼物被领取' },
  { key: 'giftsExpired', label: '礼物过期' },
  { key: 'giftsRefunded', label: '礼物已退款' },
];

const ENTRIES = [
  {
    key: 'orders',
    title: '订单发货',
    hint: '待发货 · 贺卡',
    open: () => navigateTo(routes.merchantOrders({ tab: 'paid' })),
  },
  {
    key: 'afterSales',
    title: '售后处理',
    hint: '退款 · 退货',
    open: () => navigateTo(routes.merchantOrders({ tab: 'afterSales' })),
  },
  { key: 'products', title: '商品管理', hint: '上架 · 价格 · 库存', open: () => navigateTo(routes.merchantProducts()) },
] as const;

function FigureGrid({ figures, testId }: { figures: DashboardFigures; testId: string }) {
  return (
    <View className='merchant-home__grid' data-testid={testId}>
      {FIGURES.map((figure) => (
        <View key={figure.key} className='merchant-home__figure'>
          <View className='merchant-home__value' data-testid={`${testId}-${figure.key}`}>
            {figure.money ? formatFen(figures[figure.key]) : figures[figure.key]}
          </View>
          <View className='merchant__muted'>{figure.label}</View>
        </View>
      ))}
    </View>
  );
}

/** 店铺管理: the entries to orders, after-sales and products, and today's / the last 7 days' figures. */
export default function MerchantHomePage() {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  const load = useCallback(async () => {
    const [identity, dashboard] = await Promise.all([whoAmI(), loadDashboard()]);
    if (!dashboard.ok) {
      setState({ kind: 'failed', message: dashboard.message });
      return;
    }
    const shopName = identity.ok && identity.data.name ? identity.data.name : '店铺';
    setState({ kind: 'ready', data: dashboard.data, shopName });
  }, []);

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(stopPullDownRefresh);
  });

  if (state.kind === 'loading') return <StateView kind='loading' skeleton='rows' />;
  if (state.kind === 'failed')
    return <StateView kind='error' message={state.message} actionText='重试' onAction={() => void load()} />;
  const { data } = state;

  return (
    <View className='merchant merchant-home'>
      <View className='merchant-home__banner'>
        <View className='merchant-home__shop'>{state.shopName} · 店铺管理</View>
        <View className='merchant-home__updated'>数据更新于 {formatChinaDateTime(data.generatedAt)}（北京时间）</View>
      </View>

      <View className='merchant-home__entries'>
        {ENTRIES.map((entry) => (
          <View
            key={entry.key}
            className='merchant-home__entry'
            data-testid={`merchant-entry-${entry.key}`}
            onClick={() => void entry.open()}
          >
            <View className='merchant__heading'>{entry.title}</View>
            <View className='merchant__muted'>{entry.hint}</View>
          </View>
        ))}
      </View>

      <View className='merchant__card'>
        <View className='merchant__heading'>今日</View>
        <FigureGrid figures={data.today} testId='merchant-today' />
      </View>
      <View className='merchant__card'>
        <View className='merchant__heading'>近7天</View>
        <FigureGrid figures={data.last7Days} testId='merchant-week' />
        <View className='merchant-home__days'>
          {data.days.map((day) => (
            <View key={day.date} className='merchant-home__day'>
              <Text className='merchant__muted'>{day.date.slice(5)}</Text>
              <Text>{day.paidOrders} 单</Text>
              <Text className='merchant__price'>{formatFen(day.paidFee)}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='merchant-home__pair'>
        <View
          className='merchant__card merchant-home__stat'
          onClick={() => void navigateTo(routes.merchantOrders({ tab: 'afterSales' }))}
        >
          <View className='merchant-home__value' data-testid='merchant-after-sales-waiting'>
            {data.afterSalesWaiting ?? '—'}
          </View>
          <View className='merchant__muted'>待处理售后</View>
        </View>
        <View className='merchant__card merchant-home__stat' onClick={() => void navigateTo(routes.merchantProducts())}>
          <View className='merchant-home__value' data-testid='merchant-low-stock-count'>
            {data.lowStockCount}
          </View>
          <View className='merchant__muted'>库存紧张（≤{data.lowStockThreshold}件）</View>
        </View>
      </View>

      {data.lowStockSkus.length > 0 && (
        <View className='merchant__card'>
          <View className='merchant__heading'>库存紧张的规格</View>
          {data.lowStockSkus.map((sku) => (
            <View
              key={sku.skuId}
              className='merchant__row merchant-home__low'
              onClick={() => void navigateTo(routes.merchantProductEdit({ productId: sku.productId }))}
            >
              <Text className='merchant-home__low-name'>
                {sku.productName}（{skuLabel(sku)}）
              </Text>
              <Text className={sku.stock === 0 ? 'merchant__price' : ''}>
                {sku.stock === 0 ? '已售罄' : `剩 ${sku.stock} 件`}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
