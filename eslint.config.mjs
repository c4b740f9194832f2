// One linter for the whole tree: TypeScript and React hook rules, no import cycles, and the layers
// (in the spirit of VS Code's code-layering rule) that keep the core free of UI and transport code.
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Which folders a layer may not import at run time (type-only imports of the contract stay allowed). */
const layer = (files, patterns, message) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: [{ group: patterns, message, allowTypeImports: files[0].startsWith('renderer') }] },
    ],
  },
});

const coreForbidden = ['**/renderer/**', '**/electron/**', 'electron', 'react', 'react-dom', '**/cli/**'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.cache/', '.electron-native/', 'release/', 'out/', 'slides/modules/*.generated.ts'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver()],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Stands in for Electron's untyped module objects, whose calls the tests record and replay.
    files: ['tests/electron/fake-electron.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./)',
              message:
                'domain/ is the vocabulary everything else imports: it imports only its own files (no zod, Node, React or other folders).',
            },
          ],
        },
      ],
    },
  },
  layer(['db/**/*.ts'], coreForbidden, 'db/ is the Electron- and React-free core: it may not import the UI, Electron or the CLI.'),
  // Overrides the rule above for the contract (flat config: the later entry wins), so it repeats the core's list.
  layer(
    ['db/contract/**/*.ts'],
    [...coreForbidden, '**/slides/**'],
    'The contract takes its words from domain/, not from the deck engine, and like all of db/ no UI, Electron or CLI.',
  ),
  layer(
    ['slides/**/*.ts'],
    ['**/db/**', '**/renderer/**', '**/electron/**', 'electron', 'react', '**/cli/**'],
    'slides/ builds a deck from plain data: it may not import the core, the UI or Electron.',
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    ['**/db/**', '**/electron/**', '**/cli/**', 'electron', 'node:*'],
    'The renderer reaches the core only through the contract, as types.',
  ),
);
