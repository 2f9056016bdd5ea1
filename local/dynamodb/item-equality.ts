import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { SdkItem } from './attribute-values.js';

/**
 * DynamoDB equality, not JSON equality: `{"N":"1.0"}` equals `{"N":"1"}`, sets are unordered, map keys unordered.
 * Used to match batch results to requested keys and for AppSync's "current value already matches" check.
 */
function canonical(value: AttributeValue): unknown {
  if (value.S !== undefined) return ['S', value.S];
  if (value.N !== undefined) return ['N', String(Number(value.N))];
  if (value.B !== undefined) return ['B', Buffer.from(value.B).toString('base64')];
  if (value.SS !== undefined) return ['SS', [...value.SS].sort()];
  if (value.NS !== undefined) return ['NS', value.NS.map((n) => String(Number(n))).sort()];
  if (value.BS !== undefined) return ['BS', value.BS.map((b) => Buffer.from(b).toString('base64')).sort()];
  if (value.BOOL !== undefined) return ['BOOL', value.BOOL];
  if (value.NULL !== undefined) return ['NULL'];
  if (value.L !== undefined) return ['L', value.L.map(canonical)];
  if (value.M !== undefined) return ['M', canonicalItem(value.M)];
  return ['?'];
}

function canonicalItem(item: SdkItem, ignore: ReadonlySet<string> = new Set()): unknown {
  return Object.keys(item)
    .filter((name) => !ignore.has(name))
    .sort()
    .map((name) => [name, canonical(item[name] as AttributeValue)]);
}

export function canonicalString(item: SdkItem): string {
  return JSON.stringify(canonicalItem(item));
}

export function itemsEqual(a: SdkItem, b: SdkItem, ignore: readonly string[] = []): boolean {
  const ignored = new Set(ignore);
  return JSON.stringify(canonicalItem(a, ignored)) === JSON.stringify(canonicalItem(b, ignored));
}

/** The key of `item` restricted to the attribute names of `keyShape`, as a comparable string. */
export function keyStringOf(item: SdkItem, keyShape: SdkItem): string | undefined {
  const key: SdkItem = {};
  for (const name of Object.keys(keyShape)) {
    const value = item[name];
    if (value === undefined) return undefined;
    key[name] = value;
  }
  return canonicalString(key);
}
