/**
 * The caller's own profile (nickname, avatar): what other people see on gifts. The openid never
 * reaches the client; the function knows who is calling.
 */
import type { UserProfile } from '@domain/contracts';
import type { Result } from '@domain/result';
import { checkNickname, DEFAULT_NICKNAME } from '@domain/user/profile';
import { callCloud } from './cloud';

/** What the user function answers for someone who never set a nickname (the domain's rule). */
export { DEFAULT_NICKNAME, NICKNAME_MAX_CHARS } from '@domain/user/profile';

export const isDefaultProfile = (profile: UserProfile): boolean => profile.nickname === DEFAULT_NICKNAME;

export const getProfile = (): Promise<Result<UserProfile>> => callCloud('user', { action: 'getProfile' });

/** Checked here too (the same domain rule) so the prompt can say what is wrong before a round trip. */
export async function updateNickname(nickname: string): Promise<Result<UserProfile>> {
  const checked = checkNickname(nickname);
  if (!checked.ok) return checked;
  return callCloud('user', { action: 'updateProfile', nickname: checked.data });
}
