import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tsconfigPaths } from './aliases';

describe('path aliases', () => {
  it('tsconfig.json lists exactly the aliases that webpack and jest use (config/aliases.js)', () => {
    const tsconfig = JSON.parse(readFileSync(path.join(__dirname, '..', 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { baseUrl?: string; paths?: Record<string, string[]> };
    };
    expect(tsconfig.compilerOptions.baseUrl).toBe('.');
    expect(tsconfig.compilerOptions.paths).toEqual(tsconfigPaths);
  });
});
