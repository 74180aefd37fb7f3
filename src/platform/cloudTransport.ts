import Taro from '@tarojs/taro';
import type { CloudTransport } from './cloudTransportTypes';

/** weapp: once at app start. traceUser records visitors in the cloud console's user list. */
export const initCloud = (): void => {
  Taro.cloud.init({ traceUser: true });
};

const networkErrorPattern = /request:fail|network|timeout|timed out|offline/i;

/**
 * weapp: wx.cloud.callFunction. The function's return value is `result`; WeChat's own failures are
 * thrown with errCode/errMsg and are sorted here into "could not reach" and "function failed".
 */
export const sendToCloud: CloudTransport = async (name, event) => {
  try {
    const response = await Taro.cloud.callFunction({ name, data: event as Record<string, unknown> });
    return { kind: 'answered', body: response.result };
  } catch (error) {
    const errMsg = error instanceof Object && 'errMsg' in error ? String(error.errMsg) : String(error);
    return { kind: networkErrorPattern.test(errMsg) ? 'unreachable' : 'failed', detail: errMsg };
  }
};
