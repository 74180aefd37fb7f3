import type { SubscribeAsk } from '@domain/subscribeMessages';
import type { SubscribeOutcome } from './subscribeTypes';

export type { SubscribeOutcome } from './subscribeTypes';

/**
 * H5: there is no subscribe-message consent outside WeChat. The local cloud records what the
 * functions send anyway (GET /_dev/messages), so nothing is asked here.
 */
export async function askToSubscribe(_ask: SubscribeAsk): Promise<SubscribeOutcome> {
  return { status: 'unsupported', accepted: [] };
}
