/** Data and cloud time survive a stop/start on the same dataDir. */
import { startTestCloud, tempDataDir } from './helpers';

jest.setTimeout(30_000);

describe('persistence across restarts', () => {
  it('keeps documents and the clock', async () => {
    const dataDir = tempDataDir('persist');
    const first = await startTestCloud({ dataDir });
    let handedOut: number;
    try {
      await first.call(
        'dbscenarios',
        { scenario: 'seedCounter', collection: 'kept', id: 'k1', value: 42 },
        'dev-giver',
      );
      await first.clock.advance(2 * 86_400_000);
      handedOut = first.clock.now();
    } finally {
      await first.stop();
    }

    const second = await startTestCloud({ dataDir });
    try {
      expect(second.clock.now()).toBeGreaterThanOrEqual(handedOut);
      expect(second.clock.now() - Date.now()).toBeGreaterThanOrEqual(2 * 86_400_000 - 1000);
      const { docs } = (await second.call('dbscenarios', { scenario: 'list', collection: 'kept' }, 'dev-giver')) as {
        docs: unknown[];
      };
      expect(docs).toEqual([{ _id: 'k1', value: 42 }]);
    } finally {
      await second.stop();
    }
  });
});
