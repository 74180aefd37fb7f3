import { Image, Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import { StateView } from '@/components/StateView';
import type { AfterSaleView } from '@domain/contracts';
import { AfterSaleErrors } from '@domain/afterSale/errors';
import { CARRIERS, checkShipment } from '@domain/logistics/carriers';
import { formatFen } from '@domain/money';
import { cloudFileSrc } from '@/platform/cloudFile';
import { confirmAction, previewImages, showToast } from '@/platform/feedback';
import { useDidShow, useRouter } from '@/platform/lifecycle';
import { navigateTo, redirectTo, routes } from '@/platform/navigation';
import { cancelAfterSale, getAfterSale, submitReturnShipping } from '@/services/afterSale';
import '@/packages/order/components/order.scss';
import '@/packages/order/components/after-sale.scss';

type LoadState =
  { kind: 'loading' } | { kind: 'ready'; view: AfterSaleView } | { kind: 'failed'; code: string; message: string };

const pad = (value: number) => String(value).padStart(2, '0');
/** '11-25 14:03' in Beijing time (the shop's time zone). */
const shortTime = (epochMs: number): string => {
  const date = new Date(epochMs + 8 * 3_600_000);
  return `${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
};

/**
 * 售后详情: status and its steps, what was asked, the merchant's note, the return parcel form (carrier
 * picker and tracking number) once the merchant agreed to a return, and 撤销申请 while it is allowed.
 */
export default function AfterSaleDetailPage() {
  const afterSaleId = useRouter().params.afterSaleId ?? '';
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [carrier, setCarrier] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (!afterSaleId) {
      setState({ kind: 'failed', ...AfterSaleErrors.NOT_FOUND });
      return;
    }
    const answer = await getAfterSale(afterSaleId);
    setState(
      answer.ok ? { kind: 'ready', view: answer.data } : { kind: 'failed', code: answer.code, message: answer.message },
    );
  }, [afterSaleId]);

  useEffect(() => {
    void load();
  }, [load]);
  useDidShow(() => {
    if (state.kind === 'ready') void load();
  });

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
  const { view } = state;

  const cancel = async () => {
    if (!(await confirmAction('撤销申请', '撤销后可在售后期限内再次申请，确定撤销吗？', '撤销'))) return;
    setBusy(true);
    const answer = await cancelAfterSale(view.afterSaleId);
    setBusy(false);
    if (!answer.ok) return showToast(answer.message);
    showToast('已撤销', 'success');
    setState({ kind: 'ready', view: answer.data });
  };

  const sendBack = async () => {
    if (!carrier) return setFormError('请选择快递公司');
    if (!trackingNo.trim()) return setFormError('请填写快递单号');
    const checked = checkShipment(carrier, trackingNo);
    if (!checked.ok) return setFormError(checked.message);
    setFormError('');
    setBusy(true);
    const answer = await submitReturnShipping(view.afterSaleId, carrier, checked.data.trackingNo);
    setBusy(false);
    if (!answer.ok) return setFormError(answer.message);
    showToast('已提交退货物流', 'success');
    setState({ kind: 'ready', view: answer.data });
  };

  const refundText =
    view.refundFee === null ? '全额退款（原路退回送礼人）' : `${formatFen(view.refundFee)}（原路退回）`;
  const canShipBack = view.actions.includes('submitReturnShipping');

  return (
    <View className='order-page after-sale' data-testid='after-sale-detail'>
      <View className='after-sale__status'>
        <View className='after-sale__label' data-testid='after-sale-status'>
          {view.statusLabel}
        </View>
        <View className='after-sale__hint'>{view.statusHint}</View>
      </View>

      <View className='order-card'>
        <View className='after-sale__steps' data-testid='after-sale-steps'>
          {view.steps.map((step) => (
            <View key={step.label} className={`after-sale__step${step.done ? ' after-sale__step--done' : ''}`}>
              <View className='after-sale__dot' />
              <View>{step.label}</View>
              {step.at !== null && <View className='after-sale__sub'>{shortTime(step.at)}</View>}
            </View>
          ))}
        </View>
      </View>

      {view.merchantNote && (
        <View className='order-card'>
          <View className='order-card__title'>商家说明</View>
          <View className='after-sale__note' data-testid='after-sale-note'>
            {view.merchantNote}
          </View>
        </View>
      )}

      {canShipBack && (
        <View className='order-card' data-testid='after-sale-return-form'>
          <View className='order-card__title'>填写退货物流</View>
          <View className='after-sale__sub'>请按商家说明寄回商品，并填写快递公司和单号</View>
          <View className='after-sale__chips' style={{ marginTop: '8px' }}>
            {CARRIERS.map((option) => (
              <View
                key={option.code}
                className={`after-sale__chip${carrier === option.name ? ' after-sale__chip--selected' : ''}`}
                onClick={() => {
                  setCarrier(option.name);
                  setFormError('');
                }}
                data-testid={`after-sale-carrier-${option.code}`}
              >
                {option.name}
              </View>
            ))}
          </View>
          <View className='order-card__line'>
            <Text>快递单号</Text>
            <Input
              className='after-sale__input'
              value={trackingNo}
              placeholder='请输入快递单号'
              onChange={(value: string) => {
                setTrackingNo(value);
                setFormError('');
              }}
              data-testid='after-sale-tracking-no'
            />
          </View>
          {formError && (
            <View className='after-sale__error' data-testid='after-sale-form-error'>
              {formError}
            </View>
          )}
          <Button
            type='danger'
            size='small'
            disabled={busy}
            onClick={() => void sendBack()}
            data-testid='after-sale-ship-back'
          >
            提交退货物流
          </Button>
        </View>
      )}

      {view.returnShipping && (
        <View className='order-card'>
          <View className='order-card__title'>退货物流</View>
          <View className='order-card__line'>
            <Text>快递公司</Text>
            <Text className='order-card__value'>{view.returnShipping.expressCompany}</Text>
          </View>
          <View className='order-card__line'>
            <Text>快递单号</Text>
            <Text className='order-card__value'>{view.returnShipping.trackingNo}</Text>
          </View>
        </View>
      )}

      <View className='order-card'>
        <View className='order-card__title'>申请信息</View>
        {view.items.map((item) => (
          <View key={item.skuId} className='order-card__line'>
            <Text>{item.name}</Text>
            <Text className='order-card__value'>× {item.quantity}</Text>
          </View>
        ))}
        <View className='order-card__line'>
          <Text>售后类型</Text>
          <Text className='order-card__value'>{view.typeLabel}</Text>
        </View>
        <View className='order-card__line'>
          <Text>售后原因</Text>
          <Text className='order-card__value'>{view.reasonLabel}</Text>
        </View>
        <View className='order-card__line'>
          <Text>退款金额</Text>
          <Text className='order-card__value order-card__value--price'>{refundText}</Text>
        </View>
        {view.description && (
          <View className='order-card__line'>
            <Text>问题描述</Text>
            <Text className='order-card__value'>{view.description}</Text>
          </View>
        )}
        {view.photos.length > 0 && (
          <View className='after-sale__photos' style={{ marginTop: '8px' }}>
            {view.photos.map((photo) => (
              <Image
                key={photo}
                className='after-sale__photo'
                style={{ marginRight: '8px' }}
                src={cloudFileSrc(photo)}
                mode='aspectFill'
                onClick={() => previewImages(view.photos.map(cloudFileSrc), cloudFileSrc(photo))}
              />
            ))}
          </View>
        )}
        <View className='order-card__line'>
          <Text>售后单号</Text>
          <Text className='order-card__value'>{view.afterSaleId}</Text>
        </View>
      </View>

      <View className='after-sale__bar'>
        <Button size='small' onClick={() => void navigateTo(routes.orderDetail({ orderId: view.orderId }))}>
          查看订单
        </Button>
        {view.actions.includes('cancel') && (
          <Button size='small' disabled={busy} onClick={() => void cancel()} data-testid='after-sale-cancel'>
            撤销申请
          </Button>
        )}
        {view.actions.includes('requestAgain') && (
          <Button
            size='small'
            type='danger'
            onClick={() => void redirectTo(routes.afterSaleApply({ orderId: view.orderId }))}
            data-testid='after-sale-again'
          >
            再次申请
          </Button>
        )}
      </View>
    </View>
  );
}
