import { View } from '@tarojs/components';
import { SearchBar } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import { ProductFeed, useProductFeed } from '@/components/ProductFeed';
import type { ProductSort } from '@domain/contracts';
import { useReachBottom, useRouter } from '@/platform/lifecycle';
import { SortTabs } from '@/packages/shop/components/SortTabs';
import '@/packages/shop/components/list.scss';

const KEYWORD_MAX = 50;

function SearchResults({ keyword }: { keyword: string }) {
  const [sort, setSort] = useState<ProductSort>('default');
  const query = useMemo(() => ({ keyword, sort }), [keyword, sort]);
  const feed = useProductFeed(query);
  useReachBottom(() => {
    void feed.loadMore();
  });
  return (
    <>
      <SortTabs sort={sort} onChange={setSort} />
      <View className='shop-list__body'>
        <ProductFeed feed={feed} emptyText={`没有找到与「${keyword}」相关的商品`} />
      </View>
    </>
  );
}

/** 搜索: keyword over product names and category names, results sortable like a category. */
export default function SearchPage() {
  const initial = decodeURIComponent(useRouter().params.keyword ?? '');
  const [text, setText] = useState(initial);
  const [keyword, setKeyword] = useState(initial.trim());

  const search = (value: string) => setKeyword(value.trim().slice(0, KEYWORD_MAX));

  return (
    <View className='shop-list'>
      <View className='shop-list__bar'>
        <SearchBar
          value={text}
          placeholder='搜索商品或分类'
          shape='round'
          maxLength={KEYWORD_MAX}
          onChange={(value) => setText(value)}
          onSearch={search}
          onClear={() => {
            setText('');
            setKeyword('');
          }}
          right={
            <View className='shop-list__search-button' onClick={() => search(text)}>
              搜索
            </View>
          }
        />
      </View>
      {keyword ? (
        // key: a new keyword starts from the first page with 综合 order
        <SearchResults key={keyword} keyword={keyword} />
      ) : (
        <View className='shop-list__hint'>输入商品名称或分类，如「茶」「围巾」「数码」</View>
      )}
    </View>
  );
}
