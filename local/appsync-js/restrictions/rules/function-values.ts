import type { Rule, Scope, SourceCode } from 'eslint';
import type * as ESTree from 'estree';

export type FunctionNode = ESTree.FunctionDeclaration | ESTree.FunctionExpression | ESTree.ArrowFunctionExpression;

type WithParent = ESTree.Node & { parent?: WithParent | null };

export function isFunctionNode(node: ESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === 'FunctionDeclaration' ||
    node?.type === 'FunctionExpression' ||
    node?.type === 'ArrowFunctionExpression'
  );
}

/** The variable a name refers to at `node`, or undefined for an implicit global such as `Promise`. */
export function findVariable(sourceCode: SourceCode, node: ESTree.Node, name: string): Scope.Variable | undefined {
  for (let scope: Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/** Whether a name at `node` is the built-in global (not declared anywhere in the module). */
export function isBuiltinGlobal(sourceCode: SourceCode, node: ESTree.Node, name: string): boolean {
  const variable = findVariable(sourceCode, node, name);
  // ESLint declares the ES built-ins in the global scope without a definition.
  return variable === undefined || variable.defs.length === 0;
}

/**
 * The function a binding holds when that is visible without type information: a function declaration, a named
 * function expression's own name, or a variable initialised with a function or arrow.
 */
export function functionOfVariable(variable: Scope.Variable): FunctionNode | undefined {
  const def = variable.defs[0];
  if (!def) return undefined;
  if (def.type === 'FunctionName' && isFunctionNode(def.node)) return def.node;
  if (def.type === 'Variable' && def.node.type === 'VariableDeclarator' && isFunctionNode(def.node.init)) {
    return def.node.init;
  }
  return undefined;
}

/** The function an expression evaluates to, when it is a function literal or a name bound to one. */
export function functionValue(sourceCode: SourceCode, node: ESTree.Node): FunctionNode | undefined {
  if (isFunctionNode(node)) return node;
  if (node.type !== 'Identifier') return undefined;
  const variable = findVariable(sourceCode, node, node.name);
  return variable ? functionOfVariable(variable) : undefined;
}

/** The nearest function around a node (its own body's owner), or undefined at module level. */
export function enclosingFunction(node: Rule.Node): FunctionNode | undefined {
  for (let current = (node as WithParent).parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

export function functionName(fn: FunctionNode): string {
  if (fn.type !== 'ArrowFunctionExpression' && fn.id) return fn.id.name;
  const parent = (fn as WithParent).parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'Property' && parent.key.type === 'Identifier') return parent.key.name;
  return 'anonymous function';
}
