/**
 * The private-message seam: an activityId for `wx.updateShareMenu({ isPrivateMessage: true,
 * activityId, withShareTicket: true })`.
 *
 * Platform caveat (docs/docs/platform-notes.md): WeChat creates PRIVATE-message activity ids only through the
 * HTTPS API `cgi-bin/message/wxopen/activityid/create` with an access_token and the sharer's openid;
 * the cloud call `cloud.openapi.updatableMessage.createActivityId` used here is what the local cloud
 * simulates (and what cloud calls can reach). Before going live, replace the body of
 * `createShareActivityId` with the HTTPS call (access_token from the server, `openid` = the giver);
 * nothing else depends on how the id is made.
 */
import { openapi } from '@server/cloud';

export interface ShareActivity {
  activityId: string;
  /** unix seconds */
  expirationTime: number;
}

/** The giver's activity id, or null when WeChat refused (the caller answers GIFT.SHARE_UNAVAILABLE). */
export async function createShareActivityId(openid: string): Promise<ShareActivity | null> {
  // the SDK throws for an errcode answer; both ways end in GIFT.SHARE_UNAVAILABLE
  type Answer = Awaited<ReturnType<typeof openapi.updatableMessage.createActivityId>>;
  const answer: Answer = await openapi.updatableMessage.createActivityId({ openid }).catch((error: unknown) => {
    const { errCode, errMsg } = (error ?? {}) as { errCode?: number; errMsg?: string };
    return { errCode: errCode ?? -1, errMsg: errMsg ?? String(error) };
  });
  if (answer.errCode !== 0 || !answer.activityId || typeof answer.expirationTime !== 'number') {
    console.error('[gift] createActivityId refused', answer.errCode, answer.errMsg);
    return null;
  }
  return { activityId: answer.activityId, expirationTime: answer.expirationTime };
}
