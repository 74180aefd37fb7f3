import { Text, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import { AddressForm } from '@/components/AddressForm';
import { ExpiryCountdown } from '@/components/ExpiryCountdown';
import { GiftCard } from '@/components/GiftCard';
import { PageState } from '@/components/PageState';
import type { Address } from '@domain/address';
import { lastUsedAddress, rememberAddress } from '@/platform/address';
import { useRouter } from '@/platform/lifecycle';
import { goHome, navigateTo, openGiftDetail, openGiftsTab, routes } from '@/platform/navigation';
import { askToSubscribe } from '@/platform/subscribe';
import { acceptGift, declineGift, openGift, type RecipientGiftPageView } from '@/services/gift';
import {
  receiveViewOf,
  refusalOfCode,
  REFUSALS,
  type ReceiveView,
  type RecipientRefusal,
} from '@/packages/gift/receiveState';
import { RelatedGifts } from '@/components/RelatedGifts';
import { ParcelTracking } from '@/components/ParcelTracking';
import './index.scss';

type PageLoad = { kind: 'loading' } | { kind: 'failed'; code: string; message: string } | ReceiveView;

function Refused({ refusal }: { refusal: RecipientRefusal }) {
  const text = REFUSALS[refusal];
  return (
    <View className='gift-receive__refused' data-testid={`gift-state-${refusal}`}>
      <View className='gift-receive__refused-title'>{text.title}</View>
      <View className='gift-receive__refused-text'>{text.text}</View>
      <View className='gift-receive__home' onClick={() => void goHome()}>
        去商城逛逛
      </View>
    </View>
  );
}

/** After accepting or declining: on to the shop, or to the gifts I have received. */
function WaysOn() {
  return (
    <View className='gift-receive__ways' data-testid='gift-ways-on'>
      <Button
        block
        type='danger'
        shape='round'
        onClick={() => void openGiftsTab('received')}
        data-testid='gift-to-received'
      >
        我收到的礼物
      </Button>
      <Button block fill='outline' shape='round' onClick={() => void goHome()} data-testid='gift-to-shop'>
        去逛逛
      </Button>
    </View>
  );
}

function GiverLine({ gift }: { gift: RecipientGiftPageView }) {
  return (
    <View className='gift-receive__from' data-testid='gift-from'>
      <Text className='gift-receive__giver'>{gift.giverNickname}</Text> 送你一份礼物
    </View>
  );
}

/** The page the chat card opens: accept (SKU, address) or decline; every refusal is its own state. */
export default function GiftReceivePage() {
  const { giftId = '', token = '' } = useRouter().params;
  const [page, setPage] = useState<PageLoad>({ kind: 'loading' });
  const [skuId, setSkuId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmingDecline, setConfirmingDecline] = useState(false);
  const [startAddress] = useState<Address | undefined>(() => lastUsedAddress());

  /** An answer of openGift / acceptGift / declineGift becomes the page; refusals replace the form. */
  const show = useCallback((answer: Awaited<ReturnType<typeof openGift>>, keepFormOnProblem: boolean) => {
    if (answer.ok) {
      setPage(receiveViewOf(answer.data));
      return;
    }
    const refusal = refusalOfCode(answer.code);
    if (refusal) setPage({ kind: 'refused', refusal });
    else if (keepFormOnProblem) setProblem(answer.message);
    else setPage({ kind: 'failed', code: answer.code, message: answer.message });
  }, []);

  const load = useCallback(async () => {
    // Without both parts of the link there is nothing to ask: the same answer the function would give.
    if (!giftId || !token) {
      setPage({ kind: 'refused', refusal: 'invalid' });
      return;
    }
    setPage({ kind: 'loading' });
    show(await openGift(giftId, token), false);
  }, [giftId, token, show]);

  useEffect(() => {
    void load();
  }, [load]);

  const open = page.kind === 'open' ? page.gift : null;
  useEffect(() => {
    if (open && skuId === null) setSkuId(open.product.skuId);
  }, [open, skuId]);

  if (page.kind === 'loading') return <PageState message='加载中…' />;
  if (page.kind === 'failed')
    return <PageState message={page.message} code={page.code} actionText='重试' onAction={() => void load()} />;
  if (page.kind === 'refused') return <Refused refusal={page.refusal} />;

  const { gift } = page;

  if (page.kind === 'acceptedByMe') {
    return (
      <View className='gift-receive'>
        <View className='gift-receive__done' data-testid='gift-state-accepted'>
          <View className='gift-receive__done-title'>
            {gift.parcel ? gift.description : '礼物已收下，商家将尽快发货'}
          </View>
          <View className='gift-receive__done-text'>记得和 {gift.giverNickname} 说声谢谢</View>
        </View>
        <GiftCard card={gift.card} product={gift.product} />
        {gift.parcel &&
          (gift.parcel.orderId ? (
            <View data-testid='gift-parcel'>
              <ParcelTracking
                orderId={gift.parcel.orderId}
                expressCompany={gift.parcel.expressCompany}
                trackingNo={gift.parcel.trackingNo}
              />
            </View>
          ) : (
            <View className='gift-receive__section' data-testid='gift-parcel'>
              <View className='gift-receive__heading'>物流信息 · {gift.parcel.label}</View>
              <View>快递公司：{gift.parcel.expressCompany}</View>
              <View>运单号：{gift.parcel.trackingNo}</View>
            </View>
          ))}
        <View className='gift-receive__section' data-testid='gift-after-sale'>
          <View className='gift-receive__heading'>售后服务</View>
          <View>礼物有问题？可在订单中申请仅退款或退货退款，款项原路退回送礼人</View>
          <Button
            size='small'
            onClick={() => void navigateTo(routes.orderDetail({ orderId: gift.giftId }))}
            data-testid='gift-after-sale-open'
          >
            查看订单 · 申请售后
          </Button>
        </View>
        {gift.myAddress && (
          <View className='gift-receive__section' data-testid='gift-my-address'>
            <View className='gift-receive__heading'>收货地址</View>
            <View>{gift.myAddress.contact}</View>
            <View className='gift-receive__address-line'>{gift.myAddress.line}</View>
          </View>
        )}
        <RelatedGifts productId={gift.product.productId} className='gift-receive__section' />
        <WaysOn />
      </View>
    );
  }

  if (page.kind === 'declinedByMe') {
    return (
      <View className='gift-receive'>
        <View className='gift-receive__done' data-testid='gift-state-declined-by-me'>
          <View className='gift-receive__done-title'>你已婉拒这份礼物</View>
          <View className='gift-receive__done-text'>已通知 {gift.giverNickname}，款项将原路退回给送礼人</View>
        </View>
        <GiftCard card={gift.card} product={gift.product} />
        <WaysOn />
      </View>
    );
  }

  if (page.kind === 'own') {
    return (
      <View className='gift-receive'>
        <View className='gift-receive__refused gift-receive__refused--inline' data-testid='gift-state-own'>
          <View className='gift-receive__refused-title'>{REFUSALS.own.title}</View>
          <View className='gift-receive__refused-text'>{REFUSALS.own.text}</View>
        </View>
        <GiftCard card={gift.card} product={gift.product} />
        <View className='gift-receive__status'>当前状态：{gift.label}</View>
        <View className='gift-receive__status'>
          <Text className='gift-receive__link' onClick={() => void openGiftDetail(gift.giftId)}>
            查看礼物状态
          </Text>
        </View>
      </View>
    );
  }

  const chosenSkuId = skuId ?? gift.product.skuId;
  const chosen = gift.skuChoices.find((choice) => choice.skuId === chosenSkuId);

  const accept = async (address: Address) => {
    setProblem(null);
    setBusy(true);
    // First, while 确认收下 still counts as a tap (WeChat's rule): the shipping notice. A refusal changes nothing.
    await askToSubscribe('acceptGift');
    const answer = await acceptGift({
      giftId,
      token,
      address,
      ...(chosenSkuId !== gift.product.skuId ? { skuId: chosenSkuId } : {}),
    });
    setBusy(false);
    if (answer.ok) rememberAddress(address);
    show(answer, true);
  };

  const decline = async () => {
    setConfirmingDecline(false);
    setProblem(null);
    setBusy(true);
    const answer = await declineGift(giftId, token);
    setBusy(false);
    show(answer, true);
  };

  return (
    <View className='gift-receive' data-testid='gift-state-open'>
      <GiverLine gift={gift} />
      {gift.remainingMs !== null && (
        <View className='gift-receive__countdown'>
          <ExpiryCountdown
            expireAt={gift.readAt + gift.remainingMs}
            label='领取剩余时间'
            onExpire={() => void load()}
          />
        </View>
      )}
      <GiftCard card={gift.card} product={{ ...gift.product, specText: chosen?.specText ?? gift.product.specText }} />

      {gift.skuChoices.length > 1 && (
        <View className='gift-receive__section' data-testid='gift-sku-choices'>
          <View className='gift-receive__heading'>选择规格</View>
          <View className='gift-receive__hint'>可以换成同一商品、同等价位的其他规格</View>
          <View className='gift-receive__choices'>
            {gift.skuChoices.map((choice) => (
              <Text
                key={choice.skuId}
                className={`gift-receive__choice${choice.skuId === chosenSkuId ? ' gift-receive__choice--selected' : ''}${
                  choice.selectable ? '' : ' gift-receive__choice--disabled'
                }`}
                data-testid='gift-sku-choice'
                aria-selected={choice.skuId === chosenSkuId ? 'true' : 'false'}
                aria-disabled={choice.selectable ? 'false' : 'true'}
                onClick={() => choice.selectable && setSkuId(choice.skuId)}
              >
                {choice.specText}
                {!choice.selectable && '（售罄）'}
              </Text>
            ))}
          </View>
        </View>
      )}

      <View className='gift-receive__section gift-receive__section--form'>
        <View className='gift-receive__heading'>填写收货地址</View>
        <View className='gift-receive__hint'>地址只有你和发货商家可见，送礼人看不到。</View>
      </View>
      <AddressForm
        value={startAddress}
        submitText='确认收下'
        submitting={busy}
        onSubmit={(address) => void accept(address)}
      />

      {problem && (
        <View className='gift-receive__problem' data-testid='gift-receive-error'>
          {problem}
        </View>
      )}

      <View className='gift-receive__decline'>
        <Button fill='none' disabled={busy} onClick={() => setConfirmingDecline(true)} data-testid='gift-decline'>
          婉拒
        </Button>
      </View>

      <Dialog
        visible={confirmingDecline}
        title='婉拒这份礼物？'
        content={`婉拒后礼物不再保留，款项将原路退回给 ${gift.giverNickname}，此操作不能撤销。`}
        confirmText='确认婉拒'
        cancelText='再想想'
        onConfirm={() => void decline()}
        onCancel={() => setConfirmingDecline(false)}
      />
    </View>
  );
}
