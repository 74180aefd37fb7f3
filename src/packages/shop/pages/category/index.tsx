import { View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import { ProductFeed, useProductFeed } from '@/components/ProductFeed';
import type { ProductSort } from '@domain/contracts';
import { stopPullDownRefresh } from '@/platform/feedback';
import { usePullDownRefresh, useReachBottom, useRouter } from '@/platform/lifecycle';
import { setPageTitle } from '@/platform/navigation';
import { SortTabs } from '@/packages/shop/components/SortTabs';
import '@/packages/shop/components/list.scss';

/** One category's products, sorted by 综合 / 销量 / 价格, paged as the user scrolls. */
export default function CategoryPage() {
  const { categoryId = '', name = '' } = useRouter().params;
  const [sort, setSort] = useState<ProductSort>('default');
  const query = useMemo(() => ({ categoryId: categoryId || undefined, sort }), [categoryId, sort]);
  const feed = useProductFeed(query);

  useEffect(() => {
    if (name) void setPageTitle(decodeURIComponent(name));
  }, [name]);

  usePullDownRefresh(() => {
    void feed.reload().finally(stopPullDownRefresh);
  });
  useReachBottom(() => {
    void feed.loadMore();
  });

  return (
    <View className='shop-list'>
      <View className='shop-list__bar'>
        <SortTabs sort={sort} onChange={setSort} />
      </View>
      <View className='shop-list__body'>
        <ProductFeed feed={feed} emptyText='这个分类还没有商品' />
      </View>
    </View>
  );
}
