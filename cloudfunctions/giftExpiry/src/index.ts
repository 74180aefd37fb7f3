/**
 * giftExpiry: expires gifts not accepted within 24 h of payment and refunds them exactly once.
 * - delayed task (scheduled by activateGift): `{ giftId }` → that gift only;
 * - timer trigger every 5 minutes (`{ Type: 'Timer', ... }`): the bounded, resumable sweep
 *   (server/gifts/sweep.ts). `batchSize` / `maxBatches` in the event narrow a run (ops and tests).
 * Only backend sources may run it: a call from a user (any OPENID) is refused.
 */
import { caller } from '@server/cloud';
import { expireGift } from '@server/gifts/close';
import { runExpirySweep } from '@server/gifts/sweep';
import { clock } from '@domain/clock';
import { CommonErrors, failWith } from '@domain/errors';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const positiveInteger = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;

export async function main(event: unknown): Promise<unknown> {
  if (caller().openid) return failWith(CommonErrors.FORBIDDEN);
  const now = clock.now();
  const request = isRecord(event) ? event : {};
  if (typeof request.giftId === 'string' && request.giftId !== '') {
    return { ok: true, data: { giftId: request.giftId, outcome: await expireGift(request.giftId, now) } };
  }
  const batchSize = positiveInteger(request.batchSize);
  const maxBatches = positiveInteger(request.maxBatches);
  const report = await runExpirySweep({
    now,
    ...(batchSize !== undefined ? { batchSize } : {}),
    ...(maxBatches !== undefined ? { maxBatches } : {}),
  });
  console.log('[giftExpiry] sweep', JSON.stringify(report));
  return { ok: true, data: report };
}
