/**
 * callCloud: the ONE typed client → cloud function call, typed by src/domain/contracts.ts.
 * The transport is per platform (src/platform/cloudTransport.ts for weapp = wx.cloud.callFunction,
 * cloudTransport.h5.ts for H5 = fetch POST /functions/<name>; Taro picks the file at build time).
 * Whatever goes wrong on the way comes back as a Fail, so pages handle exactly one shape.
 */
import type { ActionName, AnswerOf, EventOf, FunctionName } from '@domain/contracts';
import { failWith, NetworkErrors } from '@domain/errors';
import type { Fail } from '@domain/result';
import { sendToCloud } from '@/platform/cloudTransport';

export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  event: EventOf<F, A>,
): Promise<AnswerOf<F, A>> {
  let outcome;
  try {
    outcome = await sendToCloud(name, event);
  } catch (error) {
    logTransportProblem(name, event.action, error);
    return networkFail('FUNCTION_FAILED');
  }
  if (outcome.kind === 'unreachable') {
    logTransportProblem(name, event.action, outcome.detail);
    return networkFail('UNAVAILABLE');
  }
  if (outcome.kind === 'failed') {
    logTransportProblem(name, event.action, outcome.detail);
    return networkFail('FUNCTION_FAILED');
  }
  if (!isResult(outcome.body)) {
    logTransportProblem(name, event.action, 'answer is not { ok, data } / { ok: false, code, message }');
    return networkFail('FUNCTION_FAILED');
  }
  // The function is typed by the same contract on the server side; the shape check above is the
  // envelope only, data is trusted as the contract's response type.
  return outcome.body as AnswerOf<F, A>;
}

const networkFail = (reason: keyof typeof NetworkErrors): Fail => failWith(NetworkErrors[reason]);

const isResult = (body: unknown): boolean => {
  if (!(body instanceof Object) || !('ok' in body)) return false;
  if (body.ok === true) return 'data' in body;
  return (
    body.ok === false &&
    'code' in body &&
    typeof body.code === 'string' &&
    'message' in body &&
    typeof body.message === 'string'
  );
};

const logTransportProblem = (name: string, action: string, detail: unknown): void => {
  // Kept in the console for DevTools / vConsole: the page only shows the Chinese message.
  console.warn(`[callCloud] ${name}.${action}:`, detail);
};
