/**
 * The private-message seam: an activityId for `wx.updateShareMenu({ isPrivateMessage: true,
 * activityId, withShareTicket: true })`.
 *
 * Platform caveat (platform-notes.md): WeChat creates PRIVATE-message activity ids only through the
 * HTTPS API `cgi-bin/message/wxopen/activityid/create` with an access_token and the sharer's openid;
 * the cloud call `cloud.openapi.updatableMessage.createActivityId` used here is what the local cloud
 * simulates (and what cloud calls can reach). Before going live, replace the body of
 * `createShareActivityId` with the HTTPS call (access_token from the server, `openid` = the giver);
 * nothing else depends on how the id is made.
 *
 * TODO(lead): server/cloud.ts has no `openapi.updatableMessage` yet; until it does, this one seam
 * reaches the same SDK instance server/cloud.ts initialised.
 */
import cloud from 'wx-server-sdk';

export interface ShareActivity {
  activityId: string;
  /** unix seconds */
  expirationTime: number;
}

interface CreateActivityIdAnswer {
  errCode?: number;
  errMsg?: string;
  activityId?: string;
  expirationTime?: number;
}

type CreateActivityId = (params: { openid?: string; unionid?: string }) => Promise<CreateActivityIdAnswer>;

/** The giver's activity id, or null when WeChat refused (the caller answers GIFT.SHARE_UNAVAILABLE). */
export async function createShareActivityId(openid: string): Promise<ShareActivity | null> {
  const group = (cloud as unknown as { openapi: Record<string, Record<string, CreateActivityId> | undefined> }).openapi
    .updatableMessage;
  const api = group?.createActivityId;
  if (!group || !api) throw new Error('openapi.updatableMessage.createActivityId is not available in this wx-server-sdk');
  const answer = await api.call(group, { openid });
  if (answer.errCode !== 0 || !answer.activityId || typeof answer.expirationTime !== 'number') {
    console.error('[gift] createActivityId refused', answer.errCode, answer.errMsg);
    return null;
  }
  return { activityId: answer.activityId, expirationTime: answer.expirationTime };
}
