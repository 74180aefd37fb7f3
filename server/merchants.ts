/**
 * The `merchants` collection's one owner: the openids allowed into the merchant function
 * (documents `{ _id: <openid>, name }`, added by hand in the console; locally seeded as 'dev-merchant').
 */
import { db, fetchDocs } from './cloud';

const MERCHANTS = 'merchants';

export interface MerchantRecord {
  _id: string;
  /** the shop's name as the merchant pages greet it */
  name?: string;
}

export async function findMerchant(openid: string): Promise<MerchantRecord | null> {
  if (!openid) return null;
  const [found] = await fetchDocs<MerchantRecord>(db.collection(MERCHANTS).where({ _id: openid }).limit(1));
  return found ?? null;
}

export async function isMerchant(openid: string): Promise<boolean> {
  return (await findMerchant(openid)) !== null;
}
