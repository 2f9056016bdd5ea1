import type { Rule, Scope } from 'eslint';

/*
 * Constructs the guide's "Supported runtime features" page rules out that the plugin's base rules let through:
 * the plugin checks only declarations for generators and classes, and has no rule for `throw`.
 */

export const noThrow: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow throw (APPSYNC_JS: "Throwing errors with throw is not supported")' },
    schema: [],
    messages: {
      throw: 'throw is not supported by APPSYNC_JS; use util.error() to fail, or util.appendError() to report an error.',
    },
  },
  create(context) {
    return { ThrowStatement: (node) => context.report({ node, messageId: 'throw' }) };
  },
};

export const noGeneratorExpressions: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow generator function expressions and generator methods' },
    schema: [],
    messages: { generator: 'Generator functions are not supported by APPSYNC_JS.' },
  },
  create(context) {
    return {
      FunctionExpression(node) {
        if (node.generator) context.report({ node, messageId: 'generator' });
      },
    };
  },
};

export const noClassExpressions: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow class expressions' },
    schema: [],
    messages: { class: 'Classes are not supported by APPSYNC_JS.' },
  },
  create(context) {
    return { ClassExpression: (node) => context.report({ node, messageId: 'class' }) };
  },
};

/** "Async processes are not supported, and promises are not supported": `for await`, `import()` and `Promise.*`. */
export const noAsyncConstructs: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow for-await loops, dynamic import() and any use of the Promise global' },
    schema: [],
    messages: {
      forAwait: 'for await loops are not supported by APPSYNC_JS: async processes are not supported.',
      dynamicImport: 'Dynamic import() is not supported by APPSYNC_JS: it returns a Promise.',
      promise: 'Promise is not supported by APPSYNC_JS: async processes are not supported.',
    },
  },
  create(context) {
    return {
      ForOfStatement(node) {
        if (node.await) context.report({ node, messageId: 'forAwait' });
      },
      ImportExpression: (node) => context.report({ node, messageId: 'dynamicImport' }),
      'Program:exit'() {
        const global = context.sourceCode.scopeManager.globalScope;
        for (const reference of global ? promiseReferences(global) : []) {
          const identifier = reference.identifier as Rule.Node;
          // `new Promise(...)` is the plugin's `no-promise`; report it once.
          const parent = identifier.parent as Rule.Node | null;
          if (parent?.type === 'NewExpression' && parent.callee === identifier) continue;
          context.report({ node: identifier, messageId: 'promise' });
        }
      },
    };
  },
};

function promiseReferences(global: Scope.Scope): Scope.Reference[] {
  const declared = global.set.get('Promise');
  // A module that declares its own `Promise` at top level does not use the built-in one.
  const builtin = declared && declared.defs.length === 0 ? declared.references : [];
  return [...builtin, ...global.through.filter((reference) => reference.identifier.name === 'Promise')];
}
