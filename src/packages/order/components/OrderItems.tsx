import { Image, Text, View } from '@tarojs/components';
import type { OrderItemView } from '@/services/order';

/** The lines of an order: picture, name, specs, unit price × quantity. */
export function OrderItems({ items }: { items: OrderItemView[] }) {
  return (
    <View className='order-items'>
      {items.map((item) => (
        <View key={item.skuId} className='order-items__row'>
          <Image className='order-items__image' src={item.imageUrl} mode='aspectFill' />
          <View className='order-items__body'>
            <View className='order-items__name'>{item.name}</View>
            <View className='order-items__spec'>{item.specText}</View>
          </View>
          <View className='order-items__price'>
            <Text>{item.priceText}</Text>
            <View className='order-items__quantity'>× {item.quantity}</View>
          </View>
        </View>
      ))}
    </View>
  );
}
