import { Image, Text, View } from '@tarojs/components';
import type { ProductCardView } from '@/services/shop';
import './index.scss';

interface Props {
  product: ProductCardView;
  onOpen: (productId: string) => void;
}

/** A product in the home grid: image, name, lowest price, 支持送礼物 when it can be gifted. */
export function ProductCard({ product, onOpen }: Props) {
  return (
    <View className='product-card' onClick={() => onOpen(product.productId)} data-testid='product-card'>
      <Image className='product-card__image' src={product.imageUrl} mode='aspectFill' lazyLoad />
      <View className='product-card__body'>
        <Text className='product-card__name'>{product.name}</Text>
        {product.giftable && <Text className='gift-tag product-card__tag'>支持送礼物</Text>}
        <View className='product-card__footer'>
          <Text className='price'>{product.priceText}</Text>
          {product.priceMax > product.priceMin && <Text className='product-card__from'>起</Text>}
          <Text className='product-card__sales'>已售 {product.sales}</Text>
        </View>
      </View>
    </View>
  );
}
