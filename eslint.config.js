// ESLint flat config for the whole repo. Syntax-level typescript-eslint rules only (no type-aware
// linting): `tsc --noEmit` already type-checks everything, and lint stays fast (seconds, not minutes).
const js = require('@eslint/js');
const globals = require('globals');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');

module.exports = tseslint.config(
  {
    // Build output, installed packages, bundled cloud functions (generated from src/index.ts by
    // npm run build:functions) and captured wire fixtures are not source.
    ignores: [
      'dist/**',
      'dist-h5/**',
      'node_modules/**',
      'coverage/**',
      '.local-cloud/**',
      '.tmp/**',
      'test-artifacts/**',
      'cloudfunctions/*/index.js',
      'cloudfunctions/*/node_modules/**',
      // generated from src/domain by scripts/build-native.ts (tests/native checks it is fresh)
      'src/native/countdown/format.js',
      'tests/local-cloud/fixtures/**',
      'local-cloud/**/fixtures/**',
    ],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended,

  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.es2021 },
    },
    rules: {
      // `_`-prefixed names mark parameters that must exist for a signature but are unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `import type` makes type-only imports visible and keeps them out of bundles; a warning
      // because babel/esbuild drop unused imports anyway (`eslint --fix` rewrites them).
      '@typescript-eslint/consistent-type-imports': ['warn', { fixStyle: 'inline-type-imports' }],
      // `import { z } from 'zod'` drags every zod locale into each bundle (a function grew 190 KB → 800 KB);
      // the namespace import tree-shakes.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
          message: "Use `import * as z from 'zod'`: the named `z` import bundles all of zod's locales.",
        },
      ],
    },
  },

  {
    // The local cloud mirrors an untyped wire protocol (EJSON documents, SDK envelopes): `any` is
    // flagged for review rather than forbidden there. It is never deployed.
    files: ['local-cloud/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'warn' },
  },

  {
    // Tests poke at untyped wire payloads and load modules fresh with require(); product code may not.
    files: ['tests/**/*.{ts,tsx}', '**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },

  {
    // CommonJS config files (jest projects, babel, this file) use require/module.exports by nature.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  {
    // The mini program and its tests run in a browser-like environment (weapp / H5 / jsdom).
    files: ['src/**/*.{ts,tsx}', 'tests/pages/**/*.{ts,tsx}', 'tests/native/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },

  {
    // Native mini program components are plain JS run by WeChat, with its globals.
    files: ['src/native/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        ...globals.es2021,
        Component: 'readonly',
        Behavior: 'readonly',
        wx: 'readonly',
        getApp: 'readonly',
        getCurrentPages: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },

  {
    // React hook rules where React lives: a hook called conditionally breaks state silently.
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },

  {
    // The domain is pure TypeScript shared by the mini program and the cloud functions: importing a
    // platform here would drag Taro/React into functions or wx-server-sdk into the mini program.
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tarojs/*'], message: 'src/domain stays platform-free: no Taro here.' },
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
              message: 'src/domain stays platform-free: no React here.',
            },
            {
              group: ['wx-server-sdk', 'wx-server-sdk/*'],
              message: 'src/domain stays platform-free: server code lives in server/.',
            },
          ],
        },
      ],
    },
  },

  {
    // Pages and components reach the platform only through src/platform (side effects, hooks) and
    // src/services (data), so they stay testable and platform details live in one place. Types from
    // '@tarojs/taro' are fine: they vanish at build time.
    files: ['src/pages/**/*.{ts,tsx}', 'src/packages/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tarojs/taro',
              allowTypeImports: true,
              message: 'Use src/platform (navigation, feedback, lifecycle hooks, …) or src/services instead.',
            },
          ],
        },
      ],
    },
  },

  {
    // Taro reads app/page configs with its own globals (defineAppConfig, definePageConfig).
    files: ['src/**/*.config.ts'],
    languageOptions: { globals: { defineAppConfig: 'readonly', definePageConfig: 'readonly' } },
  },
);
