import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GIFT_EXPIRY_TIMEOUT_MS, SWEEP_SETTINGS } from './config';

const functionConfig = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'cloudfunctions', name, 'config.json'), 'utf8')) as {
    timeout: number;
    triggers?: Array<{ type: string; config: string }>;
    permissions?: { openapi?: string[] };
  };

describe('giftExpiry settings', () => {
  it('declares the timeout the sweep budgets for, and a 5-minute timer', () => {
    const config = functionConfig('giftExpiry');
    expect(config.timeout * 1000).toBe(GIFT_EXPIRY_TIMEOUT_MS);
    expect(SWEEP_SETTINGS.timeBudgetMs).toBeLessThanOrEqual(GIFT_EXPIRY_TIMEOUT_MS * 0.75);
    expect(config.triggers).toEqual([expect.objectContaining({ type: 'timer', config: '0 */5 * * * * *' })]);
  });

  it('lets each function call the open APIs it uses', () => {
    expect(functionConfig('gift').permissions?.openapi).toEqual(
      expect.arrayContaining(['subscribeMessage.send', 'updatableMessage.createActivityId']),
    );
    expect(functionConfig('refundCallback').permissions?.openapi).toContain('subscribeMessage.send');
  });
});
