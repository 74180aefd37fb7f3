/**
 * The H5 build's cloud storage wrapper (src/platform/cloudFile.h5.ts) against a running local cloud.
 * In the browser it talks to its own origin; here relative URLs are resolved against the cloud's.
 */
import crypto from 'node:crypto';
import type { LocalCloud } from '@local-cloud/index';
import { cloudFileSrc, uploadCloudFile } from '@/platform/cloudFile.h5';
import { startTestCloud } from './helpers';

jest.setTimeout(30_000);

describe('cloudFile.h5', () => {
  let cloud: LocalCloud;
  const browserFetch = globalThis.fetch;

  beforeAll(async () => {
    cloud = await startTestCloud();
    // same-origin requests, as the H5 page served by the local cloud makes them
    globalThis.fetch = (input, init) =>
      browserFetch(typeof input === 'string' && input.startsWith('/') ? `${cloud.url}${input}` : input, init);
  });

  afterAll(async () => {
    globalThis.fetch = browserFetch;
    await cloud.stop();
  });

  it('uploads a picked file and shows it through cloudFileSrc', async () => {
    const bytes = crypto.randomBytes(3000);
    const picked = `data:image/png;base64,${bytes.toString('base64')}`;
    const outcome = await uploadCloudFile({ cloudPath: 'reviews/o-9/1.png', filePath: picked });
    expect(outcome).toEqual({ ok: true, fileID: 'cloud://local.6c6f-local-1300000000/reviews/o-9/1.png' });
    if (!outcome.ok) return;

    const src = cloudFileSrc(outcome.fileID);
    expect(src).toMatch(/^\/_storage\/open\?fileID=/);
    const shown = await fetch(src);
    expect(shown.status).toBe(200);
    expect(Buffer.from(await shown.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('answers a refused upload as a value and leaves other URLs alone', async () => {
    const outcome = await uploadCloudFile({ cloudPath: '../escape.png', filePath: 'data:image/png;base64,AA==' });
    expect(outcome).toMatchObject({ ok: false, detail: expect.stringMatching(/^HTTP 400/) });
    expect(cloudFileSrc('/static/products/tea.png')).toBe('/static/products/tea.png');
  });
});
