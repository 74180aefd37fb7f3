import { Image, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { openProduct } from '@/platform/navigation';
import { listRelated, type RelatedView } from '@/services/finder';
import './index.scss';

interface Props {
  productId: string;
  /** the product page shows it as one of its sections; the recipient's page as a card */
  className?: string;
}

/**
 * 送这个的人也送了: what the givers of this product also gifted (from the giftStats timer), topped up with
 * gifts for the same people and occasions. Nothing is shown when there is nothing to suggest.
 */
export function RelatedGifts({ productId, className }: Props) {
  const [related, setRelated] = useState<RelatedView | null>(null);

  useEffect(() => {
    let current = true;
    setRelated(null);
    if (productId) {
      void listRelated(productId).then((answer) => {
        // suggestions are extras: a failure leaves them out rather than disturbing the page
        if (current && answer.ok) setRelated(answer.data);
      });
    }
    return () => {
      current = false;
    };
  }, [productId]);

  if (!related || related.items.length === 0) return null;
  return (
    <View className={`related-gifts ${className ?? ''}`} data-testid='related-gifts'>
      <View className='related-gifts__heading'>
        {related.source === 'tags' ? '适合一起送的礼物' : '送这个的人也送了'}
      </View>
      <View className='related-gifts__items'>
        {related.items.map((item) => (
          <View
            key={item.productId}
            className='related-gifts__item'
            onClick={() => void openProduct(item.productId)}
            data-testid='related-gift'
          >
            <Image className='related-gifts__image' src={item.imageUrl} mode='aspectFill' lazyLoad />
            <View className='related-gifts__name'>{item.name}</View>
            <Text className='price related-gifts__price'>{item.priceText}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
