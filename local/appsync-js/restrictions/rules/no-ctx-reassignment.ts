import type { Rule, Scope } from 'eslint';
import type * as ESTree from 'estree';

const HANDLERS = new Set(['request', 'response']);

type WithParent = ESTree.Node & { parent: WithParent };

/**
 * The plugin's `no-disallowed-re-assignment` checks `function request(ctx)` / `function response(ctx)` only; a
 * handler written `export const request = (ctx) => …` (kept as such by esbuild) gets the same treatment here:
 * the context and its base properties (`ctx.args`, `ctx.stash`, …) are read-only, while deeper writes such as
 * `ctx.stash.key = value` stay allowed.
 */
export const noCtxReassignment: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow re-assigning the context or its base properties in arrow-function handlers' },
    schema: [],
    messages: {
      reassign: '{{name}} is readonly and re-assignment is not supported.',
      property: '{{name}} is readonly. Adding/Updating {{property}} is not supported.',
      anyProperty: '{{name}} is readonly adding/modifying properties is not supported.',
    },
  },
  create(context) {
    return {
      VariableDeclarator(node) {
        if (node.id.type !== 'Identifier' || !HANDLERS.has(node.id.name)) return;
        const handler = node.init;
        if (handler?.type !== 'ArrowFunctionExpression' && handler?.type !== 'FunctionExpression') return;
        const param = handler.params[0];
        if (param?.type !== 'Identifier') return;
        const variable = context.sourceCode.getDeclaredVariables(handler).find((v) => v.name === param.name);
        for (const reference of variable?.references ?? []) check(context, reference);
      },
    };
  },
};

function check(context: Rule.RuleContext, reference: Scope.Reference): void {
  const identifier = reference.identifier as WithParent;
  if (reference.init) return;
  const name = (identifier as ESTree.Identifier).name;
  if (reference.isWrite()) {
    context.report({ node: identifier, messageId: 'reassign', data: { name } });
    return;
  }
  const member = identifier.parent;
  if (member.type !== 'MemberExpression' || member.object !== identifier) return;
  if (!isWriteTarget(member)) return;
  const property = propertyName(member);
  if (property === undefined) context.report({ node: member, messageId: 'anyProperty', data: { name } });
  else context.report({ node: member, messageId: 'property', data: { name, property } });
}

function isWriteTarget(member: WithParent): boolean {
  const parent = member.parent;
  switch (parent.type) {
    case 'AssignmentExpression':
      return parent.left === member;
    case 'UpdateExpression':
      return parent.argument === member;
    case 'UnaryExpression':
      return parent.operator === 'delete' && parent.argument === member;
    case 'ForInStatement':
    case 'ForOfStatement':
      return parent.left === member;
    default:
      return false;
  }
}

function propertyName(member: ESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === 'Identifier') return member.property.name;
  if (member.property.type === 'Literal' && member.property.value !== null) return String(member.property.value);
  return undefined;
}
