/**
 * DynamoDB's JSON wire format carries binaries as base64 strings where the SDK's shapes hold bytes: these two
 * functions convert at the boundary, so in-process calls take and give exactly what the SDK would.
 */
export function toWireJson(input: object): string {
  return JSON.stringify(input, bytesAsBase64);
}

function bytesAsBase64(this: Record<string, unknown>, key: string, value: unknown): unknown {
  // `value` went through toJSON already (a Buffer becomes { type, data }): read the holder's own property.
  const raw = this[key];
  return raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') : value;
}

export function fromWireJson(text: string): Record<string, unknown> {
  const parsed = JSON.parse(text) as Record<string, unknown>;
  // Only attribute values have `B`/`BS` members with string contents; most answers carry none.
  if (text.includes('"B')) reviveBinaries(parsed);
  return parsed;
}

function reviveBinaries(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) reviveBinaries(item);
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === 'B' && typeof record['B'] === 'string') {
    record['B'] = Buffer.from(record['B'], 'base64');
    return;
  }
  if (keys.length === 1 && keys[0] === 'BS' && Array.isArray(record['BS']) && record['BS'].every((b) => typeof b === 'string')) {
    record['BS'] = record['BS'].map((b: string) => Buffer.from(b, 'base64'));
    return;
  }
  for (const key of keys) reviveBinaries(record[key]);
}
