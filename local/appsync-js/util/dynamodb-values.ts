/**
 * The conversion behind `util.dynamodb.toDynamoDB` and everything built on it (the `dynamodb` module, the
 * transform helpers). Values arrive from the resolver's vm realm, so every test is by `typeof`/`Array.isArray`.
 */

/** A DynamoDB attribute value as AppSync writes it: numbers stay JSON numbers (`{ "N": 12 }`). */
export type AttributeValue = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Values the `dynamodb` module's set helpers built. They are already typed, so converting an item that holds
 * one keeps the set instead of describing the `{ SS: [...] }` object as a map.
 */
const typedValues = new WeakSet<object>();

export function markTyped<T extends object>(value: T): T {
  typedValues.add(value);
  return value;
}

/**
 * The opinionated conversion the guide describes: strings → S, numbers → N, booleans → BOOL, null → NULL,
 * lists → L (never sets), maps → M. Map entries holding `undefined` are dropped, as JSON drops them.
 */
export function toAttributeValue(value: unknown): AttributeValue | null {
  if (value === null) return { NULL: null };
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      return { N: value };
    case 'boolean':
      return { BOOL: value };
    case 'object':
      if (typedValues.has(value)) return value as AttributeValue;
      if (Array.isArray(value)) return { L: value.map((item) => toAttributeValue(item) ?? { NULL: null }) };
      return { M: toAttributeMap(value as Record<string, unknown>) };
    default:
      // undefined, functions and symbols have no DynamoDB (nor JSON) form
      return null;
  }
}

export function toAttributeMap(map: Record<string, unknown>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(map)) {
    const converted = toAttributeValue(value);
    if (converted !== null) setOwn(out, key, converted);
  }
  return out;
}

/**
 * `out[key] = value` that also works for a key named `__proto__` (JSON.parse makes it an own property of the
 * resolver's data; plain assignment would change the prototype instead of keeping the attribute).
 */
export function setOwn<T>(out: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}
