/**
 * The template ids the functions send are the ones the pages ask consent for: one list
 * (src/domain/subscribeMessages.ts), every kind sent from server/ is in it and asked at some tap.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  MAX_TEMPLATES_PER_REQUEST,
  SUBSCRIBE_ASKS,
  SUBSCRIBE_MESSAGES,
  SUBSCRIBE_TEMPLATE_IDS,
  templateIdOf,
  templateIdsFor,
  type SubscribeAsk,
  type SubscribeMessageKind,
} from '@domain/subscribeMessages';
import { SUBSCRIBE_TEMPLATES } from './notify';

const SERVER = path.resolve(__dirname, '..');

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

const kinds = Object.keys(SUBSCRIBE_MESSAGES) as SubscribeMessageKind[];
const asks = Object.keys(SUBSCRIBE_ASKS) as SubscribeAsk[];

test('every kind the server sends is in the one list, with the list’s template id', () => {
  const used = new Set<string>();
  for (const file of sources(SERVER)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/SUBSCRIBE_TEMPLATES\.(\w+)/g)) used.add(match[1] ?? '');
  }
  expect(used.size).toBeGreaterThanOrEqual(5);
  for (const kind of used) expect(kinds).toContain(kind);
  expect(Object.keys(SUBSCRIBE_TEMPLATES).sort()).toEqual([...kinds].sort());
  for (const kind of kinds) {
    expect(SUBSCRIBE_TEMPLATES[kind].templateId).toBe(templateIdOf(kind));
    expect(Object.values(SUBSCRIBE_TEMPLATE_IDS)).toContain(SUBSCRIBE_TEMPLATES[kind].templateId);
  }
});

test('only server/gifts/notify.ts sends subscribe messages (so no template id is written anywhere else)', () => {
  const senders = sources(SERVER)
    .filter((file) => /subscribeMessage\.send\(/.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(SERVER, file));
  expect(senders).toEqual([path.join('gifts', 'notify.ts')]);
  for (const file of sources(SERVER)) {
    expect(readFileSync(file, 'utf8')).not.toMatch(/_TEMPLATE_ID'/);
  }
});

test('every kind sent is asked for at a tap, each tap asks at most 3 distinct ids (WeChat’s limit)', () => {
  const asked = new Set(asks.flatMap((ask) => [...SUBSCRIBE_ASKS[ask]]));
  expect([...asked].sort()).toEqual([...kinds].sort());
  for (const ask of asks) {
    const ids = templateIdsFor(ask);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(MAX_TEMPLATES_PER_REQUEST);
    expect(new Set(ids).size).toBe(ids.length);
  }
});

test('the taps: the buyer and the recipient get the shipping notice; the giver every notice about the gift', () => {
  expect(templateIdsFor('payOwnOrder')).toEqual([SUBSCRIBE_TEMPLATE_IDS.orderShipped]);
  expect(templateIdsFor('acceptGift')).toEqual([SUBSCRIBE_TEMPLATE_IDS.orderShipped]);
  // 婉拒 and 已发货 share 礼物状态通知 (one gift is never both), so four notices fit in three ids.
  expect(templateIdsFor('payGift')).toEqual([
    SUBSCRIBE_TEMPLATE_IDS.giftAccepted,
    SUBSCRIBE_TEMPLATE_IDS.giftStatus,
    SUBSCRIBE_TEMPLATE_IDS.giftRefunded,
  ]);
  expect(templateIdOf('giftDeclined')).toBe(templateIdOf('giftShipped'));
});
