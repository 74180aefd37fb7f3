import { Image, Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import { StateView } from '@/components/StateView';
import { AFTER_SALE_TYPE_LABELS } from '@domain/afterSale/machine';
import {
  AFTER_SALE_DESCRIPTION_MAX,
  allowedAfterSaleTypes,
  MAX_AFTER_SALE_PHOTOS,
  reasonLabel,
  reasonsFor,
} from '@domain/afterSale/rules';
import type { AfterSaleReason, AfterSaleType } from '@domain/afterSale/types';
import { AfterSaleErrors } from '@domain/afterSale/errors';
import { clock } from '@domain/clock';
import { OrderErrors } from '@domain/order/errors';
import { countChars } from '@domain/text';
import { cloudFileSrc } from '@/platform/cloudFile';
import { showToast } from '@/platform/feedback';
import { useRouter } from '@/platform/lifecycle';
import { redirectTo, routes } from '@/platform/navigation';
import { pickImages } from '@/platform/pickImages';
import { requestAfterSale, uploadAfterSalePhoto } from '@/services/afterSale';
import { getOrder, type OrderCardView } from '@/services/order';
import { OrderItems } from '@/packages/order/components/OrderItems';
import '@/packages/order/components/order.scss';
import '@/packages/order/components/after-sale.scss';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'ready'; order: OrderCardView; types: AfterSaleType[] }
  | { kind: 'failed'; code: string; message: string };

const TYPE_HINTS: Record<AfterSaleType, string> = {
  refund: '未收到货，或与商家协商一致不用退货',
  return: '已收到货，需要把商品寄回商家',
};

/**
 * 申请售后: the type (仅退款 / 退货退款, as the order allows), a reason from the list, optional words,
 * up to 3 photos (uploaded to cloud storage, removable), and what will be refunded to whom.
 */
export default function AfterSaleApplyPage() {
  const orderId = useRouter().params.orderId ?? '';
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [type, setType] = useState<AfterSaleType | null>(null);
  const [reason, setReason] = useState<AfterSaleReason | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    if (!orderId) {
      setState({ kind: 'failed', ...OrderErrors.NOT_FOUND });
      return;
    }
    const answer = await getOrder(orderId);
    if (!answer.ok) {
      setState({ kind: 'failed', code: answer.code, message: answer.message });
      return;
    }
    const order = answer.data;
    const types = order.afterSaleEntry === null ? [] : allowedAfterSaleTypes(order, clock.now());
    setState({ kind: 'ready', order, types });
    setType((current) => current ?? (types.length === 1 ? (types[0] ?? null) : null));
  }, [orderId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <StateView kind='loading' skeleton='rows' />;
  if (state.kind === 'failed') {
    return (
      <StateView
        kind='error'
        message={state.message}
        code={state.code}
        actionText='重试'
        onAction={() => void load()}
      />
    );
  }
  const { order, types } = state;
  if (types.length === 0) {
    return (
      <StateView
        kind='empty'
        message={
          order.status === 'completed' ? AfterSaleErrors.WINDOW_CLOSED.message : AfterSaleErrors.NOT_ELIGIBLE.message
        }
        actionText='返回订单'
        onAction={() => void redirectTo(routes.orderDetail({ orderId }))}
      />
    );
  }

  const reasons = type ? reasonsFor(type, order.status) : [];
  const descriptionLength = countChars(description);
  const forRecipient = order.viewer === 'recipient';

  const chooseType = (next: AfterSaleType) => {
    setType(next);
    setError('');
    if (reason && !reasonsFor(next, order.status).includes(reason)) setReason(null);
  };

  const addPhotos = async () => {
    const room = MAX_AFTER_SALE_PHOTOS - photos.length;
    if (room <= 0) {
      showToast(`最多上传${MAX_AFTER_SALE_PHOTOS}张图片`);
      return;
    }
    const paths = await pickImages(room);
    if (paths.length === 0) return;
    setUploading(true);
    const uploaded: string[] = [];
    for (const [index, path] of paths.entries()) {
      const fileID = await uploadAfterSalePhoto(orderId, path, index);
      if (fileID) uploaded.push(fileID);
    }
    setUploading(false);
    if (uploaded.length < paths.length) showToast('有图片上传失败，请重试');
    setPhotos((current) => [...current, ...uploaded].slice(0, MAX_AFTER_SALE_PHOTOS));
  };

  const submit = async () => {
    if (!type) return setError('请选择售后类型');
    if (!reason) return setError('请选择售后原因');
    if (descriptionLength > AFTER_SALE_DESCRIPTION_MAX)
      return setError(`问题描述不能超过${AFTER_SALE_DESCRIPTION_MAX}个字`);
    if (uploading) return setError('图片上传中，请稍候');
    setError('');
    setSubmitting(true);
    const answer = await requestAfterSale({ orderId, type, reason, description, photos });
    setSubmitting(false);
    if (!answer.ok) {
      setError(answer.message);
      showToast(answer.message);
      return;
    }
    showToast('已提交，等待商家处理', 'success');
    void redirectTo(routes.afterSaleDetail({ afterSaleId: answer.data.afterSaleId }));
  };

  return (
    <View className='order-page after-sale' data-testid='after-sale-apply'>
      <View className='order-card'>
        <View className='order-card__title'>售后商品</View>
        <OrderItems items={order.items} />
      </View>

      <View className='order-card'>
        <View className='order-card__title'>售后类型</View>
        <View className='after-sale__chips'>
          {types.map((option) => (
            <View
              key={option}
              className={`after-sale__chip${type === option ? ' after-sale__chip--selected' : ''}`}
              onClick={() => chooseType(option)}
              data-testid={`after-sale-type-${option}`}
            >
              {AFTER_SALE_TYPE_LABELS[option]}
            </View>
          ))}
        </View>
        {type && <View className='after-sale__sub'>{TYPE_HINTS[type]}</View>}
        {!types.includes('return') && <View className='after-sale__sub'>商品尚未发货，可申请仅退款</View>}
      </View>

      <View className='order-card'>
        <View className='order-card__title'>售后原因</View>
        {type ? (
          <View className='after-sale__chips'>
            {reasons.map((option) => (
              <View
                key={option}
                className={`after-sale__chip${reason === option ? ' after-sale__chip--selected' : ''}`}
                onClick={() => {
                  setReason(option);
                  setError('');
                }}
                data-testid={`after-sale-reason-${option}`}
              >
                {reasonLabel(option)}
              </View>
            ))}
          </View>
        ) : (
          <View className='after-sale__sub'>请先选择售后类型</View>
        )}
      </View>

      <View className='order-card'>
        <View className='order-card__title'>问题描述（选填）</View>
        <TextArea
          className='after-sale__textarea'
          value={description}
          placeholder='请描述遇到的问题，便于商家尽快处理'
          // our own counter: maxLength counts UTF-16 units, the rule counts characters
          maxLength={-1}
          rows={3}
          onChange={(value: string) => setDescription(value)}
          data-testid='after-sale-description'
        />
        <View
          className={`after-sale__counter${descriptionLength > AFTER_SALE_DESCRIPTION_MAX ? ' after-sale__counter--over' : ''}`}
        >
          {descriptionLength}/{AFTER_SALE_DESCRIPTION_MAX}
        </View>
        <View className='order-card__title'>上传凭证（选填，最多{MAX_AFTER_SALE_PHOTOS}张）</View>
        <View className='after-sale__photos' data-testid='after-sale-photos'>
          {photos.map((photo, index) => (
            <View key={photo} className='after-sale__photo-box'>
              <Image className='after-sale__photo' src={cloudFileSrc(photo)} mode='aspectFill' />
              <View
                className='after-sale__remove'
                onClick={() => setPhotos((current) => current.filter((item) => item !== photo))}
                data-testid={`after-sale-photo-remove-${index}`}
              >
                ×
              </View>
            </View>
          ))}
          {photos.length < MAX_AFTER_SALE_PHOTOS && (
            <View className='after-sale__add' onClick={() => void addPhotos()} data-testid='after-sale-photo-add'>
              <Text>{uploading ? '上传中…' : '＋ 添加图片'}</Text>
            </View>
          )}
        </View>
      </View>

      <View className='order-card'>
        <View className='order-card__line'>
          <Text>退款金额</Text>
          <Text className='order-card__value order-card__value--price' data-testid='after-sale-amount'>
            {forRecipient ? '全额退款' : order.totalText}
          </Text>
        </View>
        <View className='after-sale__sub'>
          {forRecipient ? '商家同意后，款项将原路退回送礼人' : '商家同意后，款项将原路退回你的付款账户'}
        </View>
      </View>

      {error && (
        <View className='after-sale__error' data-testid='after-sale-error'>
          {error}
        </View>
      )}

      <View className='after-sale__bar'>
        <Button type='danger' disabled={submitting} onClick={() => void submit()} data-testid='after-sale-submit'>
          {submitting ? '提交中…' : '提交申请'}
        </Button>
      </View>
    </View>
  );
}
