import { Image, Text, View } from '@tarojs/components';
import type { GiftCardView, GiftProductView } from '@/services/gift';
import { CARD_PALETTES } from './palette';
import './index.scss';

interface Props {
  card: GiftCardView;
  /** the gift itself under the card; omitted in the send page's live preview */
  product?: GiftProductView;
  /** shown when the greeting is still empty (send page preview) */
  placeholder?: string;
}

/**
 * The greeting card (贺卡) as the merchant prints it: style colours, 「致 …」, the greeting, the
 * signature; and the product picture and name. Never a price, never an address: both sides use it.
 */
export function GiftCard({ card, product, placeholder = '' }: Props) {
  const palette = CARD_PALETTES[card.cardStyle];
  const greeting = card.greeting.trim() ? card.greeting : placeholder;
  return (
    <View className='gift-card' data-testid='gift-card' data-style={card.cardStyle}>
      <View
        className='gift-card__face'
        style={{ background: `linear-gradient(180deg, ${palette.from}, ${palette.to})`, color: palette.ink }}
      >
        <View className='gift-card__top'>
          <Text className='gift-card__motto' style={{ color: palette.accent }}>
            {palette.motto}
          </Text>
          {card.cardStyleName !== palette.motto && <Text className='gift-card__style'>{card.cardStyleName}</Text>}
        </View>
        {card.recipientName && <View className='gift-card__to'>致 {card.recipientName}：</View>}
        <View
          className={`gift-card__greeting${card.greeting.trim() ? '' : ' gift-card__greeting--placeholder'}`}
          data-testid='gift-card-greeting'
        >
          {greeting}
        </View>
        {card.signature && <View className='gift-card__signature'>—— {card.signature}</View>}
      </View>
      {product && (
        <View className='gift-card__product' data-testid='gift-card-product'>
          <Image className='gift-card__image' src={product.imageUrl} mode='aspectFill' />
          <View className='gift-card__product-text'>
            <View className='gift-card__product-name'>{product.name}</View>
            {product.specText && <View className='gift-card__product-spec'>{product.specText}</View>}
          </View>
        </View>
      )}
    </View>
  );
}
