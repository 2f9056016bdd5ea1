import { type FieldNode, type GraphQLResolveInfo, Kind, print, type SelectionSetNode } from 'graphql';

interface Selection {
  selectionSetList: string[];
  selectionSetGraphQL: string;
}

// Parsed documents are cached by the engine, so the same field node comes back for every run of a query: its
// selection is worked out once.
const selections = new WeakMap<FieldNode, Selection>();

/** `ctx.info` as AppSync builds it: field, parent type, variables and the selection set as a list and as SDL. */
export function appSyncInfo(info: GraphQLResolveInfo): Record<string, unknown> {
  const node = info.fieldNodes[0];
  let selection = node ? selections.get(node) : undefined;
  if (!selection) {
    const set = node?.selectionSet;
    selection = { selectionSetList: set ? selectionList(set, info, '') : [], selectionSetGraphQL: set ? print(set) : '' };
    if (node) selections.set(node, selection);
  }
  return { fieldName: info.fieldName, parentTypeName: info.parentType.name, variables: info.variableValues, ...selection };
}

function selectionList(set: SelectionSetNode, info: GraphQLResolveInfo, prefix: string): string[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return fieldPaths(selection, info, prefix);
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectionList(selection.selectionSet, info, prefix);
    const fragment = info.fragments[selection.name.value];
    return fragment ? selectionList(fragment.selectionSet, info, prefix) : [];
  });
}

function fieldPaths(field: FieldNode, info: GraphQLResolveInfo, prefix: string): string[] {
  if (field.name.value.startsWith('__')) return [];
  const path = `${prefix}${(field.alias ?? field.name).value}`;
  return field.selectionSet ? [path, ...selectionList(field.selectionSet, info, `${path}/`)] : [path];
}
