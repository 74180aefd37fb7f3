/**
 * The `merchants` collection's one owner: the openids allowed into the merchant function
 * (documents `{ _id: <openid>, name }`, added by hand in the console).
 */
import { db, fetchDocs } from './cloud';

const MERCHANTS = 'merchants';

export async function isMerchant(openid: string): Promise<boolean> {
  if (!openid) return false;
  const found = await fetchDocs<{ _id: string }>(db.collection(MERCHANTS).where({ _id: openid }).limit(1));
  return found.length === 1;
}
