import { isPlainObject } from './dynamodb-values.js';

/**
 * `util.transform.toSubscriptionFilter(filter, ignoredFields?, rules?)`:
 * https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html
 *
 * A subscription filter is an OR of groups, each an AND of single filters, so the object is multiplied out:
 * the fields of an object and the members of an `and` combine, while every operator of a field, every member
 * of an `or` and every rule is an alternative. Operators are carried through unchecked (AppSync validates them
 * when the filter is applied, see transform-subscription-limits.ts), and `not` is an ordinary field name here.
 */
export interface SubscriptionFilterEntry {
  fieldName: string;
  operator: string;
  value: unknown;
}

export interface SubscriptionFilter {
  filterGroup: { filters: SubscriptionFilterEntry[] }[];
}

type Conjunction = SubscriptionFilterEntry[];

class UnreadableFilter extends Error {
  override readonly name = 'UnreadableFilter';
}

/** `null` for input AppSync cannot read as a filter (null, a list, a JSON string, …), as EvaluateCode answers. */
export function toSubscriptionFilter(filter: unknown, ignoredFields?: unknown, rules?: unknown): SubscriptionFilter | null {
  const ignored = new Set(Array.isArray(ignoredFields) ? ignoredFields.filter((f) => typeof f === 'string') : []);
  let groups: Conjunction[];
  try {
    groups = expand(filter, ignored);
    if (isPlainObject(rules)) groups = combine(groups, ruleAlternatives(rules));
  } catch (error) {
    if (error instanceof UnreadableFilter) return null;
    throw error;
  }
  return { filterGroup: groups.filter((filters) => filters.length > 0).map((filters) => ({ filters })) };
}

function expand(filter: unknown, ignored: ReadonlySet<string>): Conjunction[] {
  if (!isPlainObject(filter)) throw new UnreadableFilter();
  let groups: Conjunction[] = [[]];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) throw new UnreadableFilter();
      const members = value.map((member) => expand(member, ignored));
      groups = key === 'and' ? members.reduce(combine, groups) : combine(groups, members.flat());
    } else if (!ignored.has(key)) {
      groups = combine(groups, fieldAlternatives(key, value));
    }
  }
  return groups;
}

function fieldAlternatives(fieldName: string, operators: unknown): Conjunction[] {
  if (!isPlainObject(operators)) throw new UnreadableFilter();
  return Object.entries(operators)
    .filter(([, value]) => value !== undefined)
    .map(([operator, value]) => [{ fieldName, operator, value }]);
}

/** Rules are only fields; at least one of them must hold, so each is an alternative. */
function ruleAlternatives(rules: Record<string, unknown>): Conjunction[] {
  return Object.entries(rules)
    .filter(([, value]) => value !== undefined)
    .flatMap(([fieldName, operators]) => fieldAlternatives(fieldName, operators));
}

/** AND of `groups` with an OR of `alternatives`; no alternative at all constrains nothing. */
function combine(groups: Conjunction[], alternatives: Conjunction[]): Conjunction[] {
  if (alternatives.length === 0) return groups;
  return groups.flatMap((group) => alternatives.map((alternative) => [...group, ...alternative]));
}
