/**
 * DynamoDB expressions with their placeholders replaced by what they stand for (`#n` by the attribute name,
 * `:v` by the value), so a test states the rule (`status IN ('PENDING', 'ACCEPTED')`) rather than the
 * placeholder names the dynamodb module happens to choose.
 */
export interface ExpressionBlock {
  expression: string;
  expressionNames?: Record<string, string>;
  expressionValues?: Record<string, Record<string, unknown>>;
}

export function readable(block: unknown): string {
  const { expression, expressionNames = {}, expressionValues = {} } = block as ExpressionBlock;
  return expression.replace(/[#:][A-Za-z0-9_]+/g, (placeholder) => {
    if (placeholder.startsWith('#')) {
      const name = expressionNames[placeholder];
      if (name === undefined) throw new Error(`${placeholder} is not in expressionNames`);
      return name;
    }
    const value = expressionValues[placeholder];
    if (value === undefined) throw new Error(`${placeholder} is not in expressionValues`);
    return literal(value);
  });
}

function literal(value: Record<string, unknown>): string {
  if (typeof value['S'] === 'string') return `'${value['S']}'`;
  if (value['N'] !== undefined) return String(value['N']);
  if ('NULL' in value) return 'null';
  if (Array.isArray(value['L'])) return `[${(value['L'] as Record<string, unknown>[]).map(literal).join(', ')}]`;
  if (value['M'] !== undefined) {
    const entries = Object.entries(value['M'] as Record<string, Record<string, unknown>>);
    return `{${entries.map(([key, member]) => `${key}: ${literal(member)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** A request's typed map (`{ userId: { S: 'u' } }`) as plain values. */
export function plain(map: unknown): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(map as Record<string, Record<string, unknown>>).map(([key, value]) => [
      key,
      value['S'] ?? (value['N'] === undefined ? value : Number(value['N'])),
    ]),
  );
}
