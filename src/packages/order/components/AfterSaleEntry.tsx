import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AfterSaleEntry as Entry, OrderAfterSaleSummary } from '@domain/contracts';
import { navigateTo, routes } from '@/platform/navigation';

interface Props {
  order: { orderId: string; afterSale: OrderAfterSaleSummary | null; afterSaleEntry: Entry };
}

/**
 * 售后服务 on an order's page: its after-sale status when there is one, and 申请售后 / 查看售后 for the
 * one who may ask (the buyer, or a gift's recipient). The giver of a gift sees the status only.
 */
export function AfterSaleEntry({ order }: Props) {
  const { afterSale, afterSaleEntry } = order;
  if (!afterSale && afterSaleEntry === null) return null;
  const open = () => {
    if (afterSaleEntry === 'view' && afterSale?.afterSaleId) {
      void navigateTo(routes.afterSaleDetail({ afterSaleId: afterSale.afterSaleId }));
    } else if (afterSaleEntry === 'apply') {
      void navigateTo(routes.afterSaleApply({ orderId: order.orderId }));
    }
  };
  const canOpen = afterSaleEntry === 'apply' || (afterSaleEntry === 'view' && Boolean(afterSale?.afterSaleId));
  return (
    <View className='order-card' data-testid='after-sale-entry'>
      <View className='order-card__line'>
        <Text>售后服务</Text>
        <Text className='order-card__value' data-testid='after-sale-entry-status'>
          {afterSale ? afterSale.statusLabel : '支持仅退款、退货退款'}
        </Text>
      </View>
      {canOpen && (
        <View className='order-card__actions'>
          <Button size='small' onClick={open} data-testid='after-sale-entry-button'>
            {afterSaleEntry === 'apply' ? '申请售后' : '查看售后'}
          </Button>
        </View>
      )}
    </View>
  );
}
