import { Tabs } from '@nutui/nutui-react-taro';
import type { ProductSort } from '@domain/contracts';

export const SORT_TABS: ReadonlyArray<{ sort: ProductSort; title: string }> = [
  { sort: 'default', title: '综合' },
  { sort: 'sales', title: '销量' },
  { sort: 'priceAsc', title: '价格↑' },
  { sort: 'priceDesc', title: '价格↓' },
];

interface Props {
  sort: ProductSort;
  onChange: (sort: ProductSort) => void;
}

const isSort = (value: unknown): value is ProductSort => SORT_TABS.some((tab) => tab.sort === value);

/** 综合 / 销量 / 价格↑ / 价格↓ for the category and search result lists. */
export function SortTabs({ sort, onChange }: Props) {
  return (
    <Tabs
      className='sort-tabs'
      value={sort}
      activeColor='#e4393c'
      activeType='line'
      onChange={(value) => {
        if (isSort(value) && value !== sort) onChange(value);
      }}
    >
      {SORT_TABS.map((tab) => (
        <Tabs.TabPane key={tab.sort} title={tab.title} value={tab.sort} />
      ))}
    </Tabs>
  );
}
