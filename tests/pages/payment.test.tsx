import { fireEvent, screen, waitFor } from '@testing-library/react';
import { isPaymentCancelled, pay, requestPayment } from '@/platform/payment';
import { fakeFetch } from './support/gateway';

const payment = { timeStamp: '1764000000', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'MD5', paySign: 's' };

describe('H5 cashier (requestPayment on the local cloud)', () => {
  let posted: Array<{ url: string; body: unknown }>;
  let status: number;
  beforeEach(() => {
    posted = [];
    status = 200;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input) !== '/_dev/pay') return fakeFetch(input, init);
      posted.push({ url: String(input), body: JSON.parse(String(init?.body)) });
      return { ok: status === 200, status, json: async () => ({ state: 'SUCCESS' }) };
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = fakeFetch as unknown as typeof fetch;
  });

  test('shows the amount; 确认支付 pays the trade through /_dev/pay and resolves', async () => {
    const paying = requestPayment(payment, { outTradeNo: 'Oo123', totalFee: 21800, description: '羊绒围巾 × 1' });
    const sheet = screen.getByTestId('cashier');
    expect(sheet).toHaveTextContent('收银台');
    expect(sheet).toHaveTextContent('¥218.00');
    expect(sheet).toHaveTextContent('羊绒围巾 × 1');
    fireEvent.click(screen.getByText('确认支付'));
    await expect(paying).resolves.toBeUndefined();
    expect(posted).toEqual([{ url: '/_dev/pay', body: { outTradeNo: 'Oo123', result: 'SUCCESS' } }]);
    expect(screen.queryByTestId('cashier')).toBeNull();
  });

  test('取消 rejects like wx.requestPayment and pays nothing', async () => {
    const paying = requestPayment(payment, { outTradeNo: 'Oo123' });
    fireEvent.click(screen.getByText('取消'));
    await expect(paying).rejects.toEqual({ errMsg: 'requestPayment:fail cancel' });
    expect(posted).toEqual([]);
    expect(screen.queryByTestId('cashier')).toBeNull();
  });

  test('pay() turns the outcome into a value: paid, cancelled, failed', async () => {
    const paid = pay(payment, { outTradeNo: 'Oo1' });
    fireEvent.click(screen.getByText('确认支付'));
    await expect(paid).resolves.toBe('paid');

    const cancelled = pay(payment, { outTradeNo: 'Oo1' });
    fireEvent.click(screen.getByText('取消'));
    await expect(cancelled).resolves.toBe('cancelled');

    status = 404;
    const failed = pay(payment, { outTradeNo: 'Oo-unknown' });
    fireEvent.click(screen.getByText('确认支付'));
    await expect(failed).resolves.toBe('failed');
    await waitFor(() => expect(screen.queryByTestId('cashier')).toBeNull());
  });

  test('isPaymentCancelled tells a closed sheet from a failure', () => {
    expect(isPaymentCancelled({ errMsg: 'requestPayment:fail cancel' })).toBe(true);
    expect(isPaymentCancelled({ errMsg: 'requestPayment:fail (detail message)' })).toBe(false);
  });
});
