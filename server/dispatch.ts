/**
 * defineFunction: the entry point of every action-based cloud function.
 *
 *   export const main = defineFunction('shop', { listProducts: { schema, run: (req, ctx) => ... }, ... });
 *
 * It checks `event.action` (COMMON.UNKNOWN_ACTION), validates the request with the action's zod
 * schema (COMMON.INVALID_ARGUMENT naming the field), hands the handler who is calling and when, and
 * turns any unexpected throw into COMMON.INTERNAL (logged server-side, never sent to the client).
 * Handlers and the client's callCloud are both typed by src/domain/contracts.ts.
 */
import type * as z from 'zod';
import { clock } from '@domain/clock';
import type { ActionName, AnswerOf, FunctionName, RequestOf } from '@domain/contracts';
import { CommonErrors, failWith } from '@domain/errors';
import type { Result } from '@domain/result';
import { clipForMessage } from '@domain/text';
import { validationFailure } from '@domain/validation';
import { caller } from './cloud';

export interface CallContext {
  /** the caller's openid as WeChat injected it ('' when there is no user, e.g. a trigger) */
  openid: string;
  appid: string;
  source: string;
  /** clock time when the invocation started (ms) */
  now: number;
}

export interface ActionHandler<F extends FunctionName, A extends ActionName<F>> {
  /** validates the event minus `action`; its output is what `run` receives */
  schema: z.ZodType<RequestOf<F, A>>;
  /** answer COMMON.UNAUTHENTICATED when there is no caller openid (default false) */
  requiresUser?: boolean;
  run(request: RequestOf<F, A>, ctx: CallContext): Promise<AnswerOf<F, A>>;
}

export type FunctionHandlers<F extends FunctionName> = { [A in ActionName<F>]: ActionHandler<F, A> };

/** What WeChat calls: `exports.main = async (event, context) => ...`. */
export type CloudMain = (event: unknown, context?: unknown) => Promise<Result<unknown>>;

/** Keys the platform adds to client events (the deprecated userInfo) or that route the call. */
const ENVELOPE_KEYS = ['action', 'userInfo'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function defineFunction<F extends FunctionName>(name: F, handlers: FunctionHandlers<F>): CloudMain {
  // Loosened once here: the mapped type above already ties each schema to its run().
  const table = handlers as unknown as Record<string, ActionHandler<F, ActionName<F>> | undefined>;

  return async function main(event: unknown): Promise<Result<unknown>> {
    const action = isRecord(event) ? event.action : undefined;
    const handler = typeof action === 'string' && Object.hasOwn(table, action) ? table[action] : undefined;
    if (!isRecord(event) || typeof action !== 'string' || !handler) {
      // The action is the caller's text: echo a short, cleaned prefix only (never 5,000 characters back).
      const detail = typeof action === 'string' ? `${name}.${clipForMessage(action)}` : `${name} 缺少 action`;
      return failWith(CommonErrors.UNKNOWN_ACTION, `${CommonErrors.UNKNOWN_ACTION.message}：${detail}`);
    }

    try {
      const request = Object.fromEntries(Object.entries(event).filter(([key]) => !ENVELOPE_KEYS.includes(key)));
      const parsed = handler.schema.safeParse(request);
      if (!parsed.success) return validationFailure(parsed.error, request);

      const who = caller();
      if (handler.requiresUser && !who.openid) return failWith(CommonErrors.UNAUTHENTICATED);

      const ctx: CallContext = { openid: who.openid, appid: who.appid, source: who.source, now: clock.now() };
      return await handler.run(parsed.data, ctx);
    } catch (error) {
      // The client only ever sees the stable code; the stack stays in the function's log.
      console.error(`[${name}.${clipForMessage(action)}] unexpected error`, error);
      return failWith(CommonErrors.INTERNAL);
    }
  };
}
