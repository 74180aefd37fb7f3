import { Image, Text, View } from '@tarojs/components';
import { Button, Tabs } from '@nutui/nutui-react-taro';
import { useCallback, useRef, useState } from 'react';
import type { MerchantProductSummary } from '@domain/merchant/product';
import { formatFenRange } from '@domain/money';
import { StateView } from '@/components/StateView';
import { cloudFileSrc } from '@/platform/cloudFile';
import { showToast, stopPullDownRefresh } from '@/platform/feedback';
import { resolveImageUrl } from '@/platform/images';
import { useDidShow, usePullDownRefresh, useReachBottom } from '@/platform/lifecycle';
import { navigateTo, routes } from '@/platform/navigation';
import { listMerchantProducts } from '@/services/merchant';
import '@/packages/merchant/merchant.scss';
import './index.scss';

const FILTERS: ReadonlyArray<{ key: string; title: string; onShelf?: boolean }> = [
  { key: 'all', title: '全部' },
  { key: 'on', title: '在售', onShelf: true },
  { key: 'off', title: '已下架', onShelf: false },
];

type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

/** 商品管理: every product, on and off shelf, with price, stock and whether it can be gifted (and why not). */
export default function MerchantProductsPage() {
  const [filter, setFilter] = useState('all');
  const [items, setItems] = useState<MerchantProductSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const generation = useRef(0);

  const onShelfOf = (key: string) => FILTERS.find((f) => f.key === key)?.onShelf;

  const reload = useCallback(async (key: string) => {
    const mine = ++generation.current;
    const answer = await listMerchantProducts(onShelfOf(key), null);
    if (mine !== generation.current) return;
    if (answer.ok) {
      setItems(answer.data.items);
      setNextCursor(answer.data.nextCursor);
      setState({ kind: 'ready' });
    } else setState({ kind: 'failed', message: answer.message });
  }, []);

  const loadMore = async () => {
    if (!nextCursor) return;
    const mine = generation.current;
    const answer = await listMerchantProducts(onShelfOf(filter), nextCursor);
    if (mine !== generation.current) return;
    if (!answer.ok) {
      showToast(answer.message);
      return;
    }
    setItems((shown) => [
      ...shown,
      ...answer.data.items.filter((i) => !shown.some((s) => s.productId === i.productId)),
    ]);
    setNextCursor(answer.data.nextCursor);
  };

  // Back from the editor: names, prices and stock may have changed.
  useDidShow(() => {
    void reload(filter);
  });
  usePullDownRefresh(() => {
    void reload(filter).finally(stopPullDownRefresh);
  });
  useReachBottom(() => {
    void loadMore();
  });

  const choose = (key: string) => {
    setFilter(key);
    setState({ kind: 'loading' });
    void reload(key);
  };

  return (
    <View className='merchant merchant-products'>
      <View className='merchant-products__tabs'>
        <Tabs value={filter} activeColor='#e4393c' onChange={(value) => choose(String(value))}>
          {FILTERS.map((f) => (
            <Tabs.TabPane key={f.key} title={f.title} value={f.key} />
          ))}
        </Tabs>
      </View>
      {state.kind === 'loading' ? (
        <StateView kind='loading' skeleton='rows' />
      ) : state.kind === 'failed' ? (
        <StateView kind='error' message={state.message} actionText='重试' onAction={() => void reload(filter)} />
      ) : items.length === 0 ? (
        <StateView kind='empty' message='还没有商品' />
      ) : (
        <>
          {items.map((item) => (
            <View
              key={item.productId}
              className='merchant__card merchant-product'
              data-testid='merchant-product'
              data-product-id={item.productId}
              onClick={() => void navigateTo(routes.merchantProductEdit({ productId: item.productId }))}
            >
              <Image
                className='merchant-product__image'
                src={cloudFileSrc(resolveImageUrl(item.image))}
                mode='aspectFill'
              />
              <View className='merchant-product__body'>
                <View className='merchant-product__name'>{item.name}</View>
                <View className='merchant__muted'>
                  {item.categoryName} · {item.skuCount} 个规格 · 库存 {item.totalStock} · 销量 {item.sales}
                </View>
                <View className='merchant__row'>
                  <Text className='merchant__price'>{formatFenRange(item.priceMin, item.priceMax)}</Text>
                  <View>
                    <Text className={`merchant__tag${item.onShelf ? ' merchant__tag--green' : ' merchant__tag--grey'}`}>
                      {item.onShelf ? '在售' : '已下架'}
                    </Text>
                    <Text
                      className={`merchant__tag${item.giftable ? ' merchant__tag--green' : ' merchant__tag--grey'}`}
                    >
                      {item.giftable ? '可送礼' : '不可送礼'}
                    </Text>
                  </View>
                </View>
                {item.giftBlockedReason && <View className='merchant__muted'>{item.giftBlockedReason.message}</View>}
              </View>
            </View>
          ))}
          <View className='merchant__more'>
            {nextCursor ? <Text onClick={() => void loadMore()}>加载更多</Text> : <Text>没有更多了</Text>}
          </View>
        </>
      )}
      <View className='merchant-products__new'>
        <Button
          block
          type='primary'
          data-testid='merchant-product-new'
          onClick={() => void navigateTo(routes.merchantProductEdit())}
        >
          新建商品
        </Button>
      </View>
    </View>
  );
}
