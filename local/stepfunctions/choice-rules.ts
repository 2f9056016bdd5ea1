import { type Json, type PathScope, queryPath } from './json-paths.js';

/** A Choice state's rule (without its Next): a data test on `Variable`, or And / Or / Not. */
export type ChoiceRule = { [key: string]: Json | ChoiceRule | ChoiceRule[] };

/** Whether the rule holds for the state's input, as the Amazon States Language defines each operator. */
export function ruleMatches(rule: ChoiceRule, scope: PathScope): boolean {
  if (Array.isArray(rule.And)) return (rule.And as ChoiceRule[]).every((r) => ruleMatches(r, scope));
  if (Array.isArray(rule.Or)) return (rule.Or as ChoiceRule[]).some((r) => ruleMatches(r, scope));
  if (rule.Not) return !ruleMatches(rule.Not as ChoiceRule, scope);
  const variable = rule.Variable as string;
  let value: Json | undefined;
  try {
    value = queryPath(variable, scope, 'Variable');
  } catch {
    value = undefined;
  }
  const [operator, raw] = Object.entries(rule).find(([key]) => key !== 'Variable' && key !== 'Next') ?? [];
  if (!operator) return false;
  if (operator === 'IsPresent') return (value !== undefined) === raw;
  if (value === undefined) return false;
  const operand = operator.endsWith('Path') ? queryPath(raw as string, scope, operator) : (raw as Json);
  return compare(operator.replace(/Path$/, ''), value, operand);
}

function compare(operator: string, value: Json, operand: Json): boolean {
  switch (operator) {
    case 'IsNull':
      return (value === null) === operand;
    case 'IsNumeric':
      return (typeof value === 'number') === operand;
    case 'IsString':
      return (typeof value === 'string') === operand;
    case 'IsBoolean':
      return (typeof value === 'boolean') === operand;
    case 'IsTimestamp':
      return (typeof value === 'string' && isTimestamp(value)) === operand;
    case 'BooleanEquals':
      return typeof value === 'boolean' && value === operand;
    case 'StringMatches':
      return typeof value === 'string' && wildcard(operand as string).test(value);
  }
  const kind = /^(String|Numeric|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)$/.exec(operator);
  if (!kind) return false;
  const [, type, relation] = kind;
  let a: number | string;
  let b: number | string;
  if (type === 'Numeric') {
    if (typeof value !== 'number' || typeof operand !== 'number') return false;
    [a, b] = [value, operand];
  } else if (type === 'String') {
    if (typeof value !== 'string' || typeof operand !== 'string') return false;
    [a, b] = [value, operand];
  } else {
    if (typeof value !== 'string' || typeof operand !== 'string' || !isTimestamp(value) || !isTimestamp(operand)) return false;
    [a, b] = [Date.parse(value), Date.parse(operand)];
  }
  switch (relation) {
    case 'Equals':
      return a === b;
    case 'LessThan':
      return a < b;
    case 'GreaterThan':
      return a > b;
    case 'LessThanEquals':
      return a <= b;
    default:
      return a >= b;
  }
}

function isTimestamp(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text));
}

/** StringMatches: `*` matches any run of characters, `\*` a star. */
function wildcard(pattern: string): RegExp {
  const parts = pattern.split(/(?<!\\)\*/).map((part) => part.replace(/\\\*/g, '*').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 's');
}
