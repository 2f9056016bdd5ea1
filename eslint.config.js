import appsync from '@aws-appsync/eslint-plugin';
import tseslint from 'typescript-eslint';

const recommended = appsync.configs.recommended;

/*
 * Constructs the APPSYNC_JS runtime refuses (guide: "Supported runtime features") that the plugin does not cover.
 * The local runtime refuses the same ones at load time (local/appsync-js/restrictions/rules).
 */
const unsupportedSyntax = [
  {
    selector: 'ThrowStatement',
    message: 'throw is not supported by APPSYNC_JS; use util.error() to fail, or util.appendError() to report an error.',
  },
  { selector: 'ClassExpression', message: 'Classes are not supported by APPSYNC_JS.' },
  { selector: 'FunctionExpression[generator=true]', message: 'Generator functions are not supported by APPSYNC_JS.' },
  {
    selector: 'ForOfStatement[await=true]',
    message: 'for await loops are not supported by APPSYNC_JS: async processes are not supported.',
  },
  { selector: 'ImportExpression', message: 'Dynamic import() is not supported by APPSYNC_JS: it returns a Promise.' },
  {
    selector: 'MemberExpression[object.type="Identifier"][object.name="Promise"]',
    message: 'Promise is not supported by APPSYNC_JS: async processes are not supported.',
  },
  {
    selector: ':matches(CallExpression, NewExpression)[callee.type="Identifier"][callee.name="Function"]',
    message: 'The Function constructor is not supported by APPSYNC_JS.',
  },
];

// The one config file of the repository: ESLint only reads a default export.
export default [
  {
    ...recommended,
    files: ['resolvers/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: { ...recommended.rules, 'no-restricted-syntax': ['error', ...unsupportedSyntax] },
  },
];
