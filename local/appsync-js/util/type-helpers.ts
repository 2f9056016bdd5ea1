import { requireString } from './arg-checks.js';
import { compileWholeMatch } from './java-regex.js';

/**
 * Type and pattern-matching utils. `util.matches` is on the built-in utilities page
 * (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html); the null/default/type checks carry the
 * names and contracts of the `$util` page (https://docs.aws.amazon.com/appsync/latest/devguide/utility-helpers-in-util.html).
 * `undefined` counts as null: a missing field reads as null in AppSync's value model.
 */

// java.lang.Character.isWhitespace, which Commons' isBlank uses: Unicode spaces except the no-break ones, plus
// the ASCII controls \t \n \v \f \r and the separators 0x1C-0x1F.
function isJavaWhitespace(unit: number): boolean {
  if ((unit >= 0x09 && unit <= 0x0d) || (unit >= 0x1c && unit <= 0x20)) return true;
  if (unit === 0xa0 || unit === 0x2007 || unit === 0x202f) return false;
  return unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 || unit === 0x205f || unit === 0x3000;
}

const isNull = (value: unknown): boolean => value === null || value === undefined;
const isNullOrEmpty = (value: unknown): boolean => isNull(value) || value === '';
const isNullOrBlank = (value: unknown): boolean => {
  if (isNull(value)) return true;
  if (typeof value !== 'string') return false;
  for (let i = 0; i < value.length; i++) if (!isJavaWhitespace(value.charCodeAt(i))) return false;
  return true;
};
const isList = (value: unknown): boolean => Array.isArray(value);
// Objects from the resolver's realm: check the tag rather than the prototype, so Date and friends are not maps.
const isMap = (value: unknown): boolean => Object.prototype.toString.call(value) === '[object Object]';

function typeOf(value: unknown): string {
  if (isNull(value)) return 'Null';
  if (typeof value === 'number') return 'Number';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (isList(value)) return 'List';
  if (isMap(value)) return 'Map';
  return 'Object';
}

function matches(pattern: unknown, value: unknown): boolean {
  const regex = compileWholeMatch(requireString('util.matches', pattern, 'pattern'));
  return regex.test(requireString('util.matches', value, 'value'));
}

export const typeHelpers = {
  isNull,
  isNullOrEmpty,
  isNullOrBlank,
  defaultIfNull: (value: unknown, fallback: unknown): unknown => (isNull(value) ? fallback : value),
  defaultIfNullOrEmpty: (value: unknown, fallback: unknown): unknown => (isNullOrEmpty(value) ? fallback : value),
  defaultIfNullOrBlank: (value: unknown, fallback: unknown): unknown => (isNullOrBlank(value) ? fallback : value),
  isString: (value: unknown): boolean => typeof value === 'string',
  isNumber: (value: unknown): boolean => typeof value === 'number',
  isBoolean: (value: unknown): boolean => typeof value === 'boolean',
  isList,
  isMap,
  typeOf,
  matches,
};
