import { UtilArgumentError } from '../errors.js';

/**
 * Argument guards shared by the pure `util` helpers. AppSync's helpers are typed (String, Double, …) and fail
 * the evaluation on a value of another type rather than coercing it, so ours do the same.
 */
export function requireString(fn: string, value: unknown, what = 'argument'): string {
  if (typeof value !== 'string') {
    throw new UtilArgumentError(`${fn}: the ${what} must be a string, got ${describe(value)}`);
  }
  return value;
}

export function requireNumber(fn: string, value: unknown, what = 'argument'): number {
  if (typeof value !== 'number') {
    throw new UtilArgumentError(`${fn}: the ${what} must be a number, got ${describe(value)}`);
  }
  return value;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a map' : typeof value;
}
