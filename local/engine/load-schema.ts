import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema, isScalarType } from 'graphql';
import { awsScalars } from './scalars.js';

const PRELUDE = fileURLToPath(new URL('../../wiring/appsync-directives.graphql', import.meta.url));

/** The API's schema with AppSync's implicit scalars and directives, the scalars validating as AppSync's do. */
export function loadSchema(schemaFile: string): GraphQLSchema {
  const schema = buildSchema(`${readFileSync(PRELUDE, 'utf8')}\n${readFileSync(schemaFile, 'utf8')}`);
  for (const [name, scalar] of Object.entries(awsScalars)) {
    const type = schema.getType(name);
    if (type && isScalarType(type)) {
      type.serialize = scalar.serialize;
      type.parseValue = scalar.parseValue;
      type.parseLiteral = scalar.parseLiteral;
    }
  }
  return schema;
}
