import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import { AddressForm } from '@/components/AddressForm';
import { StateView } from '@/components/StateView';
import type { Address } from '@domain/address';
import { formatAddress, formatContact } from '@domain/address';
import { formatFen, multiplyFen } from '@domain/money';
import { checkStock, ORDER_MAX_QUANTITY } from '@domain/order/rules';
import { lastUsedAddress } from '@/platform/address';
import { showToast } from '@/platform/feedback';
import { scrollToId } from '@/platform/scroll';
import { useRouter } from '@/platform/lifecycle';
import { redirectTo, routes } from '@/platform/navigation';
import { askToSubscribe } from '@/platform/subscribe';
import { payForOrder, placeOrder } from '@/services/order';
import { OrderErrors } from '@domain/order/errors';
import { getProduct, type ProductDetailView, type SkuView } from '@/services/shop';
import { OrderItems } from '@/packages/order/components/OrderItems';
import '@/packages/order/components/order.scss';
import './index.scss';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'ready'; product: ProductDetailView; sku: SkuView }
  | { kind: 'failed'; code: string; message: string };

const parseQuantity = (raw: string | undefined): number => {
  const quantity = Math.floor(Number(raw ?? '1'));
  return Number.isFinite(quantity) ? Math.min(Math.max(quantity, 1), ORDER_MAX_QUANTITY) : 1;
};

/**
 * 确认订单: the chosen SKU and quantity, the delivery address (the last one used, WeChat's address book
 * in weapp, or the form), the amount; 提交订单 creates the order (the server prices it and holds the
 * stock) and opens the pay sheet, then the result page takes over.
 */
export default function ConfirmOrderPage() {
  const params = useRouter().params;
  const productId = params.productId ?? '';
  const skuId = params.skuId ?? '';
  const quantity = parseQuantity(params.quantity);
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [address, setAddress] = useState<Address | undefined>(() => lastUsedAddress());
  const [editing, setEditing] = useState(() => lastUsedAddress() === undefined);
  const [submitting, setSubmitting] = useState(false);

  const load = useCallback(async () => {
    if (!productId || !skuId) {
      setState({ kind: 'failed', code: OrderErrors.SKU_NOT_FOUND.code, message: '请先选择商品规格' });
      return;
    }
    setState({ kind: 'loading' });
    const answer = await getProduct(productId);
    if (!answer.ok) {
      setState({ kind: 'failed', code: answer.code, message: answer.message });
      return;
    }
    const sku = answer.data.skuViews.find((candidate) => candidate.skuId === skuId);
    setState(sku ? { kind: 'ready', product: answer.data, sku } : { kind: 'failed', ...OrderErrors.SKU_NOT_FOUND });
  }, [productId, skuId]);

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

  const { product, sku } = state;
  const total = multiplyFen(sku.price, quantity);
  // The domain's stock rule and message (ORDER.OUT_OF_STOCK), the same the order function answers.
  const stockCheck = checkStock(sku.stock, quantity);
  const notEnough = stockCheck.ok ? null : stockCheck.message;

  const submit = async () => {
    if (submitting) return;
    // Every tap gets an answer: what is missing is named and brought into view.
    if (!address || editing) {
      showToast('请先填写收货地址');
      scrollToId('confirm-address');
      return;
    }
    if (notEnough) {
      showToast(notEnough);
      return;
    }
    setSubmitting(true);
    // First, while the tap still counts as one (WeChat's rule): the shipping notice. A refusal changes nothing.
    await askToSubscribe('payOwnOrder');
    const placed = await placeOrder(sku.skuId, quantity, address);
    if (!placed.ok) {
      setSubmitting(false);
      showToast(placed.message);
      return;
    }
    const { orderId, payment, outTradeNo, totalFee } = placed.data;
    const paid = await payForOrder(orderId, totalFee, `${product.name} × ${quantity}`, { payment, outTradeNo });
    // The order exists whatever happened to the payment: the result page shows it and offers 继续支付.
    const outcome = paid.ok ? paid.data.outcome : 'failed';
    void redirectTo(routes.orderResult({ orderId, outcome }));
  };

  return (
    <View className='order-page confirm'>
      <View className='order-card' id='confirm-address' data-testid='confirm-address'>
        <View className='order-card__title'>收货地址</View>
        {address && !editing ? (
          <View className='confirm__address'>
            <View className='confirm__address-body'>
              <View className='confirm__contact'>{formatContact(address)}</View>
              <View className='confirm__address-text'>{formatAddress(address)}</View>
            </View>
            <Text className='confirm__change' onClick={() => setEditing(true)}>
              修改
            </Text>
          </View>
        ) : (
          <AddressForm
            value={address}
            submitText='使用该地址'
            onSubmit={(next) => {
              setAddress(next);
              setEditing(false);
            }}
          />
        )}
      </View>

      <View className='order-card'>
        <View className='order-card__title'>商品</View>
        <OrderItems
          items={[
            {
              skuId: sku.skuId,
              productId: product.productId,
              name: product.name,
              image: product.images[0] ?? '',
              imageUrl: product.imageUrls[0] ?? '',
              specs: sku.specs,
              specText: sku.specText,
              price: sku.price,
              priceText: sku.priceText,
              quantity,
            },
          ]}
        />
        <View className='order-card__line'>
          <Text>商品金额</Text>
          <Text className='order-card__value'>{formatFen(total)}</Text>
        </View>
        <View className='order-card__line'>
          <Text>运费</Text>
          <Text className='order-card__value'>免运费</Text>
        </View>
        {notEnough && <View className='confirm__warning'>{notEnough}</View>}
        <View className='confirm__note'>请在下单后30分钟内完成支付，超时订单将自动取消</View>
      </View>

      <View className='order-bar'>
        <Text className='order-bar__total'>
          合计 <Text className='price'>{formatFen(total)}</Text>
        </Text>
        <Button type='danger' loading={submitting} disabled={submitting} onClick={() => void submit()}>
          提交订单
        </Button>
      </View>
    </View>
  );
}
