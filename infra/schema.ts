import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';
import type { ApiWiring } from '../wiring/types.js';

/** AppSync's implicit scalars and directives: needed to read the schema, never deployed with it. */
const APPSYNC_PRELUDE = 'wiring/appsync-directives.graphql';

/** The wiring's schema with AppSync's prelude, to check the wiring against (AppSync receives the file alone). */
export function loadApiSchema(wiring: ApiWiring, rootDir: string): GraphQLSchema {
  const definition = readFileSync(resolve(rootDir, wiring.schema), 'utf8');
  const prelude = readFileSync(resolve(rootDir, APPSYNC_PRELUDE), 'utf8');
  return buildSchema(`${prelude}\n${definition}`);
}

/** A resolver on a field the schema does not have, or a Query/Mutation field without one. */
export class WiringSchemaMismatchError extends Error {
  override readonly name = 'WiringSchemaMismatchError';
  constructor(readonly problems: string[]) {
    super(`The wiring does not match the schema:\n${problems.join('\n')}`);
  }
}

/** Every `Type.field` of Query and Mutation: each must have a resolver (subscriptions need none). */
export function rootFieldsNeedingResolvers(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
  );
}

/** Refuses to deploy a wiring whose resolvers and schema disagree: AppSync would fail or leave fields null. */
export function checkResolversMatchSchema(wiring: ApiWiring, schema: GraphQLSchema): void {
  const problems: string[] = [];
  const wired = wiring.resolvers.map((r) => `${r.typeName}.${r.fieldName}`);
  for (const coordinate of wired) {
    const [typeName = '', fieldName = ''] = coordinate.split('.');
    const type = schema.getType(typeName);
    const fields = type && 'getFields' in type ? type.getFields() : {};
    if (!(fieldName in fields)) problems.push(`${coordinate} has a resolver but is not a field of the schema`);
  }
  for (const coordinate of rootFieldsNeedingResolvers(schema)) {
    const count = wired.filter((w) => w === coordinate).length;
    if (count !== 1) problems.push(`${coordinate} has ${count} resolvers; it needs exactly one`);
  }
  if (problems.length > 0) throw new WiringSchemaMismatchError(problems);
}
