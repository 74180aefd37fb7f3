/**
 * One raw round trip to a cloud function, before the answer is checked: either the function answered
 * (`body` is whatever it returned), or the platform could not reach it, or the call itself failed
 * (function missing, crashed, timed out). services/cloud.ts turns this into a Result.
 */
export type TransportOutcome =
  { kind: 'answered'; body: unknown } | { kind: 'unreachable'; detail: string } | { kind: 'failed'; detail: string };

export type CloudTransport = (name: string, event: object) => Promise<TransportOutcome>;
