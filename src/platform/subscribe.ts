import Taro from '@tarojs/taro';
import { templateIdsFor, type SubscribeAsk } from '@domain/subscribeMessages';
import type { SubscribeOutcome } from './subscribeTypes';

export type { SubscribeOutcome } from './subscribeTypes';

/**
 * weapp: wx.requestSubscribeMessage for the templates of one tap (src/domain/subscribeMessages.ts).
 * Call it inside the tap handler before anything else is awaited: WeChat only shows the sheet for a
 * user gesture. Never throws: a refusal, a ban or a failure resolves, and the flow carries on.
 */
export async function askToSubscribe(ask: SubscribeAsk): Promise<SubscribeOutcome> {
  if (typeof Taro.requestSubscribeMessage !== 'function') return { status: 'unsupported', accepted: [] };
  try {
    const tmplIds = templateIdsFor(ask);
    // Taro's option type wants Alipay's entityIds too; WeChat reads tmplIds only.
    const answer = await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
    const choices = answer as unknown as Record<string, unknown>;
    return { status: 'asked', accepted: tmplIds.filter((id) => choices[id] === 'accept') };
  } catch (error) {
    // 20004 (the user turned subscribe messages off), 20001 (an id unknown to WeChat), not a tap …
    console.warn('[subscribe] requestSubscribeMessage failed', ask, error);
    return { status: 'failed', accepted: [] };
  }
}
