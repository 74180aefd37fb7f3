/**
 * Function instances reach the local cloud without TCP: their SDK requests travel over a MessagePort
 * into the same http.Server (local-cloud/runtime/port-socket.cjs). The `notcp` fixture makes every TCP
 * connect in its instance go nowhere, so its SDK calls succeed only through that channel.
 */
import type { LocalCloud } from '@local-cloud/index';
import { startTestCloud } from './helpers';

jest.setTimeout(120_000);

type Attempt<T> = { value?: T; error?: { errCode?: number; errMsg?: string } };

const payParams = {
  body: '礼物',
  outTradeNo: 'T-CHANNEL-1',
  spbillCreateIp: '127.0.0.1',
  subMchId: '1900000110',
  totalFee: 100,
  envId: 'local',
  functionName: 'whoami',
  nonceStr: 'n0nce',
  tradeType: 'JSAPI',
};

describe('SDK requests from function instances', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(() => cloud.stop());

  it('reach the database, other functions and cloudPay (multipart) without opening a TCP connection', async () => {
    const answer = (await cloud.call('notcp', { op: 'roundTrip', payParams }, 'channel-user')) as {
      added: Attempt<{ _id: string }>;
      read: Attempt<{ data: Array<{ by: string }> }>;
      called: Attempt<{ result: { context: { OPENID: string; SOURCE: string }; event: unknown } }>;
      paid: Attempt<{ returnCode: string; errCode: number }>;
      tcpAttempts: string[];
    };
    expect(answer.added.error).toBeUndefined();
    expect(answer.added.value?._id).toEqual(expect.any(String));
    expect(answer.read.value?.data).toEqual([expect.objectContaining({ by: 'channel-user' })]);
    // the caller's identity still follows the request (TCB_SEQID), through the channel as over TCP
    expect(answer.called.value?.result.context).toMatchObject({ OPENID: 'channel-user', SOURCE: 'wx_client' });
    expect(answer.called.value?.result.event).toEqual({ from: 'notcp' });
    expect(answer.paid.value).toMatchObject({ returnCode: 'SUCCESS', errCode: 0 });
    expect(answer.tcpAttempts).not.toContain(`127.0.0.1:${cloud.port}`);
  });

  it('carry multi-megabyte bodies both ways, and a too-deep body gets the server’s refusal, not a crash', async () => {
    const bytes = 3 * 1024 * 1024;
    const answer = (await cloud.call('notcp', { op: 'bodies', bytes, depth: 6000 }, 'big')) as {
      big: Attempt<number>;
      nested: Attempt<unknown>;
      after: Attempt<{ total: number }>;
      tcpAttempts: string[];
    };
    expect(answer.big).toEqual({ value: bytes });
    expect(answer.nested.error).toBeDefined();
    expect(answer.after.value?.total).toEqual(expect.any(Number));
    expect(answer.tcpAttempts).not.toContain(`127.0.0.1:${cloud.port}`);
    await expect(cloud.call('whoami', {}, 'still-here')).resolves.toMatchObject({
      context: { OPENID: 'still-here' },
    });
  });
});
