// ESLint: typescript-eslint's recommended rules, and the layers as import rules.
//
// The layers (README, "Layout"): domain and projections are pure and import nothing from the
// parts that do I/O; the store knows nothing of the domain; ingest turns bytes into events and
// knows no store; the CLI and the HTTP service are thin shells over src/ledger, from which they
// take every value (types may come from anywhere: they vanish at run time).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** A no-restricted-imports pattern for imports of the given folders (by path segment). */
function layers(message, folders, { allowTypeImports = false } = {}) {
  return {
    group: folders.flatMap((folder) => [`**/${folder}/*`, `**/${folder}`]),
    message,
    allowTypeImports,
  };
}

function restrict(...patterns) {
  return {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'reports/**',
      '.stryker-tmp*/**',
      'coverage/**',
      'var/**',
      'test/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are unused on purpose (a parameter an interface requires).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-control-regex': 'off', // filings are scanned for control characters on purpose
      // Prettier wraps code at 120; comments are held to it too. A long string, template or regular
      // expression stays whole, so that it can be found by searching for it.
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  {
    // JSON read back in tests is checked by the assertions, not by types.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/domain/**/*.ts', 'projections/**/*.ts'],
    rules: restrict(
      layers('domain and projections are pure: no store, ingest, ledger, CLI or HTTP', [
        'store',
        'ingest',
        'ledger',
        'cli',
        'http',
        'edgar',
      ]),
    ),
  },
  {
    files: ['src/store/**/*.ts'],
    rules: restrict(
      layers('the store stores events of any kind: it knows nothing of the domain or what uses it', [
        'domain',
        'projections',
        'ingest',
        'ledger',
        'cli',
        'http',
        'edgar',
      ]),
    ),
  },
  {
    files: ['src/ingest/**/*.ts'],
    rules: restrict(
      layers('ingest turns bytes into planned events: no store, ledger, CLI or HTTP', [
        'store',
        'ledger',
        'cli',
        'http',
        'projections',
      ]),
    ),
  },
  {
    files: ['src/cli/**/*.ts', 'src/http/**/*.ts'],
    rules: restrict(
      layers(
        'the CLI and the HTTP service take their values from src/ledger (types may come from anywhere)',
        ['domain', 'projections', 'ingest', 'store', 'edgar'],
        { allowTypeImports: true },
      ),
    ),
  },
  {
    files: ['web/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        uPlot: 'readonly',
        console: 'readonly',
        Intl: 'readonly',
        history: 'readonly',
        location: 'readonly',
        requestAnimationFrame: 'readonly',
        ResizeObserver: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        HTMLElement: 'readonly',
        AbortController: 'readonly',
      },
    },
  },
  {
    files: ['bin/**/*.js', 'eslint.config.js', 'stryker.conf.*', '*.config.*'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
