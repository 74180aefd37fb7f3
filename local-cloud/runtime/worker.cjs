'use strict';
/**
 * One cloud function instance: a worker thread that loads the function's bundled index.js once (warm
 * instance) and runs one invocation at a time, each with its own WX_* / TCB_* environment, like a cloud
 * instance. Plain CommonJS on purpose: jest's and tsx's transforms do not reach worker threads.
 *
 * workerData: { entry, functionName, clockOffset: BigInt64Array on a SharedArrayBuffer, fallbackNodeModules,
 *   cloudOrigin?: 'http://127.0.0.1:PORT', cloudChannel?: MessagePort to the main thread's http.Server }
 * parent → worker: { type: 'invoke', id, event, env, context }
 * worker → parent: { type: 'ready' } | { type: 'load-error', message } | { type: 'result', id, ok, json?, message? }
 */
const { parentPort, workerData } = require('node:worker_threads');
const Module = require('node:module');

const { entry, clockOffset, fallbackNodeModules, cloudOrigin, cloudChannel } = workerData;

// --- cloud clock: Date follows real time + the shared offset (read on every call, so advances apply at once)
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);
function cloudNow() {
  return realNow() + Number(Atomics.load(clockOffset, 0));
}
function CloudDate(...args) {
  if (!new.target) return new RealDate(cloudNow()).toString();
  return Reflect.construct(RealDate, args.length === 0 ? [cloudNow()] : args, new.target);
}
// Sharing the prototype keeps `instanceof Date` true for every date, including ones made before the patch.
CloudDate.prototype = RealDate.prototype;
CloudDate.now = cloudNow;
CloudDate.parse = RealDate.parse;
CloudDate.UTC = RealDate.UTC;
Object.defineProperty(RealDate.prototype, 'constructor', { value: CloudDate, writable: true, configurable: true });
globalThis.Date = CloudDate;

// --- bare modules (wx-server-sdk) resolve from the project's node_modules when the function has none of its own
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveWithFallback(request, parent, isMain, options) {
  try {
    return originalResolve.call(this, request, parent, isMain, options);
  } catch (error) {
    const bare = !request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:');
    if (!bare || !fallbackNodeModules) throw error;
    return originalResolve.call(this, request, parent, isMain, { ...options, paths: [fallbackNodeModules] });
  }
};

// --- the local cloud without a TCP hop: http requests to its origin (the SDK's POST /admin, and anything
// else it serves) travel over a MessagePort to the main thread's http.Server, which reads the same bytes
// a socket would carry. The SDK is untouched: its http.request gets a real ClientRequest whose
// connection is that port. Requests elsewhere, and callers outside the workers, still use TCP.
if (cloudChannel && cloudOrigin) routeCloudRequestsOverChannel(new URL(cloudOrigin), cloudChannel);

function routeCloudRequestsOverChannel(origin, port) {
  const http = require('node:http');
  const { PortConnections } = require('./port-socket.cjs');
  const connections = new PortConnections(port, { localPort: 0, remotePort: Number(origin.port) });
  const createConnection = () => connections.connect();
  const originalRequest = http.request;

  function aimsAtCloud(url, options) {
    let protocol = 'http:';
    let host = 'localhost';
    let port = '80';
    if (url !== undefined) {
      const parsed = url instanceof URL ? url : new URL(url);
      protocol = parsed.protocol;
      host = parsed.hostname;
      port = parsed.port || '80';
    }
    // http.request lets options override the URL's parts
    if (options.protocol != null) protocol = options.protocol;
    if (options.hostname != null) host = options.hostname;
    else if (options.host != null) host = options.host;
    if (options.port != null) port = String(options.port);
    if (options.socketPath != null) return false;
    return protocol === origin.protocol && host === origin.hostname && port === origin.port;
  }

  http.request = function request(first, second, third) {
    const hasUrl = typeof first === 'string' || first instanceof URL;
    const url = hasUrl ? first : undefined;
    const options = hasUrl ? (typeof second === 'object' && second !== null ? second : {}) : (first ?? {});
    const callback = hasUrl ? (typeof second === 'function' ? second : third) : second;
    if (!aimsAtCloud(url, options)) return originalRequest.apply(this, arguments);
    // no agent: a fresh in-memory connection per request (Connection: close), as cheap as a message
    const routed = { ...options, agent: undefined, createConnection };
    const args = hasUrl ? [url, routed] : [routed];
    if (callback) args.push(callback);
    return originalRequest.apply(this, args);
  };
  http.get = function get(...args) {
    const request = http.request(...args);
    request.end();
    return request;
  };
}

// --- process.env as a plain object: in a worker every read of the real one is a locked native lookup
// (~1.3 µs), and node-sdk reads ~20 variables on every SDK call (getCloudbaseContext): that was 10% of
// an instance's CPU. Values stay strings (the pool and each invocation set only strings); child
// processes started from here still get this object as their environment.
process.env = { ...process.env };

// An unhandled rejection is logged, not fatal: the instance keeps serving, as the cloud's runtime does.
process.on('unhandledRejection', (reason) => {
  console.error('[unhandledRejection]', reason instanceof Error ? reason.stack : reason);
});

let main;
try {
  const loaded = require(entry);
  main = loaded && typeof loaded.main === 'function' ? loaded.main : undefined;
  if (!main) throw new Error(`${entry} does not export a main function`);
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'load-error', message: describe(error) });
}

let envKeysOfLastInvocation = [];

parentPort.on('message', async (message) => {
  if (!message || message.type !== 'invoke' || !main) return;
  const { id, event, env, context } = message;
  for (const key of envKeysOfLastInvocation) delete process.env[key];
  for (const [key, value] of Object.entries(env)) process.env[key] = value;
  envKeysOfLastInvocation = Object.keys(env);
  try {
    const value = await main(event, context);
    const json = value === undefined ? undefined : JSON.stringify(value);
    parentPort.postMessage({ type: 'result', id, ok: true, json });
  } catch (error) {
    parentPort.postMessage({ type: 'result', id, ok: false, message: describe(error) });
  }
});

function describe(error) {
  if (error instanceof Error) return error.stack || `${error.name}: ${error.message}`;
  if (typeof error === 'object' && error !== null) {
    try {
      return JSON.stringify(error);
    } catch {
      return String(error);
    }
  }
  return String(error);
}
