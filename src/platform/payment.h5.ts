/**
 * H5 (the local cloud only, never WeChat): a cashier sheet (收银台) standing in for WeChat Pay. 确认支付
 * asks the local cloud's payment simulator to pay (`POST /_dev/pay { outTradeNo, result: 'SUCCESS' }`,
 * which then notifies the payCallback function) and resolves; 取消 rejects as wx.requestPayment does
 * (`errMsg: 'requestPayment:fail cancel'`). Plain DOM: it lives outside any page's React tree.
 */
import { formatFen } from '@domain/money';
import type { PaymentFailure, PaymentOutcome, PaymentParams, PaymentRequestOptions } from './paymentTypes';
import { PAYMENT_CANCEL_MESSAGE, paymentOutcomeOf } from './paymentTypes';

export type { PaymentOutcome, PaymentParams, PaymentRequestOptions } from './paymentTypes';
export { isPaymentCancelled, PAYMENT_CANCEL_MESSAGE } from './paymentTypes';

const failure = (errMsg: string): PaymentFailure => ({ errMsg });

async function payThroughSimulator(outTradeNo: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/_dev/pay', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ outTradeNo, result: 'SUCCESS' }),
    });
  } catch {
    throw failure('requestPayment:fail 网络不可用');
  }
  if (!response.ok) throw failure(`requestPayment:fail HTTP ${response.status}`);
}

const element = (tag: string, style: string, text?: string): HTMLElement => {
  const node = document.createElement(tag);
  node.setAttribute('style', style);
  if (text !== undefined) node.textContent = text;
  return node;
};

export function requestPayment(payment: PaymentParams, options: PaymentRequestOptions): Promise<void> {
  // payment is what WeChat would take; the simulator only needs the trade number.
  void payment;
  return new Promise<void>((resolve, reject) => {
    const mask = element(
      'div',
      'position:fixed;inset:0;z-index:10000;background:rgba(0,0,0,.5);display:flex;align-items:flex-end;',
    );
    mask.setAttribute('data-testid', 'cashier');
    const sheet = element(
      'div',
      'width:100%;box-sizing:border-box;background:#fff;border-radius:12px 12px 0 0;padding:20px 16px 28px;' +
        'text-align:center;font-size:14px;color:#222;',
    );
    sheet.appendChild(element('div', 'font-size:16px;font-weight:600;', '收银台'));
    sheet.appendChild(element('div', 'margin-top:6px;color:#999;font-size:12px;', '本地支付模拟（仅开发环境）'));
    if (options.totalFee !== undefined) {
      sheet.appendChild(element('div', 'margin-top:16px;font-size:30px;font-weight:600;', formatFen(options.totalFee)));
    }
    if (options.description) {
      sheet.appendChild(element('div', 'margin-top:6px;color:#666;font-size:13px;', options.description));
    }
    const confirm = element(
      'button',
      'display:block;width:100%;margin-top:20px;padding:12px 0;border:0;border-radius:22px;background:#07c160;' +
        'color:#fff;font-size:16px;',
      '确认支付',
    );
    const cancel = element(
      'button',
      'display:block;width:100%;margin-top:10px;padding:10px 0;border:0;background:none;color:#666;font-size:14px;',
      '取消',
    );
    sheet.appendChild(confirm);
    sheet.appendChild(cancel);
    mask.appendChild(sheet);
    document.body.appendChild(mask);

    const close = () => mask.remove();
    confirm.addEventListener('click', () => {
      confirm.textContent = '支付中…';
      confirm.setAttribute('disabled', 'true');
      cancel.setAttribute('disabled', 'true');
      payThroughSimulator(options.outTradeNo).then(
        () => {
          close();
          resolve();
        },
        (error: unknown) => {
          close();
          reject(error);
        },
      );
    });
    cancel.addEventListener('click', () => {
      close();
      reject(failure(PAYMENT_CANCEL_MESSAGE));
    });
  });
}

/** requestPayment as a value: 'paid', 'cancelled' (sheet closed) or 'failed'. */
export async function pay(payment: PaymentParams, options: PaymentRequestOptions): Promise<PaymentOutcome> {
  try {
    await requestPayment(payment, options);
    return 'paid';
  } catch (error) {
    return paymentOutcomeOf(error);
  }
}
