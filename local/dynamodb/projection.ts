import type { SdkItem } from './attribute-values.js';
import type { ExpressionBlock } from './request-fields.js';

/** The top-level attribute names a projection expression reads (`a.b[0], #n` → `a`, whatever `#n` names). */
export function projectedTopLevelNames(block: ExpressionBlock): Set<string> {
  const names = new Set<string>();
  for (const path of block.expression.split(',')) {
    const first = /^[^.[]+/.exec(path.trim())?.[0]?.trim();
    if (first === undefined || first === '') continue;
    names.add(first.startsWith('#') ? (block.names[first] ?? first) : first);
  }
  return names;
}

/**
 * BatchGetItem answers in no particular order, and AppSync orders results like the request, which needs the key
 * attributes of every returned item. When the projection leaves them out they are added here and `added` lists
 * them so they can be removed from the result again.
 */
export function projectionWithKeys(
  block: ExpressionBlock | undefined,
  keyShape: SdkItem | undefined,
): { expression: string; names: Record<string, string>; added: string[] } | undefined {
  if (block === undefined) return undefined;
  const projected = projectedTopLevelNames(block);
  const names = { ...block.names };
  const added: string[] = [];
  let expression = block.expression;
  for (const keyName of Object.keys(keyShape ?? {})) {
    if (projected.has(keyName)) continue;
    const placeholder = `#appsyncLocalKey${added.length}`;
    names[placeholder] = keyName;
    expression += `, ${placeholder}`;
    added.push(keyName);
  }
  return { expression, names, added };
}
