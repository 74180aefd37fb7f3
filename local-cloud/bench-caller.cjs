'use strict';
/**
 * The gateway benchmark's callers, in a process of their own like real clients: measuring from inside
 * the server's process would charge the client's HTTP work to the server's event loop.
 * argv[2]: JSON { url, name, event, openid, total, concurrency, warmup? } → stdout: JSON array of latencies (ms).
 * With warmup, failed calls (a cold instance timing out on a loaded machine) are not fatal.
 */

const { url, name, event, openid, total, concurrency, warmup } = JSON.parse(process.argv[2]);
const body = JSON.stringify(event);

async function call() {
  const response = await fetch(`${url}/functions/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body,
  });
  const text = await response.text();
  if (response.status !== 200 && !warmup) throw new Error(`gateway ${response.status}: ${text}`);
}

async function main() {
  const latencies = [];
  let started = 0;
  const lane = async () => {
    while (started < total) {
      started++;
      const t0 = performance.now();
      await call();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  process.stdout.write(JSON.stringify(latencies));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
