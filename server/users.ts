/**
 * The `users` collection: the nickname and avatar other people see (`_id` = openid). The openid never
 * leaves the server; a user without a profile document is shown as DEFAULT_NICKNAME.
 */
import * as z from 'zod';
import type { UpdateProfileRequest, UserProfile } from '@domain/contracts';
import { DEFAULT_NICKNAME, updateProfileSchema } from '@domain/user/profile';
import { db, fetchDocs } from './cloud';

/** The rules (nickname text hygiene and length, avatar address forms) are the domain's, shared with the client. */
export { DEFAULT_NICKNAME, NICKNAME_MAX_CHARS } from '@domain/user/profile';
export { updateProfileSchema };

export const USERS = 'users';

export interface UserDoc {
  _id: string;
  nickname: string;
  avatarUrl: string;
  updatedAt: number;
}

export const getProfileSchema = z.object({}) as unknown as z.ZodType<Record<never, never>>;

export async function findUser(openid: string): Promise<UserDoc | null> {
  if (!openid) return null;
  const [found] = await fetchDocs<UserDoc>(db.collection(USERS).where({ _id: openid }).limit(1));
  return found ?? null;
}

export async function profileOf(openid: string): Promise<UserProfile> {
  const user = await findUser(openid);
  return { nickname: user?.nickname || DEFAULT_NICKNAME, avatarUrl: user?.avatarUrl ?? '' };
}

export const nicknameOf = async (openid: string): Promise<string> => (await profileOf(openid)).nickname;

/** Creates or replaces the caller's profile (set() on the openid is an upsert). */
export async function saveProfile(openid: string, request: UpdateProfileRequest, now: number): Promise<UserProfile> {
  const current = await findUser(openid);
  const doc: Omit<UserDoc, '_id'> = {
    nickname: request.nickname,
    avatarUrl: request.avatarUrl ?? current?.avatarUrl ?? '',
    updatedAt: now,
  };
  await db.collection(USERS).doc(openid).set({ data: doc });
  return { nickname: doc.nickname, avatarUrl: doc.avatarUrl };
}
