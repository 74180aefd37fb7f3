import { PaymentErrors } from '@domain/order/errors';
import {
  checkPaymentConfigured,
  closePayment,
  paymentBody,
  PaymentNotConfiguredError,
  startPayment,
  SUB_MCH_ID_VARIABLE,
  subMchId,
} from './payment';

const saved = process.env[SUB_MCH_ID_VARIABLE];
let errors: jest.SpyInstance;

beforeEach(() => {
  errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  errors.mockRestore();
  if (saved === undefined) delete process.env[SUB_MCH_ID_VARIABLE];
  else process.env[SUB_MCH_ID_VARIABLE] = saved;
});

describe('the sub-merchant id', () => {
  it('is read from PAY_SUB_MCH_ID, trimmed', () => {
    process.env[SUB_MCH_ID_VARIABLE] = ' 1230000109 ';
    expect(subMchId()).toBe('1230000109');
    expect(checkPaymentConfigured()).toEqual({ ok: true, data: true });
  });

  it.each([undefined, '', '   '])(
    'has no fallback: %p is PAYMENT.NOT_CONFIGURED, logged naming the variable',
    (value) => {
      if (value === undefined) delete process.env[SUB_MCH_ID_VARIABLE];
      else process.env[SUB_MCH_ID_VARIABLE] = value;
      expect(() => subMchId()).toThrow(PaymentNotConfiguredError);
      expect(checkPaymentConfigured()).toEqual({
        ok: false,
        code: 'PAYMENT.NOT_CONFIGURED',
        message: PaymentErrors.NOT_CONFIGURED.message,
      });
      expect(PaymentErrors.NOT_CONFIGURED.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('PAY_SUB_MCH_ID'));
    },
  );

  it('stops a payment before WeChat Pay is called', async () => {
    delete process.env[SUB_MCH_ID_VARIABLE];
    await expect(startPayment({ outTradeNo: 'Oo1', totalFee: 100, body: 'b' })).resolves.toMatchObject({
      ok: false,
      reason: 'notConfigured',
    });
    // an unpaid order is never cancelled on a trade that could not be closed
    await expect(closePayment('Oo1')).resolves.toBe('failed');
  });
});

describe('paymentBody', () => {
  it('cuts whole characters within 128 UTF-8 bytes', () => {
    const body = paymentBody('礼'.repeat(100));
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(128);
    expect(body.startsWith('礼物商城-礼')).toBe(true);
  });
});
