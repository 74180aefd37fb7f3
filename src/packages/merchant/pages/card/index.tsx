import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { DEFAULT_CARD_STYLE, isCardStyle } from '@domain/gift/rules';
import { CARD_PALETTES } from '@/components/GiftCard/palette';
import { StateView } from '@/components/StateView';
import { KEEP_CARD_LABEL, keepCard } from '@/platform/cardImage';
import { showToast } from '@/platform/feedback';
import { useRouter } from '@/platform/lifecycle';
import { getMerchantOrder, type MerchantOrderCard } from '@/services/merchant';
import { GiftCardOf } from '@/packages/merchant/components/GiftCardOf';
import '@/packages/merchant/merchant.scss';
import './index.scss';

type LoadState =
  { kind: 'loading' } | { kind: 'ready'; order: MerchantOrderCard } | { kind: 'failed'; message: string; code: string };

/** 打印贺卡: the gift's greeting card alone, to print (H5) or save as a picture (weapp) and pack with the parcel. */
export default function MerchantCardPage() {
  const orderId = useRouter().params.orderId ?? '';
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  useEffect(() => {
    void getMerchantOrder(orderId).then((answer) =>
      setState(
        answer.ok
          ? { kind: 'ready', order: answer.data }
          : { kind: 'failed', message: answer.message, code: answer.code },
      ),
    );
  }, [orderId]);

  if (state.kind === 'loading') return <StateView kind='loading' skeleton='rows' />;
  if (state.kind === 'failed') return <StateView kind='error' message={state.message} code={state.code} />;
  const { order } = state;
  const card = order.giftCard;
  if (!card) return <StateView kind='empty' message='这不是礼物订单，没有贺卡' />;

  const keep = async () => {
    const palette = CARD_PALETTES[isCardStyle(card.cardStyle) ? card.cardStyle : DEFAULT_CARD_STYLE];
    const outcome = await keepCard({
      ...palette,
      toLine: card.recipientName ? `致 ${card.recipientName}：` : '',
      greeting: card.greeting,
      signatureLine: `—— ${card.signature ?? card.giverNickname}`,
    });
    showToast(outcome.message, outcome.ok ? 'success' : 'none');
  };

  return (
    <View className='merchant merchant-card-page'>
      <View className='merchant__card merchant-card-page__facts merchant-card-page__screen-only'>
        <View className='merchant__heading'>订单 {order.orderId}</View>
        <View className='merchant__muted'>
          送礼人：{card.giverNickname} · 收礼人：{card.recipientName ?? '未填写'} · 样式：{card.cardStyleName}
        </View>
        {order.contactText && (
          <View className='merchant__muted'>
            寄往：{order.contactText} {order.addressText}
          </View>
        )}
      </View>
      <View className='merchant-card-page__print' data-testid='merchant-card-print'>
        <GiftCardOf card={card} />
      </View>
      <View className='merchant-card-page__screen-only'>
        <Button block type='primary' data-testid='merchant-keep-card' onClick={() => void keep()}>
          {KEEP_CARD_LABEL}
        </Button>
        <Text className='merchant__muted merchant-card-page__hint'>打印时只输出贺卡本身；请随礼物一起放入包裹。</Text>
      </View>
    </View>
  );
}
