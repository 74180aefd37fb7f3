import { Image, Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import type { MerchantAfterSaleView } from '@domain/contracts';
import { formatChinaDateTime } from '@domain/clock';
import { formatFen } from '@domain/money';
import { skuLabel } from '@domain/product/specs';
import { StateView } from '@/components/StateView';
import { cloudFileSrc } from '@/platform/cloudFile';
import { previewImages, showToast } from '@/platform/feedback';
import { confirmReturn, listMerchantAfterSales, resolveAfterSale } from '@/services/merchant';

type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

/**
 * 售后 tab: every after-sale, newest first. Tap one for its detail (reason, words, photos, the return
 * parcel); approve or reject with a note, or confirm a returned parcel arrived.
 */
export function AfterSalesList() {
  const [items, setItems] = useState<MerchantAfterSaleView[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [openId, setOpenId] = useState<string | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async (cursor: string | null) => {
    const answer = await listMerchantAfterSales(cursor);
    if (!answer.ok) {
      if (cursor) showToast(answer.message);
      else setState({ kind: 'failed', message: answer.message });
      return;
    }
    setItems((shown) => (cursor ? [...shown, ...answer.data.items] : answer.data.items));
    setNextCursor(answer.data.nextCursor);
    setState({ kind: 'ready' });
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  const replace = (changed: MerchantAfterSaleView) =>
    setItems((shown) => shown.map((item) => (item.afterSaleId === changed.afterSaleId ? changed : item)));

  const act = async (item: MerchantAfterSaleView, action: 'approve' | 'reject' | 'confirmReturn') => {
    const note = (notes[item.afterSaleId] ?? '').trim();
    if (action === 'reject' && !note) {
      setErrors((all) => ({ ...all, [item.afterSaleId]: '拒绝时请填写原因，买家会看到' }));
      return;
    }
    setBusy(item.afterSaleId);
    const answer =
      action === 'confirmReturn'
        ? await confirmReturn(item.afterSaleId)
        : await resolveAfterSale(item.afterSaleId, action === 'approve', note);
    setBusy(null);
    if (answer.ok) {
      replace(answer.data);
      setErrors((all) => ({ ...all, [item.afterSaleId]: '' }));
      showToast(action === 'reject' ? '已拒绝' : '已处理', 'success');
    } else setErrors((all) => ({ ...all, [item.afterSaleId]: answer.message }));
  };

  if (state.kind === 'loading') return <StateView kind='loading' skeleton='rows' />;
  if (state.kind === 'failed')
    return <StateView kind='error' message={state.message} actionText='重试' onAction={() => void load(null)} />;
  if (items.length === 0) return <StateView kind='empty' message='暂无售后申请' />;

  return (
    <View data-testid='merchant-after-sales'>
      {items.map((item) => {
        const open = openId === item.afterSaleId;
        const photos = item.photos.map(cloudFileSrc);
        return (
          <View key={item.afterSaleId} className='merchant__card' data-testid='merchant-after-sale'>
            <View className='merchant__row' onClick={() => setOpenId(open ? null : item.afterSaleId)}>
              <View>
                <Text className='merchant__tag'>{item.typeLabel}</Text>
                <Text className='merchant__tag merchant__tag--grey'>
                  {item.requester === 'recipient' ? '收礼人申请' : '买家申请'}
                </Text>
              </View>
              <Text className='merchant-order__status'>{item.statusLabel}</Text>
            </View>
            {item.items.map((line) => (
              <View key={line.skuId} className='merchant__muted'>
                {line.name}（{skuLabel(line)}）× {line.quantity}
              </View>
            ))}
            <View className='merchant__row'>
              <Text className='merchant__muted'>原因：{item.reasonLabel}</Text>
              <Text className='merchant__price'>退款 {formatFen(item.refundFee)}</Text>
            </View>
            {open && (
              <View className='merchant-after-sale__detail' data-testid='merchant-after-sale-detail'>
                <View className='merchant__muted'>订单 {item.orderId}</View>
                <View className='merchant__muted'>申请时间 {formatChinaDateTime(item.createdAt)}</View>
                {item.description && <View>说明：{item.description}</View>}
                {photos.length > 0 && (
                  <View className='merchant-after-sale__photos'>
                    {photos.map((src) => (
                      <Image
                        key={src}
                        className='merchant-after-sale__photo'
                        src={src}
                        mode='aspectFill'
                        onClick={() => previewImages(photos, src)}
                      />
                    ))}
                  </View>
                )}
                {item.returnShipping && (
                  <View>
                    退货物流：{item.returnShipping.expressCompany} {item.returnShipping.trackingNo}
                  </View>
                )}
                {item.merchantNote && <View>处理说明：{item.merchantNote}</View>}
                {item.actions.some((action) => action !== 'confirmReturn') && (
                  <TextArea
                    className='merchant-after-sale__note'
                    placeholder='处理说明（拒绝时必填；同意退货时可写退货地址）'
                    maxLength={200}
                    value={notes[item.afterSaleId] ?? ''}
                    onChange={(value) => setNotes((all) => ({ ...all, [item.afterSaleId]: String(value) }))}
                  />
                )}
              </View>
            )}
            {errors[item.afterSaleId] && <View className='merchant__error'>{errors[item.afterSaleId]}</View>}
            <View className='merchant__actions'>
              {!open && item.actions.length > 0 && (
                <Button size='small' onClick={() => setOpenId(item.afterSaleId)}>
                  查看并处理
                </Button>
              )}
              {open && item.actions.includes('reject') && (
                <Button size='small' disabled={busy !== null} onClick={() => void act(item, 'reject')}>
                  拒绝
                </Button>
              )}
              {open && item.actions.includes('approve') && (
                <Button
                  size='small'
                  type='primary'
                  disabled={busy !== null}
                  data-testid='merchant-after-sale-approve'
                  onClick={() => void act(item, 'approve')}
                >
                  同意
                </Button>
              )}
              {item.actions.includes('confirmReturn') && (
                <Button
                  size='small'
                  type='primary'
                  disabled={busy !== null}
                  onClick={() => void act(item, 'confirmReturn')}
                >
                  确认收到退货
                </Button>
              )}
            </View>
          </View>
        );
      })}
      <View className='merchant__more'>
        {nextCursor ? <Text onClick={() => void load(nextCursor)}>加载更多</Text> : <Text>没有更多了</Text>}
      </View>
    </View>
  );
}
