/**
 * Local cloud only: gives the H5 user switcher's dev users (local-cloud/dev-users.ts) their nicknames
 * in `users`, so gifts show 小明 / 小红 instead of the default 微信用户. Existing profiles are kept
 * (a dev user who renamed themselves stays renamed).
 *
 * Call it from scripts/start.ts and the functions test harness, after the local cloud started:
 *   seedDevUsers(cloud.db)
 */
import { clock } from '@domain/clock';
import { DEV_USERS } from '@local-cloud/dev-users';

/** What the seed needs from a database: the local cloud's Database has exactly this. */
export interface DevUsersTarget {
  insert(collection: string, docs: object[]): string[];
  count(collection: string, query?: object): number;
}

/** Inserts the missing dev-user profiles; returns the openids inserted. */
export function seedDevUsers(db: DevUsersTarget): string[] {
  const missing = DEV_USERS.filter((user) => db.count('users', { _id: user.openid }) === 0);
  if (missing.length === 0) return [];
  const now = clock.now();
  return db.insert(
    'users',
    missing.map((user) => ({ _id: user.openid, nickname: user.nickname, avatarUrl: '', updatedAt: now })),
  );
}
