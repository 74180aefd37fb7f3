/** The real bundled `user` function through the local cloud: profiles, defaults, validation. */
import { seedDevUsers } from '../../scripts/seed-dev-users';
import { startFunctionsHarness, type FunctionsHarness } from './harness';

jest.setTimeout(120_000);

let harness: FunctionsHarness;

beforeAll(async () => {
  harness = await startFunctionsHarness({ functions: ['user', 'gift'] });
  // the harness seeded the dev users like `npm start` does; seeding again adds nothing
  expect(
    harness.cloud.db.count('users', { _id: { $in: ['dev-giver', 'dev-recipient', 'dev-friend', 'dev-merchant'] } }),
  ).toBe(4);
  expect(seedDevUsers(harness.cloud.db)).toEqual([]);
});

afterAll(async () => {
  await harness?.stop();
});

const user = (event: Record<string, unknown>, openid: string) => harness.call<any>('user', event, openid);

describe('user', () => {
  it('gives dev users their nicknames and anybody else the default, never an openid', async () => {
    expect(await user({ action: 'getProfile' }, 'dev-giver')).toEqual({
      ok: true,
      data: { nickname: '小明', avatarUrl: '' },
    });
    const stranger = await user({ action: 'getProfile' }, 'o-someone');
    expect(stranger).toEqual({ ok: true, data: { nickname: '微信用户', avatarUrl: '' } });
    expect(JSON.stringify(stranger)).not.toContain('o-someone');
  });

  it('updates the caller’s own profile, which gifts then show', async () => {
    const saved = await user(
      { action: 'updateProfile', nickname: '  阿杰  ', avatarUrl: 'https://example.com/a.png' },
      'o-jay',
    );
    expect(saved).toEqual({ ok: true, data: { nickname: '阿杰', avatarUrl: 'https://example.com/a.png' } });
    expect(await user({ action: 'updateProfile', nickname: '杰哥' }, 'o-jay')).toEqual({
      ok: true,
      data: { nickname: '杰哥', avatarUrl: 'https://example.com/a.png' },
    });
    const created = await harness.call<any>(
      'gift',
      { action: 'createGift', skuId: 'home-mug-sku01', greeting: '你好' },
      'o-jay',
    );
    expect(harness.cloud.db.find('gifts', { _id: created.data.giftId })[0]).toMatchObject({ giverNickname: '杰哥' });
  });

  it.each([
    ['empty', { nickname: '   ' }],
    ['21 characters', { nickname: '名'.repeat(21) }],
    ['missing', {}],
    ['a script avatar', { nickname: 'ok', avatarUrl: 'javascript:alert(1)' }],
    ['a protocol-relative avatar', { nickname: 'ok', avatarUrl: '//host/a.png' }],
    ['a parent-segment avatar', { nickname: 'ok', avatarUrl: '/static/../a.png' }],
    ['an invisible-only', { nickname: '\u3164\u2800\u200B' }],
    ['a NUL', { nickname: '小\u0000明' }],
    ['a lone surrogate', { nickname: '小明\uD800' }],
  ])('refuses a %s nickname or avatar without saving', async (_name, request) => {
    const answer = await user({ action: 'updateProfile', ...request }, 'o-refused');
    expect(answer).toMatchObject({ ok: false, code: 'COMMON.INVALID_ARGUMENT' });
    expect(harness.cloud.db.count('users', { _id: 'o-refused' })).toBe(0);
  });

  it('accepts exactly 20 characters', async () => {
    expect(await user({ action: 'updateProfile', nickname: '名'.repeat(20) }, 'o-twenty')).toMatchObject({ ok: true });
  });
});
