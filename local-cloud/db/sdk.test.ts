/**
 * The unmodified wx-server-sdk 4.0.2 against `db.handle` behind a tiny HTTP server (env vars as in
 * docs/platform-notes.md): reply shapes, Dates, errors, and which transaction conflicts runTransaction retries.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Database } from './index';

let server: Server;
let db: Database;
let cloud: any;
const requests: Record<string, unknown>[] = [];

beforeAll(async () => {
  db = new Database({
    file: ':memory:',
    indexes: [{ collection: 'goods', fields: { kind: 1, rank: -1 } }],
    now: () => Date.UTC(2026, 10, 25),
  });
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      requests.push(body);
      const reply = { requestId: `r${requests.length}`, ...(await db.handle(body)) };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(reply));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/admin` }),
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: 'local',
    SCF_NAMESPACE: 'local',
    SILENCE: 'true',
  });

  cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  server.closeAllConnections();
  db.close();
});

it('round-trips add / where / orderBy / limit / field / doc().get() / count / update / remove', async () => {
  const database = cloud.database();
  const _ = database.command;
  const goods = database.collection('goods');
  const created = await goods.add({ data: { kind: 'tea', rank: 2, at: new Date(5), tags: ['x'] } });
  expect(created._id).toMatch(/^[0-9a-f]{32}$/);
  await goods.add({
    data: [
      { kind: 'tea', rank: 9 },
      { kind: 'cake', rank: 1 },
    ],
  });

  const top = await goods.where({ kind: 'tea' }).orderBy('rank', 'desc').limit(1).field({ rank: true }).get();
  expect(top.data).toEqual([{ _id: expect.any(String), rank: 9 }]);

  const one = await goods.doc(created._id).get();
  expect(one.data.at).toEqual(new Date(5));
  expect((await goods.where({ rank: _.gt(1) }).count()).total).toBe(2);

  const updated = await goods
    .doc(created._id)
    .update({ data: { rank: _.inc(1), tags: _.push('y'), at: database.serverDate() } });
  expect(updated.stats).toEqual({ updated: 1 });
  expect((await goods.doc(created._id).get()).data).toMatchObject({
    rank: 3,
    tags: ['x', 'y'],
    at: new Date(Date.UTC(2026, 10, 25)),
  });

  const upserted = await goods.doc('fixed').set({ data: { kind: 'gift' } });
  expect(upserted.stats).toEqual({ updated: 0, created: 1 });
  expect((await goods.where({ kind: 'tea' }).update({ data: { hot: true } })).stats).toEqual({ updated: 2 });
  expect((await goods.where({ kind: 'cake' }).remove()).stats).toEqual({ removed: 1 });

  await expect(goods.add({ data: { _id: 'fixed' } })).rejects.toMatchObject({ errCode: -502001 });
  await expect(database.collection('nope').get()).rejects.toMatchObject({ errCode: -502005 });
  await expect(goods.doc('missing').get()).rejects.toMatchObject({ errCode: -1 });
});

it('runTransaction: a write conflict reaches the callback as errCode -501001 (no retry); a conflict answered to commit is retried', async () => {
  const database = cloud.database();
  await database.collection('wallet').add({ data: { _id: 'w', balance: 100 } });
  const withdraw = (catchConflict: boolean) => {
    let attempts = 0;
    const run = database.runTransaction(async (transaction: any) => {
      attempts += 1;
      const { data } = await transaction.collection('wallet').doc('w').get();
      // A plain write lands between the first attempt's read and its write.
      if (attempts === 1) db.updateMany('wallet', { _id: 'w' }, { $inc: { balance: 1000 } });
      const write = transaction
        .collection('wallet')
        .doc('w')
        .update({ data: { balance: data.balance - 30 } });
      if (!catchConflict) await write;
      else await write.catch(() => undefined);
      return data.balance - 30;
    });
    return run.then(
      (value: number) => ({ value, attempts }),
      (error: any) => ({ error: { errCode: error.errCode, errMsg: error.errMsg }, attempts }),
    );
  };

  // wx-server-sdk rewrites the conflict of an operation into {errCode:-501001} without `code`: no retry.
  expect(await withdraw(false)).toEqual({
    error: {
      errCode: -501001,
      errMsg: expect.stringMatching(/document\.update:fail -501001 .*Transaction is conflict/),
    },
    attempts: 1,
  });
  expect(db.find('wallet')[0].balance).toBe(1100);
  // A callback that swallows it commits a rolled-back transaction: the commit conflict is retried.
  expect(await withdraw(true)).toEqual({ value: 2070, attempts: 2 });
  expect(db.find('wallet')[0].balance).toBe(2070);
  const aborts = requests.filter((body) => body.action === 'database.abortTransaction');
  expect(aborts).toHaveLength(1); // the SDK aborts after the uncaught error only
});
