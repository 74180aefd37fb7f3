import type { MerchantGiftCard } from '@domain/contracts';
import { DEFAULT_CARD_STYLE, isCardStyle } from '@domain/gift/rules';
import { GiftCard } from '@/components/GiftCard';

/** The greeting card of a gift order as the recipient will find it in the parcel. */
export function GiftCardOf({ card }: { card: MerchantGiftCard }) {
  return (
    <GiftCard
      card={{
        cardStyle: isCardStyle(card.cardStyle) ? card.cardStyle : DEFAULT_CARD_STYLE,
        cardStyleName: card.cardStyleName,
        greeting: card.greeting,
        recipientName: card.recipientName,
        signature: card.signature ?? card.giverNickname,
      }}
    />
  );
}
