/**
 * What asking for subscribe-message consent came to. `accepted`: the template ids the user allowed
 * (each allows one message); `unsupported`: the platform has no such consent (H5, old WeChat).
 */
export type SubscribeOutcome =
  | { status: 'asked'; accepted: string[] }
  | { status: 'failed'; accepted: [] }
  | { status: 'unsupported'; accepted: [] };
