/**
 * The caller's profile: the nickname and avatar other people see on gifts. One set of rules for the
 * profile prompt (src/services/user.ts) and the `user` function (server/users.ts).
 *
 * Avatar addresses (docs/domain.md, "Text hygiene"): `https://host/…`, a `cloud://env.bucket/…` file id
 * (where wx.chooseAvatar's picture is uploaded), or a path on our own site with a single leading '/'.
 * Refused: `//host/…` (a protocol-relative URL is someone else's host), `..` or `%2e` segments, a
 * backslash, whitespace or anything outside printable ASCII.
 */
import * as z from 'zod';
import { fail, ok, type Result } from '@domain/result';
import { CommonErrors } from '@domain/errors';
import { cleanText, countChars, storedText } from '@domain/text';
import type { UpdateProfileRequest } from '@domain/contracts';

/** What a user who never set a nickname is shown as. */
export const DEFAULT_NICKNAME = '微信用户';
export const NICKNAME_MAX_CHARS = 20;
export const NICKNAME_LENGTH_MESSAGE = `昵称应为1-${NICKNAME_MAX_CHARS}个字`;
export const AVATAR_URL_MAX_LENGTH = 1024;
export const AVATAR_URL_MESSAGE = '头像地址格式不正确';

/** One path segment: not '.', '..' or hidden, URL-safe characters only. */
const SEGMENT = '[A-Za-z0-9_~-][A-Za-z0-9._~-]*';
const SITE_PATH = new RegExp(`^(?:/${SEGMENT})+$`);
const CLOUD_FILE_ID = new RegExp(`^cloud://[A-Za-z0-9-]+\\.[A-Za-z0-9-]+(?:/${SEGMENT})+$`);
/** https, a host name (no user info), an optional port, then printable ASCII except the backslash. */
const HTTPS_URL = /^https:\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d{1,5})?(?:[/?#][\x21-\x5B\x5D-\x7E]*)?$/;
/** '..' or its percent-encoded forms, as a whole path segment (browsers resolve '%2e%2e' like '..'). */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:[/?#]|$)/i;

export function isAvatarUrl(value: string): boolean {
  if (value.length > AVATAR_URL_MAX_LENGTH) return false;
  if (SITE_PATH.test(value) || CLOUD_FILE_ID.test(value)) return true;
  if (!HTTPS_URL.test(value)) return false;
  const pathStart = value.indexOf('/', 'https://'.length);
  return pathStart === -1 || !DOT_SEGMENT.test(value.slice(pathStart));
}

const nicknameLengthOk = (text: string): boolean => countChars(text) >= 1 && countChars(text) <= NICKNAME_MAX_CHARS;

export const nicknameSchema = storedText('昵称', {}, '请填写昵称').refine(nicknameLengthOk, {
  error: NICKNAME_LENGTH_MESSAGE,
});

export const avatarUrlSchema = z
  .string({ error: '头像地址应为文本' })
  .trim()
  .refine(isAvatarUrl, { error: AVATAR_URL_MESSAGE });

/** The `user.updateProfile` request. */
export const updateProfileSchema = z.object({
  nickname: nicknameSchema,
  avatarUrl: avatarUrlSchema.optional(),
}) satisfies z.ZodType<UpdateProfileRequest>;

/** For the profile prompt, before a round trip: the nickname as the function will store it, or why not. */
export function checkNickname(nickname: string): Result<string> {
  const cleaned = cleanText(nickname, '昵称');
  if (!cleaned.ok) return fail(CommonErrors.INVALID_ARGUMENT.code, cleaned.message);
  if (!nicknameLengthOk(cleaned.text)) return fail(CommonErrors.INVALID_ARGUMENT.code, NICKNAME_LENGTH_MESSAGE);
  return ok(cleaned.text);
}
