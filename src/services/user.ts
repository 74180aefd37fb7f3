/**
 * The caller's own profile (nickname, avatar): what other people see on gifts. The openid never
 * reaches the client; the function knows who is calling.
 */
import { countChars } from '@domain/address';
import type { UserProfile } from '@domain/contracts';
import { fail, type Result } from '@domain/result';
import { callCloud } from './cloud';

/** What the user function answers for someone who never set a nickname. */
export const DEFAULT_NICKNAME = '微信用户';
export const NICKNAME_MAX_CHARS = 20;

export const isDefaultProfile = (profile: UserProfile): boolean => profile.nickname === DEFAULT_NICKNAME;

export const getProfile = (): Promise<Result<UserProfile>> => callCloud('user', { action: 'getProfile' });

/** Checked here too so the prompt can say what is wrong before a round trip; the function decides. */
export async function updateNickname(nickname: string): Promise<Result<UserProfile>> {
  const trimmed = nickname.trim();
  const length = countChars(trimmed);
  if (length < 1 || length > NICKNAME_MAX_CHARS) {
    return fail('COMMON.INVALID_ARGUMENT', `昵称应为1-${NICKNAME_MAX_CHARS}个字`);
  }
  return callCloud('user', { action: 'updateProfile', nickname: trimmed });
}
