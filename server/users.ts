/**
 * The `users` collection: the nickname and avatar other people see (`_id` = openid). The openid never
 * leaves the server; a user without a profile document is shown as DEFAULT_NICKNAME.
 */
import * as z from 'zod';
import { countChars } from '@domain/address';
import type { UpdateProfileRequest, UserProfile } from '@domain/contracts';
import { db, fetchDocs } from './cloud';

export const USERS = 'users';
export const DEFAULT_NICKNAME = '微信用户';
export const NICKNAME_MAX_CHARS = 20;

export interface UserDoc {
  _id: string;
  nickname: string;
  avatarUrl: string;
  updatedAt: number;
}

export const updateProfileSchema = z.object({
  nickname: z
    .string({ error: '请填写昵称' })
    .trim()
    .refine((text) => countChars(text) >= 1 && countChars(text) <= NICKNAME_MAX_CHARS, {
      error: `昵称应为1-${NICKNAME_MAX_CHARS}个字`,
    }),
  avatarUrl: z
    .string({ error: '头像地址应为文本' })
    .trim()
    .max(1024, { error: '头像地址过长' })
    .regex(/^(https:\/\/|cloud:\/\/|\/)\S*$/, { error: '头像地址格式不正确' })
    .optional(),
}) satisfies z.ZodType<UpdateProfileRequest>;

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
