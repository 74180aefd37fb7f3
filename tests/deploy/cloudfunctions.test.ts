/**
 * Offline checks of what `npm run deploy` uploads: each cloudfunctions/<name>/ goes to the cloud on its own
 * and the cloud installs only its package.json, so its built index.js may need nothing but Node built-ins
 * and wx-server-sdk, and its config.json must be one WeChat accepts. Needs `npm run build:functions` first.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listFunctionNames } from '../../scripts/build-functions';
import { auditFunctionFolder, FUNCTIONS_ROOT, listFunctionFolders, SERVER_SDK } from '../../scripts/deploy/functions';

const names = listFunctionFolders();

describe('every cloud function folder is deployable on its own', () => {
  it('every function with sources has its own package.json and config.json', () => {
    expect(names).toEqual(listFunctionNames());
    for (const name of names) {
      expect(readFileSync(path.join(FUNCTIONS_ROOT, name, 'config.json'), 'utf8')).toBeTruthy();
    }
  });

  it.each(names)(
    '%s: index.js needs only Node built-ins and wx-server-sdk; package.json and config.json are valid',
    async (name) => {
      expect(await auditFunctionFolder(path.join(FUNCTIONS_ROOT, name))).toEqual([]);
    },
  );

  it('pins the wx-server-sdk the local cloud runs them with', () => {
    const ours = JSON.parse(readFileSync(path.join(FUNCTIONS_ROOT, '..', 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    for (const name of names) {
      const manifest = JSON.parse(readFileSync(path.join(FUNCTIONS_ROOT, name, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      expect({ name, sdk: manifest.dependencies[SERVER_SDK] }).toEqual({ name, sdk: ours.devDependencies[SERVER_SDK] });
    }
  });
});

describe('the audit fails on a folder that is not deployable', () => {
  let dir: string;
  const copyOf = (name: string) => {
    cpSync(path.join(FUNCTIONS_ROOT, name), dir, {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}src`),
    });
    return dir;
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'function-audit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('an index.js that requires a package the cloud will not install, or a file left behind', async () => {
    copyOf('shop');
    appendFileSync(path.join(dir, 'index.js'), "\nconst lodash = require('lodash');\nrequire('../../server/cloud');\n");
    expect(await auditFunctionFolder(dir)).toEqual([
      'index.js requires ../../server/cloud',
      'index.js requires lodash',
    ]);
  });

  it('an index.js whose require cannot be read statically', async () => {
    copyOf('shop');
    appendFileSync(path.join(dir, 'index.js'), '\nconst which = process.env.X;\nrequire(which);\n');
    expect(await auditFunctionFolder(dir)).toEqual([
      expect.stringContaining('index.js has a require that cannot be checked'),
    ]);
  });

  it('a package.json with another dependency', async () => {
    copyOf('shop');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ ...manifest, dependencies: { [SERVER_SDK]: '4.0.2', zod: '4.1.0' } }),
    );
    expect(await auditFunctionFolder(dir)).toEqual([
      'package.json dependencies must be exactly wx-server-sdk, found: wx-server-sdk, zod',
    ]);
  });

  it('a timer trigger that is not a 7-field cron', async () => {
    copyOf('giftExpiry');
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ ...config, triggers: [{ name: 'sweep', type: 'timer', config: '*/5 * * * *' }] }),
    );
    expect(await auditFunctionFolder(dir)).toEqual([expect.stringMatching(/^config\.json: .*expected 7 fields/)]);
  });

  it('a config.json that does not declare an open API the code calls', async () => {
    copyOf('giftExpiry');
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ timeout: 20, memorySize: 256, environment: ['PAY_SUB_MCH_ID'], permissions: { openapi: [] } }),
    );
    expect(await auditFunctionFolder(dir)).toEqual([
      'config.json permissions.openapi lacks cloudbase.addDelayedFunctionTask, which index.js calls',
      'config.json permissions.openapi lacks subscribeMessage.send, which index.js calls',
    ]);
  });

  it('a paying function whose config.json does not ask for PAY_SUB_MCH_ID', async () => {
    copyOf('order');
    const { environment: _dropped, ...config } = JSON.parse(
      readFileSync(path.join(dir, 'config.json'), 'utf8'),
    ) as Record<string, unknown>;
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
    expect(await auditFunctionFolder(dir)).toEqual([
      'config.json environment lacks PAY_SUB_MCH_ID, which index.js reads',
    ]);
  });

  it('a memory size the cloud does not offer', async () => {
    copyOf('shop');
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...config, memorySize: 300 }));
    expect(await auditFunctionFolder(dir)).toEqual([
      expect.stringMatching(/^config\.json: .*memorySize must be one of/),
    ]);
  });
});
