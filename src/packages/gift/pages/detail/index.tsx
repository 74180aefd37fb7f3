import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ExpiryCountdown } from '@/components/ExpiryCountdown';
import { GiftCard } from '@/components/GiftCard';
import { PageState } from '@/components/PageState';
import { GiftErrors } from '@domain/gift/errors';
import { copyText } from '@/platform/clipboard';
import { resolveImageUrl } from '@/platform/images';
import { useDidHide, useDidShow, useRouter, useShareAppMessage } from '@/platform/lifecycle';
import { routes } from '@/platform/navigation';
import { canShareAsChatCard, markShareAsPrivateMessage, webLinkTo } from '@/platform/share';
import { getGift, shareCard, type GiverGiftPageView } from '@/services/gift';
import './index.scss';

/** While waiting, re-read the status this often (the friend may accept at any moment). */
const POLL_MS = 15_000;
const SHARE_TITLE = '送你一份礼物';

type LoadState =
  { kind: 'loading' } | { kind: 'ready'; gift: GiverGiftPageView } | { kind: 'failed'; code: string; message: string };

/** weapp: the private-message share must be set up (activityId) before 发送给朋友 can be tapped. */
type ShareSetup =
  | { kind: 'idle' }
  | { kind: 'preparing' }
  | { kind: 'ready'; path: string; imageUrl: string }
  | { kind: 'failed'; message: string };

const refundText = (gift: GiverGiftPageView): string | null => {
  if (gift.refund === 'pending') return `退款处理中：${gift.priceText} 将原路退回你的支付账户`;
  if (gift.refund === 'refunded') return `已退款：${gift.priceText} 已原路退回你的支付账户`;
  return null;
};

/** The giver's status page: the card, the status, the countdown and 发送给朋友 while waiting. */
export default function GiftDetailPage() {
  const giftId = useRouter().params.giftId ?? '';
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [share, setShare] = useState<ShareSetup>({ kind: 'idle' });
  const [visible, setVisible] = useState(true);
  const [copyResult, setCopyResult] = useState<string | null>(null);
  const shareRef = useRef<ShareSetup>(share);
  shareRef.current = share;

  const load = useCallback(
    async (quiet = false) => {
      if (!giftId) {
        setState({ kind: 'failed', ...GiftErrors.NOT_FOUND });
        return;
      }
      if (!quiet) setState({ kind: 'loading' });
      const answer = await getGift(giftId);
      if (answer.ok) setState({ kind: 'ready', gift: answer.data });
      else if (!quiet) setState({ kind: 'failed', code: answer.code, message: answer.message });
    },
    [giftId],
  );

  useEffect(() => {
    void load();
  }, [load]);
  // Back from the chat (or another page): the friend may have answered meanwhile.
  useDidShow(() => {
    setVisible(true);
    if (state.kind === 'ready') void load(true);
  });
  useDidHide(() => setVisible(false));

  const waiting = state.kind === 'ready' && state.gift.status === 'waiting';
  useEffect(() => {
    if (!waiting || !visible) return undefined;
    const timer = setInterval(() => void load(true), POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, visible, load]);

  // weapp only: activityId from the server, then updateShareMenu({ isPrivateMessage: true, ... }).
  useEffect(() => {
    if (!waiting || !canShareAsChatCard() || share.kind !== 'idle') return;
    setShare({ kind: 'preparing' });
    void (async () => {
      const card = await shareCard(giftId);
      if (!card.ok) {
        setShare({ kind: 'failed', message: card.message });
        return;
      }
      try {
        await markShareAsPrivateMessage(card.data.activityId);
        setShare({ kind: 'ready', path: card.data.path, imageUrl: resolveImageUrl(card.data.imageUrl) });
      } catch {
        setShare({ kind: 'failed', message: '暂时无法设置私密分享，请稍后重试' });
      }
    })();
  }, [waiting, share.kind, giftId]);

  useShareAppMessage(() => {
    const current = shareRef.current;
    // Only the prepared private-message card is shared; anything else opens the gift list, not a gift.
    if (current.kind === 'ready') return { title: SHARE_TITLE, path: current.path, imageUrl: current.imageUrl };
    return { title: '礼物商城', path: routes.home() };
  });

  if (state.kind === 'loading') return <PageState message='加载中…' />;
  if (state.kind === 'failed')
    return <PageState message={state.message} code={state.code} actionText='重试' onAction={() => void load()} />;

  const { gift } = state;
  const refund = refundText(gift);
  const link = gift.sharePath ? webLinkTo(gift.sharePath) : null;

  const copyLink = async () => {
    if (!link) return;
    setCopyResult((await copyText(link)) ? '链接已复制，发给好友吧' : '复制失败，请长按上面的链接手动复制');
  };

  return (
    <View className='gift-detail'>
      <View className={`gift-detail__status gift-detail__status--${gift.status}`} data-testid='gift-status'>
        <View className='gift-detail__label' data-testid='gift-status-label'>
          {gift.label}
        </View>
        <View className='gift-detail__description'>{gift.description}</View>
        {waiting && gift.remainingMs !== null && (
          <View className='gift-detail__countdown' data-testid='gift-countdown'>
            <ExpiryCountdown
              expireAt={gift.readAt + gift.remainingMs}
              label='距礼物失效还剩'
              onExpire={() => void load(true)}
            />
          </View>
        )}
        {gift.status === 'accepted' && gift.recipientNickname && (
          <View className='gift-detail__accepted' data-testid='gift-accepted-by'>
            {gift.recipientNickname} 已收下
          </View>
        )}
        {refund && (
          <View className='gift-detail__refund' data-testid='gift-refund'>
            {refund}
          </View>
        )}
      </View>

      {waiting && (
        <View className='gift-detail__share' data-testid='gift-share'>
          <View className='gift-detail__heading'>发送给朋友</View>
          {canShareAsChatCard() ? (
            <>
              <View className='gift-detail__hint'>以私密消息发给一位好友，卡片不能被转发。</View>
              {share.kind === 'failed' && <View className='gift-detail__error'>{share.message}</View>}
              <Button
                className='gift-detail__button'
                type='danger'
                shape='round'
                block
                openType='share'
                disabled={share.kind !== 'ready'}
                data-testid='gift-share-button'
              >
                {share.kind === 'ready' ? '发送给朋友' : share.kind === 'failed' ? '暂时无法分享' : '正在准备…'}
              </Button>
              {share.kind === 'failed' && (
                <View className='gift-detail__retry' onClick={() => setShare({ kind: 'idle' })}>
                  重新准备分享
                </View>
              )}
            </>
          ) : (
            <>
              <View className='gift-detail__hint'>复制下面的链接发给好友，好友打开后填写地址即可收下。</View>
              {link && (
                <Text className='gift-detail__link' userSelect data-testid='gift-share-link'>
                  {link}
                </Text>
              )}
              <Button
                className='gift-detail__button'
                type='danger'
                shape='round'
                block
                onClick={() => void copyLink()}
                data-testid='gift-copy-link'
              >
                复制链接
              </Button>
              {copyResult && (
                <View className='gift-detail__copied' data-testid='gift-copy-result'>
                  {copyResult}
                </View>
              )}
            </>
          )}
        </View>
      )}

      <View className='gift-detail__section'>
        <GiftCard card={gift.card} product={gift.product} />
        <View className='gift-detail__paid'>
          <Text>实付</Text>
          <Text className='price'>{gift.priceText}</Text>
        </View>
      </View>

      <View className='gift-detail__note' data-testid='gift-no-cancel-note'>
        礼物送出后不能撤回或取消。好友 24
        小时内未领取或婉拒时，款项原路退回；好友的收货地址和电话只有好友本人和商家可见。
      </View>
    </View>
  );
}
