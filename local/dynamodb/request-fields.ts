import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { isPlainObject, jsonTypeName, toSdkItem } from './attribute-values.js';
import type { SdkItem } from './attribute-values.js';
import { DynamoDbRequestError } from './outcome.js';

/** Field readers that reject a malformed request object the way AppSync does, naming the field by its path. */
export type Fields = Record<string, unknown>;

export function requireObject(value: unknown, path: string): Fields {
  if (!isPlainObject(value)) {
    throw new DynamoDbRequestError(`Expected JSON object for '${path}' but got '${jsonTypeName(value)}' instead.`);
  }
  return value;
}

function wrongType(path: string, expected: string, value: unknown): never {
  throw new DynamoDbRequestError(`Expected ${expected} for field '${path}' but got '${jsonTypeName(value)}' instead.`);
}

export function required(fields: Fields, name: string, path: string): unknown {
  const value = fields[name];
  if (value === undefined || value === null) {
    throw new DynamoDbRequestError(`Value for field '${path}[${name}]' not found.`);
  }
  return value;
}

export function requiredString(fields: Fields, name: string, path: string): string {
  const value = required(fields, name, path);
  return typeof value === 'string' ? value : wrongType(`${path}[${name}]`, 'a string', value);
}

export function optionalString(fields: Fields, name: string, path: string): string | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : wrongType(`${path}[${name}]`, 'a string', value);
}

export function optionalBoolean(fields: Fields, name: string, path: string): boolean | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'boolean' ? value : wrongType(`${path}[${name}]`, 'a boolean', value);
}

export function optionalInteger(fields: Fields, name: string, path: string): number | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  return Number.isInteger(value) ? (value as number) : wrongType(`${path}[${name}]`, 'an integer', value);
}

export function requiredItem(fields: Fields, name: string, path: string): SdkItem {
  return toSdkItem(required(fields, name, path), `${path}[${name}]`);
}

/** A `condition`, `filter`, `query`, `update` or `projection` block; `undefined` when the field is absent. */
export interface ExpressionBlock {
  fields: Fields;
  expression: string;
  names: Record<string, string>;
  values: SdkItem;
}

export function readExpression(parent: Fields, name: string, path: string, need: boolean): ExpressionBlock | undefined {
  let value = parent[name];
  const blockPath = `${path}[${name}]`;
  if (value === undefined || value === null) {
    if (need) throw new DynamoDbRequestError(`Value for field '${blockPath}' not found.`);
    return undefined;
  }
  // util.transform.toDynamoDB*Expression returns a JSON string, and the guide's own examples pass it unparsed.
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      wrongType(blockPath, 'JSON object', value);
    }
  }
  const fields = requireObject(value, blockPath);
  const expression = requiredString(fields, 'expression', blockPath);
  const names: Record<string, string> = {};
  const rawNames = fields['expressionNames'];
  if (rawNames !== undefined && rawNames !== null) {
    for (const [placeholder, attribute] of Object.entries(requireObject(rawNames, `${blockPath}[expressionNames]`))) {
      if (typeof attribute !== 'string') wrongType(`${blockPath}[expressionNames][${placeholder}]`, 'a string', attribute);
      names[placeholder] = attribute;
    }
  }
  const rawValues = fields['expressionValues'];
  const values = rawValues === undefined || rawValues === null ? {} : toSdkItem(rawValues, `${blockPath}[expressionValues]`);
  return { fields, expression, names, values };
}

/**
 * DynamoDB takes one ExpressionAttributeNames/Values map per call, shared by the key condition, filter, condition
 * and projection; AppSync merges the per-block maps, and a placeholder bound twice to different things is an error.
 */
export class Placeholders {
  private readonly names: Record<string, string> = {};
  private readonly values: Record<string, AttributeValue> = {};

  add(block: ExpressionBlock | undefined): string | undefined {
    if (block === undefined) return undefined;
    for (const [placeholder, attribute] of Object.entries(block.names)) {
      const bound = this.names[placeholder];
      if (bound !== undefined && bound !== attribute) {
        throw new DynamoDbRequestError(`Expression name placeholder '${placeholder}' is bound to both '${bound}' and '${attribute}'.`);
      }
      this.names[placeholder] = attribute;
    }
    for (const [placeholder, value] of Object.entries(block.values)) {
      const bound = this.values[placeholder];
      if (bound !== undefined && JSON.stringify(bound) !== JSON.stringify(value)) {
        throw new DynamoDbRequestError(`Expression value placeholder '${placeholder}' is bound to two different values.`);
      }
      this.values[placeholder] = value;
    }
    return block.expression;
  }

  input(): { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, AttributeValue> } {
    return {
      ...(Object.keys(this.names).length > 0 ? { ExpressionAttributeNames: { ...this.names } } : {}),
      ...(Object.keys(this.values).length > 0 ? { ExpressionAttributeValues: { ...this.values } } : {}),
    };
  }
}

/** For calls that take a single expression block. */
export function expressionInput(block: ExpressionBlock | undefined): ReturnType<Placeholders['input']> {
  const placeholders = new Placeholders();
  placeholders.add(block);
  return placeholders.input();
}
