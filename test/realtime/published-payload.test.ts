import { parse, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fragmentsOf, publishedPayload } from '../../local/engine/subscriptions/published-payload.js';

// What a mutation publishes is its selection set, under field names: subscription arguments and filters are
// matched against the mutation's response fields, not its aliases or its arguments
// (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html, "Using subscription arguments").

function published(mutation: string, value: unknown): unknown {
  const document = parse(mutation);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const field = operation?.selectionSet.selections[0] as FieldNode;
  return publishedPayload(value, field.selectionSet, fragmentsOf(document.definitions));
}

describe('the payload a mutation publishes', () => {
  it('is keyed by field names, whatever aliases the caller used', () => {
    expect(published('mutation { m { key: id owner: userId status } }', { key: 'o1', owner: 'u1', status: 'PENDING' })).toEqual({
      id: 'o1',
      userId: 'u1',
      status: 'PENDING',
    });
  });

  it('follows fragment spreads and inline fragments', () => {
    const mutation = 'mutation { m { ...Parts ... on Order { status } } } fragment Parts on Order { id userId }';
    expect(published(mutation, { id: 'o1', userId: 'u1', status: 'READY' })).toEqual({ id: 'o1', userId: 'u1', status: 'READY' });
  });

  it('merges a field selected twice with different sub-selections, and keeps nested values', () => {
    const mutation = 'mutation { m { a: items { id } b: items { name } } }';
    expect(published(mutation, { a: [{ id: 1 }], b: [{ name: 'x' }] })).toEqual({ items: [{ id: 1, name: 'x' }] });
    expect(published('mutation { m { page: connection { first: items { id } } } }', { page: { first: [{ id: 1 }, { id: 2 }] } })).toEqual({
      connection: { items: [{ id: 1 }, { id: 2 }] },
    });
  });

  it('leaves out what was not selected or was skipped', () => {
    expect(published('mutation($s: Boolean!) { m { id status @skip(if: $s) } }', { id: 'o1' })).toEqual({ id: 'o1' });
  });
});
