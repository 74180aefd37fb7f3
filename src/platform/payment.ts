import Taro from '@tarojs/taro';
import type { PaymentOutcome, PaymentParams, PaymentRequestOptions } from './paymentTypes';
import { paymentOutcomeOf } from './paymentTypes';

export type { PaymentOutcome, PaymentParams, PaymentRequestOptions } from './paymentTypes';
export { isPaymentCancelled, PAYMENT_CANCEL_MESSAGE } from './paymentTypes';

/**
 * weapp: WeChat Pay's own sheet. Resolves when the user finished paying; rejects like wx.requestPayment
 * (`errMsg: 'requestPayment:fail cancel'` when closed). The H5 build resolves payment.h5.ts instead.
 * Paying only means the sheet finished: the order turns paid when the pay callback reaches the server,
 * so pages read the order again afterwards.
 */
export async function requestPayment(payment: PaymentParams, _options: PaymentRequestOptions): Promise<void> {
  const { timeStamp, nonceStr, package: packageValue, signType, paySign } = payment;
  await Taro.requestPayment({
    timeStamp,
    nonceStr,
    package: packageValue,
    signType: signType as keyof Taro.requestPayment.SignType,
    paySign,
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
