import { useState } from 'react';
import type { OrderBuyerAction } from '@domain/contracts';
import { confirmAction, hideLoading, showLoading, showToast } from '@/platform/feedback';
import { redirectTo, routes } from '@/platform/navigation';
import { askToSubscribe } from '@/platform/subscribe';
import { cancelOrder, confirmReceipt, payForOrder, type OrderCardView } from '@/services/order';

export const ACTION_TEXT: Record<OrderBuyerAction, string> = {
  pay: '继续支付',
  cancel: '取消订单',
  confirmReceipt: '确认收货',
};

/**
 * The buyer's buttons on an order (as the server lists them in `actions`): pay, cancel (asks first),
 * confirm receipt (asks first). `onChanged` gets the order as the server answered, to re-render.
 */
export function useOrderActions(onChanged: (order: OrderCardView | null) => void) {
  const [busy, setBusy] = useState(false);

  const run = async (action: OrderBuyerAction, order: OrderCardView) => {
    if (busy) return;
    // 继续支付 is the buyer's pay tap: ask for the shipping notice first, while the tap still counts as one.
    if (action === 'pay') await askToSubscribe('payOwnOrder');
    if (
      action === 'cancel' &&
      !(await confirmAction('取消订单', '确定取消这个订单吗？库存将释放给其他买家。', '取消订单'))
    ) {
      return;
    }
    if (action === 'confirmReceipt' && !(await confirmAction('确认收货', '确认已经收到商品了吗？', '确认收货'))) return;
    setBusy(true);
    try {
      if (action === 'pay') {
        const first = order.items[0];
        const description = first ? `${first.name} × ${first.quantity}` : '订单支付';
        const answer = await payForOrder(order.orderId, order.totalFee ?? 0, description);
        if (!answer.ok) {
          showToast(answer.message);
          onChanged(null);
          return;
        }
        if (answer.data.outcome === 'cancelled') return;
        void redirectTo(routes.orderResult({ orderId: order.orderId, outcome: answer.data.outcome }));
        return;
      }
      showLoading();
      const answer = action === 'cancel' ? await cancelOrder(order.orderId) : await confirmReceipt(order.orderId);
      hideLoading();
      if (answer.ok) {
        showToast(action === 'cancel' ? '订单已取消' : '已确认收货', 'success');
        onChanged(answer.data);
      } else {
        showToast(answer.message);
        onChanged(null);
      }
    } finally {
      setBusy(false);
    }
  };

  return { busy, run };
}
