import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import { functionValue, isBuiltinGlobal } from './function-values.js';

/**
 * The Array methods whose callbacks APPSYNC_JS runs; the same list as the plugin's `no-function-passing`. `sort` is
 * missing on purpose: the guide says `Array.prototype.sort()` does not support arguments.
 */
const CALLBACK_METHODS = new Set([
  'map',
  'find',
  'filter',
  'findIndex',
  'findLast',
  'findLastIndex',
  'forEach',
  'reduce',
  'reduceRight',
  'every',
  'some',
  'flatMap',
]);

function memberName(node: ESTree.Node): string | undefined {
  if (node.type !== 'MemberExpression') return undefined;
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

/** "Passing a function as an argument is not supported", except to the Array callback methods. */
export const noFunctionPassing: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow passing functions as arguments, except to Array callback methods' },
    schema: [],
    messages: {
      passing:
        'Passing a function as an argument is not supported by APPSYNC_JS (only Array methods such as map, filter, ' +
        'reduce, find and forEach take callbacks).',
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const name = memberName(node.callee);
        if (name !== undefined && CALLBACK_METHODS.has(name)) return;
        const passesFunction = node.arguments.some(
          (argument) => argument.type !== 'SpreadElement' && functionValue(context.sourceCode, argument) !== undefined,
        );
        if (passesFunction) context.report({ node, messageId: 'passing' });
      },
    };
  },
};

const FUNCTION_METHODS = new Set(['apply', 'bind', 'call']);

/** "The apply, bind, and call methods are not supported." Only flagged where the receiver is visibly a function. */
export const noFunctionMethods: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow Function.prototype.apply, bind and call' },
    schema: [],
    messages: {
      method: 'Function.prototype.{{name}} is not supported by APPSYNC_JS; call the function directly.',
    },
  },
  create(context) {
    return {
      MemberExpression(node) {
        const name = memberName(node);
        if (name === undefined || !FUNCTION_METHODS.has(name) || node.object.type === 'Super') return;
        if (functionValue(context.sourceCode, node.object)) {
          context.report({ node, messageId: 'method', data: { name } });
        }
      },
    };
  },
};

/** "Function constructors are not supported": `Function(...)` and `new Function(...)` on the global. */
export const noFunctionConstructor: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow the Function constructor' },
    schema: [],
    messages: { constructor: 'The Function constructor is not supported by APPSYNC_JS.' },
  },
  create(context) {
    const check = (node: ESTree.CallExpression | ESTree.NewExpression): void => {
      const callee = node.callee;
      if (callee.type === 'Identifier' && callee.name === 'Function' && isBuiltinGlobal(context.sourceCode, callee, 'Function')) {
        context.report({ node, messageId: 'constructor' });
      }
    };
    return { CallExpression: check, NewExpression: check };
  },
};
