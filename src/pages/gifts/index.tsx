import { Image, Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { ExpiryCountdown } from '@/components/ExpiryCountdown';
import { GiftCard } from '@/components/GiftCard';
import { PageState } from '@/components/PageState';
import { ParcelTracking } from '@/components/ParcelTracking';
import { GIFT_MAX_UNIT_PRICE_FEN, GIFT_TTL_MS } from '@domain/gift/rules';
import { formatFen } from '@domain/money';
import type { Result } from '@domain/result';
import { goHome, openGiftDetail, takeWantedGiftsRole } from '@/platform/navigation';
import { useDidShow } from '@/platform/lifecycle';
import { listReceivedGifts, listSentGifts, type GiverGiftPageView, type RecipientGiftPageView } from '@/services/gift';
import { GiftFinder } from './GiftFinder';
import './index.scss';

const TTL_HOURS = GIFT_TTL_MS / 3_600_000;

const steps = [
  { title: '挑选礼物', text: '在带有「支持送礼物」标记的商品里点「送给朋友」，选好规格。' },
  { title: '写赠言并付款', text: '赠言最多 100 字，可附收礼人称呼和署名，商家会打印成贺卡随礼物寄出。' },
  { title: '发给好友', text: '付款后把礼物卡片发给好友。卡片发出后不能撤回，也不能被转赠。' },
  { title: '好友收下', text: '好友填写收货地址、确认收下，可换成同价位的其他规格，商家随即发货。' },
];

const rules = [
  `珠宝首饰、教育培训类商品不支持送礼物；所选规格单价不超过 ${formatFen(GIFT_MAX_UNIT_PRICE_FEN)}。`,
  `付款后 ${TTL_HOURS} 小时内无人领取，礼物自动失效，款项原路退回。好友也可以婉拒，婉拒后立即退款。`,
  '你不需要、也看不到好友的收货地址和电话，只有好友本人和发货商家可见。',
];

type Role = 'sent' | 'received';
type ListState<T> = { kind: 'loading' } | { kind: 'ready'; items: T[] } | { kind: 'failed'; message: string };

function useGiftList<T>(fetch: () => Promise<Result<T[]>>) {
  const [state, setState] = useState<ListState<T>>({ kind: 'loading' });
  const load = useCallback(async () => {
    const answer = await fetch();
    setState(answer.ok ? { kind: 'ready', items: answer.data } : { kind: 'failed', message: answer.message });
  }, [fetch]);
  return [state, load] as const;
}

function SentGift({ gift }: { gift: GiverGiftPageView }) {
  return (
    <View className='gifts__item' onClick={() => void openGiftDetail(gift.giftId)} data-testid='sent-gift'>
      <Image className='gifts__image' src={gift.product.imageUrl} mode='aspectFill' />
      <View className='gifts__item-body'>
        <View className='gifts__item-name'>{gift.product.name}</View>
        <View className={`gifts__label gifts__label--${gift.status}`} data-testid='gift-label'>
          {gift.status === 'accepted' && gift.recipientNickname
            ? `${gift.recipientNickname} 已收下${gift.deliveryLabel ? ` · ${gift.deliveryLabel}` : ''}`
            : gift.label}
        </View>
        {gift.status === 'waiting' && gift.remainingMs !== null && (
          <ExpiryCountdown expireAt={gift.readAt + gift.remainingMs} label='剩余' />
        )}
      </View>
      <Text className='price gifts__item-price'>{gift.priceText}</Text>
    </View>
  );
}

function ReceivedGift({ gift }: { gift: RecipientGiftPageView }) {
  const [open, setOpen] = useState(false);
  return (
    <View className='gifts__received' data-testid='received-gift'>
      <View className='gifts__item' onClick={() => setOpen(!open)}>
        <Image className='gifts__image' src={gift.product.imageUrl} mode='aspectFill' />
        <View className='gifts__item-body'>
          <View className='gifts__item-name'>{gift.product.name}</View>
          <View className='gifts__from'>来自 {gift.giverNickname}</View>
          <View className={`gifts__label gifts__label--${gift.status}`} data-testid='gift-label'>
            {gift.label}
          </View>
          {gift.parcel && (
            <View className='gifts__parcel' data-testid='gift-parcel'>
              {gift.parcel.expressCompany} {gift.parcel.trackingNo}
            </View>
          )}
        </View>
        <Text className='gifts__toggle'>{open ? '收起' : '查看'}</Text>
      </View>
      {open && (
        <View className='gifts__received-detail' data-testid='received-gift-detail'>
          <GiftCard card={gift.card} product={gift.product} />
          {gift.myAddress && (
            <View className='gifts__address'>
              <View>收货人：{gift.myAddress.contact}</View>
              <View>{gift.myAddress.line}</View>
            </View>
          )}
          {gift.parcel?.orderId && (
            <ParcelTracking
              orderId={gift.parcel.orderId}
              expressCompany={gift.parcel.expressCompany}
              trackingNo={gift.parcel.trackingNo}
            />
          )}
        </View>
      )}
    </View>
  );
}

/** 礼物 tab: how gifting works, and the gifts I sent and received. */
export default function GiftsPage() {
  const [role, setRole] = useState<Role>('sent');
  const [sent, loadSent] = useGiftList(listSentGifts);
  const [received, loadReceived] = useGiftList(listReceivedGifts);

  // Every time the tab shows: a gift may have been accepted or sent meanwhile.
  useDidShow(() => {
    // Another page may have asked for a list (the recipient's 我收到的礼物 after accepting).
    const wanted = takeWantedGiftsRole();
    if (wanted) setRole(wanted);
    void loadSent();
    void loadReceived();
  });

  const list = role === 'sent' ? sent : received;

  return (
    <View className='gifts'>
      <View className='gifts__hero'>
        <View className='gifts__title'>把心意送给朋友</View>
        <View className='gifts__subtitle'>你付款，好友填地址，商家直接寄到好友手里</View>
      </View>

      <GiftFinder />

      <View className='gifts__card'>
        <View className='gifts__tabs'>
          {(['sent', 'received'] as const).map((key) => (
            <View
              key={key}
              className={`gifts__tab${role === key ? ' gifts__tab--active' : ''}`}
              onClick={() => setRole(key)}
              data-testid={`gift-tab-${key}`}
            >
              {key === 'sent' ? '我送出的' : '我收到的'}
            </View>
          ))}
        </View>
        {list.kind === 'loading' && <PageState message='加载中…' />}
        {list.kind === 'failed' && (
          <PageState
            message={list.message}
            actionText='重试'
            onAction={() => void (role === 'sent' ? loadSent() : loadReceived())}
          />
        )}
        {role === 'sent' && sent.kind === 'ready' && sent.items.length === 0 && (
          <View className='gifts__empty' data-testid='gifts-empty'>
            <View>还没有送出过礼物</View>
            <View className='gifts__empty-action' onClick={() => void goHome()}>
              去挑选礼物
            </View>
          </View>
        )}
        {role === 'received' && received.kind === 'ready' && received.items.length === 0 && (
          <View className='gifts__empty' data-testid='gifts-empty'>
            还没有收到礼物，收下好友的礼物后会显示在这里
          </View>
        )}
        {role === 'sent' &&
          sent.kind === 'ready' &&
          sent.items.map((gift) => <SentGift key={gift.giftId} gift={gift} />)}
        {role === 'received' &&
          received.kind === 'ready' &&
          received.items.map((gift) => <ReceivedGift key={gift.giftId} gift={gift} />)}
      </View>

      <View className='gifts__card'>
        <View className='gifts__heading'>怎么送</View>
        {steps.map((step, index) => (
          <View key={step.title} className='gifts__step'>
            <Text className='gifts__step-number'>{index + 1}</Text>
            <View>
              <View className='gifts__step-title'>{step.title}</View>
              <View className='gifts__step-text'>{step.text}</View>
            </View>
          </View>
        ))}
      </View>

      <View className='gifts__card'>
        <View className='gifts__heading'>送礼规则</View>
        {rules.map((rule) => (
          <View key={rule} className='gifts__rule'>
            {rule}
          </View>
        ))}
      </View>
    </View>
  );
}
