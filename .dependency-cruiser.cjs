/**
 * Layer rules, checked by `npm run lint` (and the lint step of `npm test`) with dependency-cruiser:
 *
 *   npx depcruise src server cloudfunctions local-cloud scripts tests config --config .dependency-cruiser.cjs
 *
 * Imports are resolved like tsc resolves them (tsconfig.json's path aliases), type-only imports
 * included: a cycle through types still ties two modules together. See docs/architecture.md ("Layers").
 */

/** Platform variants Taro picks at build time (`x.h5.ts` on H5, `x.weapp.tsx` in the mini program). */
const PLATFORM_FILE = '[.](h5|weapp)[.][cm]?[jt]sx?$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A cycle makes load order matter (one side sees the other half-initialised) and means two ' +
        'modules can only be understood and changed together: split out what both need instead.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-only-domain',
      comment:
        'src/domain is the pure core shared by the mini program and the cloud functions: anything it ' +
        'imports ends up in both bundles. Only the domain itself and zod (request schemas) are allowed.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', '^node_modules/zod/'] },
    },
    {
      name: 'client-not-server',
      comment:
        'The mini program runs on the phone: server code (secrets, wx-server-sdk) and the local cloud ' +
        'simulator must never be bundled into it. Shared rules belong in src/domain.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(server|local-cloud|cloudfunctions)/' },
    },
    {
      name: 'server-only-domain-of-src',
      comment:
        'Cloud functions may share the pure domain with the client, nothing else of src/: pages, ' +
        'services and platform code pull in Taro, React and wx client APIs that do not exist on the server.',
      severity: 'error',
      from: { path: '^(server|cloudfunctions)/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'server-not-local-cloud',
      comment:
        'The local cloud simulates WeChat around the unmodified functions; deployed functions cannot ' +
        'contain it, so the functions must not know it exists.',
      severity: 'error',
      from: { path: '^(server|cloudfunctions)/' },
      to: { path: '^local-cloud/' },
    },
    {
      name: 'plain-file-not-platform-file',
      comment:
        'A platform variant is picked by Taro from the plain import path (`./payment` → payment.h5.ts on ' +
        'H5). A plain file naming `x.h5` or `x.weapp` explicitly would bundle that platform everywhere; ' +
        'variants may import the plain (shared types) file, never the reverse.',
      severity: 'error',
      from: { path: '^src/', pathNot: PLATFORM_FILE },
      to: { path: PLATFORM_FILE },
    },
    {
      name: 'h5-file-not-weapp-file',
      comment: 'An H5 variant only exists in the H5 build: it can use other H5-only files, never a weapp one.',
      severity: 'error',
      from: { path: '[.]h5[.][cm]?[jt]sx?$' },
      to: { path: '[.]weapp[.][cm]?[jt]sx?$' },
    },
    {
      name: 'weapp-file-not-h5-file',
      comment: 'A weapp variant only exists in the mini program build: never an H5-only file from it.',
      severity: 'error',
      from: { path: '[.]weapp[.][cm]?[jt]sx?$' },
      to: { path: '[.]h5[.][cm]?[jt]sx?$' },
    },
  ],
  options: {
    // Build output and installed packages are not ours to check; bundled functions are generated.
    exclude: {
      path: [
        '^node_modules/',
        '^dist/',
        '^dist-h5/',
        '^coverage/',
        '^test-artifacts/',
        '^[.]',
        '^cloudfunctions/[^/]+/index[.]js$',
        '^cloudfunctions/[^/]+/node_modules/',
      ],
    },
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: `import type` cycles are cycles of meaning, if not of load order.
    tsPreCompilationDeps: true,
    // The same path aliases (@/…, @domain/…, @server/…, @local-cloud/…) as tsc.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.cjs', '.mjs', '.jsx', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
