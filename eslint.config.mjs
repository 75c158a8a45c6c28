import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-check/**', 'dist-examples/**', 'src/wire/gen/**', 'src/remote-write/gen/**', 'node_modules/**', 'bench/results/**', 'scripts/**', 'test/fixtures/**/*.js', 'test/fixtures/**/*.cjs', 'test/fixtures/**/*.mjs', 'bench/fixtures/**/*.mjs', 'eslint.config.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // With noUncheckedIndexedAccess, `xs[i]!` inside a bounds-checked loop
      // is the idiom of every hot path here (ring buffer, codec, parsers).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // The generated protobuf typings use TS enums; the public API uses
      // const objects with the same numbers (test/wire/proto-contract checks).
      '@typescript-eslint/no-unsafe-enum-assignment': 'off',
      // Handlers may return nothing or a promise: `void | PromiseLike<unknown>`.
      '@typescript-eslint/no-invalid-void-type': ['error', { allowAsThisParameter: true, allowInGenericTypeArguments: true }],
    },
  },
  {
    // The page script (src/dashboard/browser, DOM types through its own
    // tsconfig): data reaches the page as text, never parsed as markup.
    files: ['src/dashboard/browser/**'],
    rules: {
      'no-restricted-properties': ['error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'srcdoc'].map((property) => ({ property, message: 'data reaches the page as text (textContent), never as markup' })),
        { object: 'document', property: 'write', message: 'data reaches the page as text (textContent), never as markup' },
        { object: 'document', property: 'writeln', message: 'data reaches the page as text (textContent), never as markup' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['test/**', 'bench/**', 'examples/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
    },
  },
);
