import {
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isObjectType,
  Kind,
} from 'graphql';
import type { AuthMode } from '../../wiring/types.js';

export type AuthModeType = AuthMode['type'];

/** One mode a field admits, with the Cognito groups it is limited to (undefined: any user of the pool). */
export interface AllowedMode {
  type: AuthModeType;
  groups?: string[];
}

/** The caller as authenticated for the whole request. */
export interface RequestAuth {
  type: AuthModeType;
  identity: Record<string, unknown> | null;
  groups: string[];
}

const DIRECTIVE_MODES: Record<string, AuthModeType> = {
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  aws_iam: 'AWS_IAM',
  aws_api_key: 'API_KEY',
};

/**
 * AppSync's field-level authorization: a field's own auth directives win, else its type's, else the API's default
 * mode. `@aws_auth` limits the default (user pool) mode to groups. Computed once per schema.
 */
export class FieldAuthorizer {
  private readonly rules = new Map<string, AllowedMode[]>();

  constructor(schema: GraphQLSchema, defaultMode: AuthModeType) {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const typeModes = modesOf(type.astNode?.directives ?? []);
      for (const field of Object.values(type.getFields())) {
        const fieldModes = modesOf(field.astNode?.directives ?? []);
        const modes = fieldModes.length > 0 ? fieldModes : typeModes.length > 0 ? typeModes : [{ type: defaultMode }];
        this.rules.set(`${type.name}.${field.name}`, modes);
      }
    }
  }

  allows(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, auth: RequestAuth): boolean {
    const modes = this.rules.get(`${parent.name}.${field.name}`) ?? [];
    return modes.some(
      (mode) => mode.type === auth.type && (mode.groups === undefined || mode.groups.some((g) => auth.groups.includes(g))),
    );
  }

  /** Every mode the schema mentions anywhere: requests in other modes are refused before execution. */
  modesInUse(): Set<AuthModeType> {
    return new Set([...this.rules.values()].flatMap((modes) => modes.map((m) => m.type)));
  }
}

function modesOf(directives: readonly ConstDirectiveNode[]): AllowedMode[] {
  const modes: AllowedMode[] = [];
  for (const directive of directives) {
    const name = directive.name.value;
    const groups = groupsArgument(directive);
    if (name === 'aws_auth') modes.push({ type: 'AMAZON_COGNITO_USER_POOLS', groups: groups ?? [] });
    const type = DIRECTIVE_MODES[name];
    if (type) modes.push(groups ? { type, groups } : { type });
  }
  return modes;
}

function groupsArgument(directive: ConstDirectiveNode): string[] | undefined {
  const argument = directive.arguments?.find((a) => a.name.value === 'cognito_groups');
  if (!argument || argument.value.kind !== Kind.LIST) return undefined;
  return argument.value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []));
}
