/**
 * user: the caller's own profile (nickname, avatar) — the name other people see on gifts.
 * Actions and their shapes: UserContract in src/domain/contracts.ts, documented in docs/contracts.md.
 */
import { defineFunction } from '@server/dispatch';
import { getProfileSchema, profileOf, saveProfile, updateProfileSchema } from '@server/users';
import { ok } from '@domain/result';

export const main = defineFunction('user', {
  getProfile: {
    schema: getProfileSchema,
    requiresUser: true,
    run: async (_request, ctx) => ok(await profileOf(ctx.openid)),
  },
  updateProfile: {
    schema: updateProfileSchema,
    requiresUser: true,
    run: async (request, ctx) => ok(await saveProfile(ctx.openid, request, ctx.now)),
  },
});
