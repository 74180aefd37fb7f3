import { Image, Text, View } from '@tarojs/components';
import { Grid, SearchBar } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import { ProductFeed, useProductFeed } from '@/components/ProductFeed';
import { stopPullDownRefresh } from '@/platform/feedback';
import { usePullDownRefresh, useReachBottom, useShareAppMessage } from '@/platform/lifecycle';
import { navigateTo, routes, switchToTab } from '@/platform/navigation';
import { listCategories, type CategoryView } from '@/services/shop';
import './index.scss';

// 综合 order (the function's default); stable object so the feed does not restart on every render.
const FEED_QUERY = {};

/** 首页: search, category entries, the gift banner, and the product feed a page at a time. */
export default function HomePage() {
  const feed = useProductFeed(FEED_QUERY);
  const [categories, setCategories] = useState<CategoryView[]>([]);

  const loadCategories = useCallback(async () => {
    const answer = await listCategories();
    // The grid is a shortcut: without it the feed and search still work, so a failure just hides it.
    if (answer.ok) setCategories(answer.data);
  }, []);

  useEffect(() => {
    void loadCategories();
  }, [loadCategories]);

  usePullDownRefresh(() => {
    void Promise.all([feed.reload(), loadCategories()]).finally(stopPullDownRefresh);
  });

  useReachBottom(() => {
    void feed.loadMore();
  });

  useShareAppMessage(() => ({ title: '礼物商城：挑一份好礼，送给朋友', path: routes.home() }));

  return (
    <View className='home'>
      <View className='home__search' onClick={() => void navigateTo(routes.search())} data-testid='home-search'>
        <SearchBar placeholder='搜索商品或分类' readOnly shape='round' />
      </View>

      {categories.length > 0 && (
        <View className='home__categories' data-testid='category-grid'>
          <Grid columns={5} gap={0} className='home__grid'>
            {categories.map((category) => (
              <Grid.Item
                key={category.categoryId}
                text={<Text className='home__category-name'>{category.name}</Text>}
                onClick={() =>
                  void navigateTo(routes.category({ categoryId: category.categoryId, name: category.name }))
                }
              >
                <Image className='home__category-icon' src={category.iconUrl} mode='aspectFit' />
              </Grid.Item>
            ))}
          </Grid>
        </View>
      )}

      <View className='home__banner' onClick={() => void switchToTab(routes.gifts())} data-testid='home-banner'>
        <View>
          <View className='home__banner-title'>把心意送给朋友</View>
          <View className='home__banner-text'>你付款，好友填地址，商家直接寄到好友手里</View>
        </View>
        <Text className='home__banner-action'>怎么送</Text>
      </View>

      <View className='home__heading'>
        <Text className='home__heading-title'>热销好物</Text>
        <Text className='home__heading-note'>带「支持送礼物」的商品可以直接送给朋友</Text>
      </View>
      <ProductFeed feed={feed} emptyText='暂无商品，店主正在上新' />
    </View>
  );
}
