import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DynamoDbRequestError } from './outcome.js';

/**
 * Typed values in AppSync request objects ("Type system (request mapping)") look like the DynamoDB wire format,
 * except that resolvers write numbers as JSON numbers (`{"N": 12}`) and `NULL` may be `null` (what
 * `util.dynamodb.toDynamoDB(null)` produces). The SDK wants numbers as strings and binaries as bytes.
 */
export type SdkItem = Record<string, AttributeValue>;

const TYPE_NAMES = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'BOOL', 'NULL', 'L', 'M'] as const;

export function jsonTypeName(value: unknown): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return 'ARRAY';
  return typeof value === 'object' ? 'OBJECT' : typeof value === 'number' ? 'NUMBER' : typeof value === 'boolean' ? 'BOOLEAN' : 'STRING';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, expected: string, value: unknown): never {
  throw new DynamoDbRequestError(
    `Expected ${expected} for attribute value '${path}' but got '${jsonTypeName(value)}' instead.`,
  );
}

function toNumberString(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return value.trim();
  return fail(path, 'a number', value);
}

function toStringValue(value: unknown, path: string): string {
  return typeof value === 'string' ? value : fail(path, 'a string', value);
}

function toBinary(value: unknown, path: string): Uint8Array {
  return Buffer.from(toStringValue(value, path), 'base64');
}

function toList<T>(value: unknown, path: string, each: (item: unknown, itemPath: string) => T): T[] {
  if (!Array.isArray(value)) fail(path, 'a JSON array', value);
  return value.map((item, index) => each(item, `${path}[${index}]`));
}

export function toSdkAttributeValue(value: unknown, path: string): AttributeValue {
  if (!isPlainObject(value)) return fail(path, 'JSON object', value);
  const types = Object.keys(value);
  const type = types[0];
  if (types.length !== 1 || type === undefined || !(TYPE_NAMES as readonly string[]).includes(type)) {
    throw new DynamoDbRequestError(
      `Attribute value '${path}' must have exactly one of the types ${TYPE_NAMES.join(', ')}; got ${JSON.stringify(types)}.`,
    );
  }
  const inner = value[type];
  const innerPath = `${path}[${type}]`;
  switch (type) {
    case 'S': return { S: toStringValue(inner, innerPath) };
    case 'N': return { N: toNumberString(inner, innerPath) };
    case 'B': return { B: toBinary(inner, innerPath) };
    case 'SS': return { SS: toList(inner, innerPath, toStringValue) };
    case 'NS': return { NS: toList(inner, innerPath, toNumberString) };
    case 'BS': return { BS: toList(inner, innerPath, toBinary) };
    case 'BOOL': return typeof inner === 'boolean' ? { BOOL: inner } : fail(innerPath, 'a boolean', inner);
    case 'NULL':
      if (inner === true || inner === null) return { NULL: true };
      return fail(innerPath, 'true or null', inner);
    case 'L': return { L: toList(inner, innerPath, toSdkAttributeValue) };
    default: return { M: toSdkItem(inner, innerPath) };
  }
}

/** A map of attribute name → typed value (`key`, `attributeValues`, `expressionValues`, an `M`). */
export function toSdkItem(value: unknown, path: string): SdkItem {
  if (!isPlainObject(value)) return fail(path, 'JSON object', value);
  const item: SdkItem = {};
  for (const [name, attribute] of Object.entries(value)) {
    item[name] = toSdkAttributeValue(attribute, `${path}[${name}]`);
  }
  return item;
}

/** "Type system (response mapping)": every attribute becomes its JSON primitive; binaries become base64. */
export function fromSdkAttributeValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.B !== undefined) return Buffer.from(value.B).toString('base64');
  if (value.SS !== undefined) return [...value.SS];
  if (value.NS !== undefined) return value.NS.map(Number);
  if (value.BS !== undefined) return value.BS.map((bytes) => Buffer.from(bytes).toString('base64'));
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.L !== undefined) return value.L.map(fromSdkAttributeValue);
  if (value.M !== undefined) return fromSdkItem(value.M);
  return null;
}

export function fromSdkItem(item: SdkItem): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(item)) plain[name] = fromSdkAttributeValue(attribute);
  return plain;
}

export function fromSdkItemOrNull(item: SdkItem | undefined): Record<string, unknown> | null {
  return item === undefined ? null : fromSdkItem(item);
}

/** The reverse of `toSdkAttributeValue`: AppSync's typed JSON (numbers as JSON numbers, binaries as base64). */
export function toAppSyncTyped(value: AttributeValue): unknown {
  if (value.N !== undefined) return { N: Number(value.N) };
  if (value.NS !== undefined) return { NS: value.NS.map(Number) };
  if (value.B !== undefined || value.BS !== undefined) {
    const plain = fromSdkAttributeValue(value);
    return value.B !== undefined ? { B: plain } : { BS: plain };
  }
  if (value.L !== undefined) return { L: value.L.map(toAppSyncTyped) };
  if (value.M !== undefined) return { M: toAppSyncTypedItem(value.M) };
  return value;
}

export function toAppSyncTypedItem(item: SdkItem): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(item)) typed[name] = toAppSyncTyped(attribute);
  return typed;
}
