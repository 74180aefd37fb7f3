import { Image, Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useCallback, useMemo, useRef, useState } from 'react';
import { GiftCard } from '@/components/GiftCard';
import { GiftCardStylePicker } from '@/components/GiftCardStylePicker';
import { GiftNicknamePrompt } from '@/components/GiftNicknamePrompt';
import { PageState } from '@/components/PageState';
import { SpecSelector, type SpecChoice } from '@/components/SpecSelector';
import type { CreatedGift, Sku } from '@domain/contracts';
import {
  CARD_STYLE_NAMES,
  checkGiftDraft,
  checkGreeting,
  checkRecipientName,
  checkSignature,
  countChars,
  DEFAULT_CARD_STYLE,
  GREETING_MAX_CHARS,
  RECIPIENT_NAME_MAX_CHARS,
  SIGNATURE_MAX_CHARS,
  type CardStyle,
} from '@domain/gift/rules';
import { GiftErrors } from '@domain/gift/errors';
import { formatFen } from '@domain/money';
import { giftEligibility } from '@domain/product/gift';
import { WISH_GIFT_GREETING } from '@domain/wishlist/rules';
import { pay } from '@/platform/payment';
import { askToSubscribe } from '@/platform/subscribe';
import { scrollToId } from '@/platform/scroll';
import { replaceWithGiftDetail } from '@/platform/navigation';
import { useRouter } from '@/platform/lifecycle';
import { createGift, type GiftDraft } from '@/services/gift';
import { useProductDetail } from '@/services/useProductDetail';
import './index.scss';

/** The fields that can refuse, top to bottom: the first refused one is scrolled into view. */
const FIELDS = ['sku', 'greeting', 'recipientName', 'signature'] as const;
type Field = (typeof FIELDS)[number];
const fieldId = (field: Field) => `gift-field-${field}`;

/** The field a GIFT.* code is about (the function may refuse a field too), or null for the whole send. */
const fieldOfCode = (code: string): Field | null => {
  if (code === GiftErrors.SKU_REQUIRED.code) return 'sku';
  if (code.startsWith('GIFT.GREETING_')) return 'greeting';
  if (code.startsWith('GIFT.RECIPIENT_NAME_')) return 'recipientName';
  if (code.startsWith('GIFT.SIGNATURE_')) return 'signature';
  return null;
};

interface SendProblem {
  code: string;
  message: string;
}

/** A created but unpaid gift: paying again reuses it while the card is unchanged. */
interface PendingGift {
  draftKey: string;
  created: CreatedGift;
  totalFee: number;
}

const draftKeyOf = (draft: GiftDraft): string =>
  JSON.stringify([draft.skuId, draft.greeting, draft.recipientName ?? '', draft.signature ?? '', draft.cardStyle]);

/** 送给朋友: choose the SKU (one item), write the card, pay; then the gift's status page. */
export default function GiftSendPage() {
  const { productId = '', skuId: initialSkuId, wishlistToken } = useRouter().params;
  const { state, reload: load } = useProductDetail(productId);
  const [sku, setSku] = useState<Sku | null>(null);
  // From a friend's wish list: the wished SKU is chosen and a greeting is written, so paying is the next tap.
  const [greeting, setGreeting] = useState(wishlistToken ? WISH_GIFT_GREETING : '');
  const [recipientName, setRecipientName] = useState('');
  const [signature, setSignature] = useState('');
  const [cardStyle, setCardStyle] = useState<CardStyle>(DEFAULT_CARD_STYLE);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<SendProblem | null>(null);
  // After a refused 支付并送出, fields that were merely left empty count as mistakes too.
  const [attempted, setAttempted] = useState(false);
  const pending = useRef<PendingGift | null>(null);

  const product = state.kind === 'ready' ? state.product : null;
  // Only SKUs that may be gifted go into the picker; the others are listed with the reason.
  const { giftableSkus, blockedSkus } = useMemo(() => {
    const giftable: Sku[] = [];
    const blocked: Array<{ skuId: string; specText: string; priceText: string; reason: string }> = [];
    for (const view of product?.skuViews ?? []) {
      // a wish is one SKU: the friend sends exactly what was wished for
      if (wishlistToken && view.skuId !== initialSkuId) continue;
      const eligibility = giftEligibility(product ?? '', view.price);
      if (eligibility.allowed)
        giftable.push({ skuId: view.skuId, specs: view.specs, price: view.price, stock: view.stock });
      else
        blocked.push({
          skuId: view.skuId,
          specText: view.specText,
          priceText: view.priceText,
          reason: eligibility.message,
        });
    }
    return { giftableSkus: giftable, blockedSkus: blocked };
  }, [product, wishlistToken, initialSkuId]);

  const onSkuChange = useCallback((choice: SpecChoice) => {
    setSku(choice.sku);
    setProblem((previous) => (previous && fieldOfCode(previous.code) === 'sku' ? null : previous));
  }, []);
  /** Typing answers the last refusal: it goes, and the live check of the field takes over. */
  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setProblem(null);
    };

  if (state.kind === 'loading') return <PageState message='加载中…' />;
  if (state.kind === 'failed')
    return <PageState message={state.message} code={state.code} actionText='重试' onAction={() => void load()} />;
  const loaded = state.product;

  if (!loaded.giftable || giftableSkus.length === 0) {
    return (
      <View className='gift-send' data-testid='gift-send-blocked'>
        <PageState message={`该商品不支持送礼物：${loaded.giftBlockedText ?? blockedSkus[0]?.reason ?? ''}`} />
      </View>
    );
  }

  const greetingLength = countChars(greeting.trim());
  const draft: GiftDraft = {
    skuId: sku?.skuId ?? '',
    greeting,
    recipientName,
    signature,
    cardStyle,
    ...(wishlistToken ? { wishlistToken } : {}),
  };
  // The domain's own rules, so the page refuses exactly what the function would.
  const localCheck = checkGiftDraft(draft);
  // Each field's message sits next to it and follows the typing: an empty greeting or no spec is not a
  // mistake until 支付并送出 was tapped; anything else the rules refuse is shown at once.
  const greetingCheck = checkGreeting(greeting);
  const recipientNameCheck = checkRecipientName(recipientName);
  const signatureCheck = checkSignature(signature);
  const liveErrors: Record<Field, string | null> = {
    sku: attempted && !sku ? GiftErrors.SKU_REQUIRED.message : null,
    greeting:
      !greetingCheck.ok && (attempted || greetingCheck.code !== GiftErrors.GREETING_EMPTY.code)
        ? greetingCheck.message
        : null,
    recipientName: recipientNameCheck.ok ? null : recipientNameCheck.message,
    signature: signatureCheck.ok ? null : signatureCheck.message,
  };
  const problemField = problem ? fieldOfCode(problem.code) : null;
  const fieldError = (field: Field): string | null =>
    liveErrors[field] ?? (problem && problemField === field ? problem.message : null);
  const fieldErrorView = (field: Field) => {
    const message = fieldError(field);
    return message ? (
      <View className='gift-send__field-error' data-testid={`gift-error-${field}`}>
        {message}
      </View>
    ) : null;
  };
  // What is not about one field (payment cancelled, sold out meanwhile …) stays next to the button.
  const shownProblem = problem && !problemField ? problem : null;

  const send = async () => {
    setProblem(null);
    setAttempted(true);
    const refused = FIELDS.find(
      (field) =>
        (field === 'sku' && !sku) ||
        (field === 'greeting' && !greetingCheck.ok) ||
        (field === 'recipientName' && !recipientNameCheck.ok) ||
        (field === 'signature' && !signatureCheck.ok),
    );
    if (refused) {
      scrollToId(fieldId(refused));
      return;
    }
    if (!sku || !localCheck.ok) {
      if (!localCheck.ok) setProblem({ code: localCheck.code, message: localCheck.message });
      return;
    }
    setSending(true);
    try {
      // First, while the tap still counts as one (WeChat's rule): the giver's notices about this gift.
      // Whatever the answer, paying goes on.
      await askToSubscribe('payGift');
      const key = draftKeyOf(draft);
      let gift = pending.current?.draftKey === key ? pending.current : null;
      if (!gift) {
        const created = await createGift(draft);
        if (!created.ok) {
          setProblem({ code: created.code, message: created.message });
          const field = fieldOfCode(created.code);
          if (field) scrollToId(fieldId(field));
          return;
        }
        gift = { draftKey: key, created: created.data, totalFee: sku.price };
        pending.current = gift;
      }
      const outcome = await pay(gift.created.payment, {
        outTradeNo: gift.created.outTradeNo,
        totalFee: gift.totalFee,
        description: `送给朋友：${loaded.name}`,
      });
      if (outcome === 'paid') {
        pending.current = null;
        await replaceWithGiftDetail(gift.created.giftId);
      } else if (outcome === 'cancelled') {
        setProblem(GiftErrors.PAYMENT_CANCELLED);
      } else {
        setProblem(GiftErrors.PAYMENT_FAILED);
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <View className='gift-send'>
      <View className='gift-send__section gift-send__product'>
        {loaded.imageUrls[0] && <Image className='gift-send__image' src={loaded.imageUrls[0]} mode='aspectFill' />}
        <View className='gift-send__product-text'>
          <View className='gift-send__name'>{loaded.name}</View>
          <Text className='gift-tag'>送给朋友 · 1件</Text>
        </View>
      </View>
      {wishlistToken && (
        <View className='gift-send__section gift-send__hint' data-testid='gift-from-wishlist'>
          来自好友的心愿单：送出后，其他打开心愿单的好友会看到这件「已有好友准备」，但不会知道是你；TA
          收到礼物卡片时才知道。
        </View>
      )}

      <View className='gift-send__section' id={fieldId('sku')}>
        <View className='gift-send__heading'>选择规格</View>
        <SpecSelector
          specNames={loaded.specNames}
          skus={giftableSkus}
          initialSkuId={initialSkuId}
          fixedQuantity={1}
          highlightMissing={attempted && !sku}
          onChange={onSkuChange}
        />
        {fieldErrorView('sku')}
        <View className='gift-send__hint'>送给一位好友的礼物数量为 1 件；好友收下时可换成同价位的其他规格。</View>
        {blockedSkus.length > 0 && (
          <View className='gift-send__blocked' data-testid='gift-blocked-skus'>
            {blockedSkus.map((blocked) => (
              <View key={blocked.skuId} className='gift-send__blocked-item' data-testid='gift-blocked-sku'>
                {blocked.specText}（{blocked.priceText}）不可送礼：{blocked.reason}
              </View>
            ))}
          </View>
        )}
      </View>

      <View className='gift-send__section'>
        <View className='gift-send__heading' id={fieldId('greeting')}>
          写赠言
        </View>
        <TextArea
          className={`gift-send__greeting${fieldError('greeting') ? ' gift-send__greeting--invalid' : ''}`}
          value={greeting}
          placeholder='写下你想对好友说的话（最多100字）'
          // Our own counter: maxLength counts UTF-16 units, the rule counts characters (code points).
          maxLength={-1}
          rows={4}
          onChange={edited(setGreeting)}
          data-testid='gift-greeting'
        />
        <View
          className={`gift-send__counter${greetingLength > GREETING_MAX_CHARS ? ' gift-send__counter--over' : ''}`}
          data-testid='gift-greeting-counter'
        >
          {greetingLength}/{GREETING_MAX_CHARS}
        </View>
        {fieldErrorView('greeting')}
        <View className='gift-send__line' id={fieldId('recipientName')}>
          <Text className='gift-send__label'>收礼人称呼</Text>
          <Input
            className='gift-send__input'
            value={recipientName}
            placeholder={`选填，最多${RECIPIENT_NAME_MAX_CHARS}个字，如：小红`}
            onChange={edited(setRecipientName)}
            data-testid='gift-recipient-name'
          />
        </View>
        {fieldErrorView('recipientName')}
        <View className='gift-send__line' id={fieldId('signature')}>
          <Text className='gift-send__label'>署名</Text>
          <Input
            className='gift-send__input'
            value={signature}
            placeholder={`选填，最多${SIGNATURE_MAX_CHARS}个字，如：小明`}
            onChange={edited(setSignature)}
            data-testid='gift-signature'
          />
        </View>
        {fieldErrorView('signature')}
        <View className='gift-send__hint'>称呼和署名会随赠言一起印在贺卡上，由商家随礼物寄出。</View>
      </View>

      <View className='gift-send__section'>
        <View className='gift-send__heading'>贺卡样式：{CARD_STYLE_NAMES[cardStyle]}</View>
        <GiftCardStylePicker value={cardStyle} onChange={setCardStyle} />
        <View className='gift-send__preview' data-testid='gift-card-preview'>
          <GiftCard
            card={{
              cardStyle,
              cardStyleName: CARD_STYLE_NAMES[cardStyle],
              greeting,
              recipientName: recipientName.trim() || null,
              signature: signature.trim() || null,
            }}
            placeholder='你的赠言会显示在这里'
          />
        </View>
      </View>

      <GiftNicknamePrompt />

      {shownProblem && (
        <View className='gift-send__problem' data-testid='gift-send-error' data-code={shownProblem.code}>
          {shownProblem.message}
        </View>
      )}

      <View className='gift-send__footer'>
        <View className='gift-send__total'>
          <Text>合计</Text>
          <Text className='price' data-testid='gift-send-total'>
            {sku ? formatFen(sku.price) : '—'}
          </Text>
        </View>
        <Button
          className='gift-send__submit'
          type='danger'
          shape='round'
          loading={sending}
          disabled={sending}
          onClick={() => void send()}
          data-testid='gift-send-submit'
        >
          支付并送出
        </Button>
      </View>
    </View>
  );
}
