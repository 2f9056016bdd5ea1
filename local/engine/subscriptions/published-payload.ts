import { type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';

/**
 * What a mutation publishes to subscriptions: its value as the caller received it, re-keyed from response keys
 * (aliases) to field names, holding only the fields the mutation selected. Filters and argument matching read it,
 * and subscribers' selection sets are executed over it.
 */
export function publishedPayload(
  value: unknown,
  selectionSet: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): unknown {
  if (!selectionSet || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => publishedPayload(item, selectionSet, fragments));
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  collect(source, selectionSet, fragments, out, new Set());
  return out;
}

function collect(
  source: Record<string, unknown>,
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  out: Record<string, unknown>,
  visited: Set<string>,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(source, selection.selectionSet, fragments, out, visited);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      // Validation refuses fragment cycles; the guard keeps a malformed document from looping here.
      if (!fragment || visited.has(fragment.name.value)) continue;
      collect(source, fragment.selectionSet, fragments, out, new Set([...visited, fragment.name.value]));
    } else {
      const key = (selection.alias ?? selection.name).value;
      if (!(key in source)) continue;
      const name = selection.name.value;
      out[name] = merge(out[name], publishedPayload(source[key], selection.selectionSet, fragments));
    }
  }
}

/** The same field selected twice under two aliases: both selections' sub-fields are published. */
function merge(existing: unknown, next: unknown): unknown {
  // Both aliases read the same list, so its items line up.
  if (Array.isArray(existing) && Array.isArray(next) && existing.length === next.length) {
    return next.map((item: unknown, index) => merge(existing[index], item));
  }
  if (!isRecord(existing) || !isRecord(next)) return next;
  const out: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(next)) out[key] = merge(out[key], value);
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fragmentsOf(definitions: readonly { kind: Kind }[]): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments.set(fragment.name.value, fragment);
    }
  }
  return fragments;
}
