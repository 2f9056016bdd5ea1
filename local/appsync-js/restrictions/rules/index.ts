import type { ESLint, Linter } from 'eslint';
import { noCtxReassignment } from './no-ctx-reassignment.js';
import { noFunctionConstructor, noFunctionMethods, noFunctionPassing } from './function-rules.js';
import { noRecursion } from './no-recursion.js';
import { noAsyncConstructs, noClassExpressions, noGeneratorExpressions, noThrow } from './syntax-rules.js';

/** Prefix of the rules this runtime adds to the plugin's base rules (those the plugin lacks or needs types for). */
export const LOCAL_PLUGIN = 'appsync-js';

export const localPlugin: ESLint.Plugin = {
  meta: { name: 'appsync-js-restrictions' },
  rules: {
    'no-throw': noThrow,
    'no-recursion': noRecursion,
    'no-function-passing': noFunctionPassing,
    'no-function-methods': noFunctionMethods,
    'no-function-constructor': noFunctionConstructor,
    'no-generator-expressions': noGeneratorExpressions,
    'no-class-expressions': noClassExpressions,
    'no-async-constructs': noAsyncConstructs,
    'no-ctx-reassignment': noCtxReassignment,
  },
};

export const localRules: Linter.RulesRecord = Object.fromEntries(
  Object.keys(localPlugin.rules ?? {}).map((name) => [`${LOCAL_PLUGIN}/${name}`, 'error']),
);
