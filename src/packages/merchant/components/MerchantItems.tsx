import { Image, Text, View } from '@tarojs/components';
import type { MerchantOrderCard } from '@/services/merchant';

/** An order's lines for the merchant: picture, name, specs, unit price × quantity. */
export function MerchantItems({ lines }: { lines: MerchantOrderCard['itemLines'] }) {
  return (
    <View className='merchant-items'>
      {lines.map((line) => (
        <View key={line.key} className='merchant-items__row'>
          <Image className='merchant-items__image' src={line.imageUrl} mode='aspectFill' />
          <View className='merchant-items__body'>
            <View className='merchant-items__name'>{line.name}</View>
            <View className='merchant-items__spec'>{line.specText}</View>
          </View>
          <View className='merchant-items__price'>
            <Text>{line.priceText}</Text>
            <View>× {line.quantity}</View>
          </View>
        </View>
      ))}
    </View>
  );
}
