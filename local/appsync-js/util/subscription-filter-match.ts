import { isPlainObject } from './dynamodb-values.js';

/**
 * Whether a mutation payload passes an enhanced subscription filter (`{ filterGroup: [{ filters: [...] }] }`):
 * https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html
 * Groups are OR-ed, the filters of a group AND-ed; `fieldName` may reach into nested objects with dots. A filter
 * without groups constrains nothing. A missing (or null) field satisfies only the negative operators.
 */
export function matchesSubscriptionFilter(filter: unknown, payload: unknown): boolean {
  const groups = isPlainObject(filter) ? filter['filterGroup'] : undefined;
  if (!Array.isArray(groups) || groups.length === 0) return true;
  return groups.some((group) => {
    const filters = isPlainObject(group) ? group['filters'] : undefined;
    return !Array.isArray(filters) || filters.every((entry) => matchesEntry(entry, payload));
  });
}

function matchesEntry(entry: unknown, payload: unknown): boolean {
  if (!isPlainObject(entry) || typeof entry['fieldName'] !== 'string' || typeof entry['operator'] !== 'string') {
    return false;
  }
  return applyOperator(entry['operator'], fieldValue(payload, entry['fieldName']), entry['value']);
}

function fieldValue(payload: unknown, fieldName: string): unknown {
  let current = payload;
  for (const segment of fieldName.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

function applyOperator(operator: string, field: unknown, value: unknown): boolean {
  switch (operator) {
    case 'eq':
      return field != null && same(field, value);
    case 'ne':
      return field == null || !same(field, value);
    case 'le':
      return compare(field, value, (order) => order <= 0);
    case 'lt':
      return compare(field, value, (order) => order < 0);
    case 'ge':
      return compare(field, value, (order) => order >= 0);
    case 'gt':
      return compare(field, value, (order) => order > 0);
    case 'contains':
      return contains(field, value);
    case 'notContains':
      return !contains(field, value);
    case 'beginsWith':
      return typeof field === 'string' && typeof value === 'string' && field.startsWith(value);
    case 'in':
      return Array.isArray(value) && field != null && value.some((candidate) => same(field, candidate));
    case 'notIn':
      return !(Array.isArray(value) && field != null && value.some((candidate) => same(field, candidate)));
    case 'between':
      return (
        Array.isArray(value) &&
        value.length === 2 &&
        compare(field, value[0], (order) => order >= 0) &&
        compare(field, value[1], (order) => order <= 0)
      );
    case 'containsAny':
      return Array.isArray(field) && Array.isArray(value) && value.some((candidate) => contains(field, candidate));
    case 'attributeExists':
      return (field != null) === (value === true);
    default:
      return false;
  }
}

/** Field and value must be of one kind (numbers with numbers, strings with strings) to be ordered. */
function compare(field: unknown, value: unknown, accept: (order: number) => boolean): boolean {
  if (typeof field === 'number' && typeof value === 'number') return accept(field - value);
  if (typeof field === 'string' && typeof value === 'string') return accept(field < value ? -1 : field > value ? 1 : 0);
  return false;
}

/** A substring of a string field, or an element of a list field. */
function contains(field: unknown, value: unknown): boolean {
  if (typeof field === 'string') return typeof value === 'string' && field.includes(value);
  if (Array.isArray(field)) return field.some((element) => same(element, value));
  return false;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}
