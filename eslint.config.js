// Lint: typescript-eslint's recommended rules, the layer map (scripts/lint/layers.mjs) and no
// import cycles inside a layer's runtime code. `npm run lint`; .ci/run runs it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layersRule } from './scripts/lint/layers.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'action/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    plugins: { tokenscope: { rules: { layers: layersRule } } },
    rules: { 'tokenscope/layers': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      // Stripping terminal control characters is what these patterns are for.
      'no-control-regex': 'off',
      // Flags deliberate resets (dropping a buffer for the collector, a default before a try).
      'no-useless-assignment': 'off',
    },
  },
  {
    // Tests read SARIF and JSON reports as loosely typed data.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'eval/**/*.mjs', 'test/**/*.mjs', '*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
  },
);
