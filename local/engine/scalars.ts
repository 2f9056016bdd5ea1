import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isIP } from 'node:net';

/**
 * AppSync's scalars with its validation (AppSync guide, "Scalar types in AWS AppSync"). Values are strings on the
 * wire except AWSTimestamp (Int) and AWSJSON (a JSON string, handed to resolvers parsed).
 */
const DATE = '\\d{4}-\\d{2}-\\d{2}';
const TIME = '\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?';
const OFFSET = '(?:Z|[+-]\\d{2}(?::\\d{2}(?::\\d{2})?)?)';
const patterns = {
  AWSDate: new RegExp(`^${DATE}${OFFSET}?$`),
  AWSTime: new RegExp(`^${TIME}${OFFSET}?$`),
  AWSDateTime: new RegExp(`^${DATE}T${TIME}${OFFSET}$`),
  AWSEmail: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  AWSPhone: /^\+?[\d\s().-]{3,32}$/,
};

function stringScalar(name: string, valid: (value: string) => boolean, description: string): GraphQLScalarType {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !valid(value)) {
      // The scalar and the value let the request error be worded as AppSync words it (graphql-java-errors.ts).
      throw new GraphQLError(`Value ${JSON.stringify(value)} is not a valid ${name}: ${description}`, { extensions: { scalar: name, value } });
    }
    return value;
  };
  return new GraphQLScalarType({
    name,
    serialize: check,
    parseValue: check,
    parseLiteral: (ast: ValueNode) => check(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

const validDate = (value: string): boolean => {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 0));
  return date.getUTCFullYear() === y && date.getUTCMonth() + 1 === m && date.getUTCDate() === d;
};

const validUrl = (value: string): boolean => {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
};

const timestamp = (value: unknown): number => {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new GraphQLError(`Value ${JSON.stringify(value)} is not a valid AWSTimestamp: seconds since the epoch`);
  }
  return value;
};

const parseJson = (value: unknown): unknown => {
  if (typeof value !== 'string') throw new GraphQLError('AWSJSON values must be JSON strings');
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new GraphQLError(`Value ${JSON.stringify(value)} is not valid AWSJSON`);
  }
};

const json = new GraphQLScalarType({
  name: 'AWSJSON',
  serialize: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
  parseValue: parseJson,
  parseLiteral: (ast) => parseJson(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const awsScalars: Record<string, GraphQLScalarType> = {
  AWSDate: stringScalar('AWSDate', (v) => patterns.AWSDate.test(v) && validDate(v), 'YYYY-MM-DD with an optional offset'),
  AWSTime: stringScalar('AWSTime', (v) => patterns.AWSTime.test(v), 'hh:mm[:ss[.sss]] with an optional offset'),
  AWSDateTime: stringScalar(
    'AWSDateTime',
    (v) => patterns.AWSDateTime.test(v) && validDate(v),
    'YYYY-MM-DDThh:mm[:ss[.sss]] with a required offset (Z or ±hh:mm)',
  ),
  AWSTimestamp: new GraphQLScalarType({
    name: 'AWSTimestamp',
    serialize: timestamp,
    parseValue: timestamp,
    parseLiteral: (ast) => timestamp(ast.kind === Kind.INT ? Number(ast.value) : undefined),
  }),
  AWSEmail: stringScalar('AWSEmail', (v) => patterns.AWSEmail.test(v), 'an email address'),
  AWSJSON: json,
  AWSURL: stringScalar('AWSURL', validUrl, 'a URL with a scheme'),
  AWSPhone: stringScalar('AWSPhone', (v) => patterns.AWSPhone.test(v), 'a phone number'),
  AWSIPAddress: stringScalar('AWSIPAddress', (v) => isIP(v.split('/')[0] ?? '') !== 0, 'an IPv4 or IPv6 address'),
};
