import { UtilArgumentError } from '../errors.js';
import { describe, requireString } from './arg-checks.js';
import {
  type AttributeValue,
  isPlainObject,
  toAttributeMap,
  toAttributeValue,
} from './dynamodb-values.js';

/**
 * `util.dynamodb`: https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html
 * Every typed helper answers `null` for a null or missing argument (the type definitions say `| null`) and
 * rejects a value of another type.
 */
export const dynamodbUtil = Object.freeze({
  toDynamoDB(value: unknown): AttributeValue | null {
    return toAttributeValue(value);
  },
  toString(value: unknown): AttributeValue | null {
    return value == null ? null : { S: requireString('util.dynamodb.toString', value) };
  },
  toStringSet(list: unknown): AttributeValue | null {
    return list == null ? null : { SS: listOf('util.dynamodb.toStringSet', list, 'string') };
  },
  toNumber(value: unknown): AttributeValue | null {
    return value == null ? null : { N: numberArg('util.dynamodb.toNumber', value) };
  },
  toNumberSet(list: unknown): AttributeValue | null {
    return list == null ? null : { NS: listOf('util.dynamodb.toNumberSet', list, 'number') };
  },
  toBinary(value: unknown): AttributeValue | null {
    return value == null ? null : { B: requireString('util.dynamodb.toBinary', value) };
  },
  toBinarySet(list: unknown): AttributeValue | null {
    return list == null ? null : { BS: listOf('util.dynamodb.toBinarySet', list, 'string') };
  },
  toBoolean(value: unknown): AttributeValue | null {
    if (value == null) return null;
    if (typeof value !== 'boolean') {
      throw new UtilArgumentError(`util.dynamodb.toBoolean: the argument must be a boolean, got ${describe(value)}`);
    }
    return { BOOL: value };
  },
  toNull(): AttributeValue {
    return { NULL: null };
  },
  toList(list: unknown): AttributeValue | null {
    if (list == null) return null;
    if (!Array.isArray(list)) {
      throw new UtilArgumentError(`util.dynamodb.toList: the argument must be a list, got ${describe(list)}`);
    }
    return toAttributeValue(list);
  },
  toMap(map: unknown): AttributeValue | null {
    return map == null ? null : { M: mapArg('util.dynamodb.toMap', map) };
  },
  toMapValues(map: unknown): Record<string, AttributeValue> | null {
    return map == null ? null : mapArg('util.dynamodb.toMapValues', map);
  },
  toS3Object(key: unknown, bucket: unknown, region: unknown, version?: unknown): AttributeValue {
    const fn = 'util.dynamodb.toS3Object';
    const s3: Record<string, string> = {
      key: requireString(fn, key, 'key'),
      bucket: requireString(fn, bucket, 'bucket'),
      region: requireString(fn, region, 'region'),
    };
    if (version != null) s3['version'] = requireString(fn, version, 'version');
    return { S: JSON.stringify({ s3 }) };
  },
  fromS3ObjectJson(json: unknown): Record<string, unknown> {
    return parseS3Object(json);
  },
});

function numberArg(fn: string, value: unknown): number {
  if (typeof value !== 'number') {
    throw new UtilArgumentError(`${fn}: the argument must be a number, got ${describe(value)}`);
  }
  return value;
}

function listOf(fn: string, list: unknown, type: 'string' | 'number'): unknown[] {
  if (!Array.isArray(list) || list.some((item) => typeof item !== type)) {
    throw new UtilArgumentError(`${fn}: the argument must be a list of ${type}s, got ${describe(list)}`);
  }
  return [...list];
}

function mapArg(fn: string, map: unknown): Record<string, AttributeValue> {
  if (!isPlainObject(map)) {
    throw new UtilArgumentError(`${fn}: the argument must be a map, got ${describe(map)}`);
  }
  return toAttributeMap(map);
}

/** The S3 object string `toS3Object` stores (also accepted as the `{ "S": ... }` attribute that holds it). */
function parseS3Object(json: unknown): Record<string, unknown> {
  const fn = 'util.dynamodb.fromS3ObjectJson';
  const text = isPlainObject(json) && typeof json['S'] === 'string' ? json['S'] : json;
  let parsed: unknown;
  try {
    parsed = JSON.parse(requireString(fn, text));
  } catch (error) {
    if (error instanceof UtilArgumentError) throw error;
    throw new UtilArgumentError(`${fn}: the argument is not a DynamoDB S3 object: ${String(text)}`);
  }
  const s3 = isPlainObject(parsed) ? parsed['s3'] : undefined;
  if (!isPlainObject(s3)) {
    throw new UtilArgumentError(`${fn}: the argument is not a DynamoDB S3 object: ${String(text)}`);
  }
  return { ...s3 };
}
