import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OrderCardView } from '@/services/order';
import { ACTION_TEXT, useOrderActions } from './useOrderActions';

interface Props {
  order: OrderCardView;
  onChanged: (order: OrderCardView | null) => void;
  className?: string;
}

/** The order's buttons in the server's order (`actions`): 继续支付 / 取消订单 / 确认收货. */
export function OrderActions({ order, onChanged, className }: Props) {
  const { busy, run } = useOrderActions(onChanged);
  if (order.actions.length === 0) return null;
  return (
    <View className={className ?? 'order-card__actions'} data-testid='order-actions'>
      {order.actions.map((action) => (
        <Button
          key={action}
          size='small'
          type={action === 'cancel' ? 'default' : 'danger'}
          fill={action === 'cancel' ? 'outline' : 'solid'}
          disabled={busy}
          onClick={(event) => {
            event.stopPropagation();
            void run(action, order);
          }}
        >
          {ACTION_TEXT[action]}
        </Button>
      ))}
    </View>
  );
}
