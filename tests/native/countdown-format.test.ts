/**
 * @jest-environment node
 *
 * The native countdown's formatter is generated from the domain's (scripts/build-native.ts), never
 * kept by hand: the committed file must equal a fresh build, and behave like the domain function.
 * (Node environment: esbuild's API refuses jsdom's typed arrays.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatRemaining } from '@domain/countdown';
import { generateNativeModule, NATIVE_MODULES } from '../../scripts/build-native';

const root = path.resolve(__dirname, '../..');

describe('generated native modules', () => {
  test.each(NATIVE_MODULES.map((entry) => [entry.output, entry] as const))(
    '%s equals a fresh build (run `npx tsx scripts/build-native.ts` after changing its source)',
    async (_output, entry) => {
      const committed = readFileSync(path.join(root, entry.output), 'utf8');
      expect(committed).toBe(await generateNativeModule(entry));
    },
  );

  test('the native formatter is the domain formatter', () => {
    const native = require(path.join(root, 'src/native/countdown/format.js')) as {
      formatRemaining: (ms: number) => string;
    };
    for (const milliseconds of [-1, 0, 1, 999, 1000, 1001, 61_000, 3_600_000, 30 * 3_600_000 + 500, 360_000_000]) {
      expect(native.formatRemaining(milliseconds)).toBe(formatRemaining(milliseconds));
    }
  });
});
