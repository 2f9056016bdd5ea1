import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import { enclosingFunction, functionName, functionValue, type FunctionNode } from './function-values.js';

interface CallEdge {
  to: FunctionNode;
  call: ESTree.CallExpression;
}

/**
 * Recursive calls, direct or through other functions of the module. The plugin's `no-recursion` needs type
 * information, which the runtime does not have for a bundle; the scope analysis of the module is enough to follow
 * calls by name, which is how resolvers recurse in practice.
 */
export const noRecursion: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow recursive function calls (APPSYNC_JS: "Recursive function calls are not supported")' },
    schema: [],
    messages: {
      recursion: 'Recursive function calls are not supported by APPSYNC_JS. Detected cycle: {{path}}',
    },
  },
  create(context) {
    const edges = new Map<FunctionNode, CallEdge[]>();
    return {
      CallExpression(node) {
        const caller = enclosingFunction(node);
        if (!caller || node.callee.type !== 'Identifier') return;
        const callee = functionValue(context.sourceCode, node.callee);
        if (!callee) return;
        const list = edges.get(caller) ?? [];
        list.push({ to: callee, call: node });
        edges.set(caller, list);
      },
      'Program:exit'() {
        for (const [from, list] of edges) {
          for (const edge of list) {
            const back = pathBetween(edges, edge.to, from);
            if (back) {
              const names = [from, ...back].map(functionName);
              context.report({ node: edge.call, messageId: 'recursion', data: { path: names.join(' -> ') } });
            }
          }
        }
      },
    };
  },
};

/** The functions on a call path from `start` to `goal` (both included), breadth first, or undefined. */
function pathBetween(
  edges: Map<FunctionNode, CallEdge[]>,
  start: FunctionNode,
  goal: FunctionNode,
): FunctionNode[] | undefined {
  const previous = new Map<FunctionNode, FunctionNode | null>([[start, null]]);
  const queue: FunctionNode[] = [start];
  for (let current = queue.shift(); current; current = queue.shift()) {
    if (current === goal) {
      const path: FunctionNode[] = [];
      for (let step: FunctionNode | null | undefined = current; step; step = previous.get(step)) path.unshift(step);
      return path;
    }
    for (const { to } of edges.get(current) ?? []) {
      if (!previous.has(to)) {
        previous.set(to, current);
        queue.push(to);
      }
    }
  }
  return undefined;
}
