import { benchGateway } from '@local-cloud/bench';
import { FIXTURE_FUNCTIONS, tempDataDir } from './helpers';

describe('benchGateway', () => {
  it('measures the gateway against in-process calls', async () => {
    const result = await benchGateway({
      name: 'whoami',
      event: { hello: 'bench' },
      functionsDir: FIXTURE_FUNCTIONS,
      dataDir: tempDataDir('bench'),
      concurrency: 4,
      requests: 40,
      warmup: 8,
    });
    expect(result.gateway.count).toBe(40);
    expect(result.inProcess.count).toBe(40);
    expect(result.gateway.p50Ms).toBeGreaterThan(0);
    expect(result.gateway.p99Ms).toBeGreaterThanOrEqual(result.gateway.p50Ms);
    expect(result.ratio.p50).toBeGreaterThan(0);
  });
});
