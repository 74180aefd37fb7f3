import Taro from '@tarojs/taro';

/** The `payment` object cloud.cloudPay.unifiedOrder returns, handed to wx.requestPayment as is. */
export interface WechatPayment {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'MD5' | 'HMAC-SHA256' | 'RSA';
  paySign: string;
}

export type PaymentOutcome = 'paid' | 'cancelled' | 'failed';

/**
 * Opens WeChat Pay. 'paid' only means the user finished the sheet: the order becomes paid when the
 * payment callback reaches the server, so pages re-read the order afterwards.
 */
export async function requestWechatPayment(payment: WechatPayment): Promise<PaymentOutcome> {
  try {
    await Taro.requestPayment(payment);
    return 'paid';
  } catch (error) {
    const message = error instanceof Object && 'errMsg' in error ? String(error.errMsg) : '';
    return message.includes('cancel') ? 'cancelled' : 'failed';
  }
}
