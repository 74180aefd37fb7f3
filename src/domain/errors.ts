import { fail, type Fail } from './result';

/**
 * Expected failures are values with stable codes (`AREA.REASON`) and a Chinese message for the UI.
 * Each area declares its own table (order/errors.ts, gift/errors.ts, ...) with `defineErrors`.
 */
export interface ErrorSpec {
  readonly code: string;
  readonly message: string;
}

export const defineErrors = <T extends Record<string, string>>(area: string, messages: T) =>
  Object.fromEntries(
    Object.entries(messages).map(([reason, message]) => [reason, { code: `${area}.${reason}`, message }]),
  ) as { readonly [K in keyof T]: ErrorSpec };

/** A failure answer from a spec, optionally with a more precise message. */
export const failWith = (spec: ErrorSpec, message?: string): Fail => fail(spec.code, message ?? spec.message);

export const CommonErrors = defineErrors('COMMON', {
  INVALID_ARGUMENT: '参数错误',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '无法识别用户身份',
  FORBIDDEN: '无权进行此操作',
  NOT_FOUND: '内容不存在',
  INTERNAL: '系统繁忙，请稍后再试',
});

/**
 * The call never got a Result from the function (src/services/cloud.ts answers these itself): no
 * network, or the function is missing, crashed, timed out or answered something that is not a Result.
 */
export const NetworkErrors = defineErrors('NETWORK', {
  UNAVAILABLE: '网络不可用，请检查网络后重试',
  FUNCTION_FAILED: '网络繁忙，服务暂时不可用，请稍后再试',
});
