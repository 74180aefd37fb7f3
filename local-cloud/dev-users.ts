/**
 * The fixed users the H5 build's user switcher offers (GET /_dev/users). The openid is what the gateway
 * receives in X-WX-OPENID and what the functions see as OPENID.
 */
export interface DevUser {
  openid: string;
  nickname: string;
  role: 'giver' | 'recipient' | 'friend' | 'merchant';
  description: string;
}

export const DEV_USERS: readonly DevUser[] = [
  { openid: 'dev-giver', nickname: '小明', role: 'giver', description: '送礼人：下单、付款、分享礼物' },
  { openid: 'dev-recipient', nickname: '小红', role: 'recipient', description: '收礼人：打开礼物、填写地址' },
  {
    openid: 'dev-friend',
    nickname: '小刚',
    role: 'friend',
    description: '第三人：打开别人的礼物（应被拒绝或看到已领取）',
  },
  { openid: 'dev-merchant', nickname: '店主', role: 'merchant', description: '商家：发货、查看订单' },
];

/** The caller when a gateway request has no X-WX-OPENID header. */
export const ANONYMOUS_OPENID = 'dev-anonymous';
