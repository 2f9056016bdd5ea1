import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * The size DynamoDB bills an item at, from its attributes, by the rules of the developer guide ("DynamoDB item sizes
 * and formats", docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html): each
 * attribute's name in UTF-8 bytes plus its value: a string's UTF-8 bytes, a number's 1 byte per two significant
 * digits plus 1, a Boolean or null 1 byte, a List or Map 3 bytes plus its elements, each element 1 byte more.
 */
export function itemBytes(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueBytes(value), 0);
}

/** Write request units per standard write: 1 KB each, rounded up. */
export const writeUnits = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));

/** Read request units per strongly consistent read: 4 KB each, rounded up (an eventually consistent read half). */
export const readUnits = (bytes: number): number => Math.max(1, Math.ceil(bytes / 4096));

function valueBytes(value: AttributeValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberBytes(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.L !== undefined) return 3 + value.L.reduce((sum, element) => sum + 1 + valueBytes(element), 0);
  if (value.M !== undefined) return 3 + Object.entries(value.M).reduce((sum, [name, element]) => sum + 1 + utf8(name) + valueBytes(element), 0);
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberBytes(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.byteLength, 0);
  throw new Error(`Unknown attribute value ${JSON.stringify(value)}`);
}

/** Leading and trailing zeros are trimmed; 1 byte per two significant digits, and 1. */
function numberBytes(n: string): number {
  const digits = n.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');
