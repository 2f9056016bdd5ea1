import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * `util.error`'s `data` is filtered by the field's selection set before it reaches the client (AppSync guide,
 * util.error): only selected keys remain, recursively, aliases applied. `errorInfo` is not filtered.
 */
export function filterBySelection(value: unknown, info: GraphQLResolveInfo): unknown {
  const selectionSet = info.fieldNodes[0]?.selectionSet;
  return selectionSet ? pick(value, selectionSet, info) : value;
}

function pick(value: unknown, set: SelectionSetNode, info: GraphQLResolveInfo): unknown {
  if (Array.isArray(value)) return value.map((item) => pick(item, set, info));
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of fieldsOf(set, info)) {
    const name = field.name.value;
    if (!(name in source)) continue;
    out[(field.alias ?? field.name).value] = field.selectionSet ? pick(source[name], field.selectionSet, info) : source[name];
  }
  return out;
}

function fieldsOf(set: SelectionSetNode, info: GraphQLResolveInfo): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, info);
    const fragment = info.fragments[selection.name.value];
    return fragment ? fieldsOf(fragment.selectionSet, info) : [];
  });
}
