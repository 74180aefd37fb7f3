import Taro from '@tarojs/taro';
import type { CloudTransport } from './cloudTransportTypes';

/**
 * weapp: once at app start. traceUser records visitors in the cloud console's user list. The env id is
 * inlined by the build (config/cloudEnv.ts: WX_CLOUD_ENV or deploy.config.json); without one, wx.cloud
 * uses the environment selected in DevTools.
 */
export const initCloud = (): void => {
  const env = process.env.TARO_APP_CLOUD_ENV;
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
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
