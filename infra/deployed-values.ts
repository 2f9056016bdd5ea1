import { Stack } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { DefinitionValue, DeployedValue } from '../wiring/types.js';
import { stateMachineArnOf } from './state-machine-names.js';

/** What a DeployedValue may refer to; the API is absent while the API itself is being configured. */
export interface DeployedRefs {
  scope: Construct;
  queues: ReadonlyMap<string, IQueue>;
  tables?: ReadonlyMap<string, ITable>;
  api?: GraphqlApi;
  /** The declared state machines' names: their ARNs are known before they are built (state-machine-names.ts). */
  stateMachines?: ReadonlySet<string>;
}

export class DeployedValueError extends Error {
  override readonly name = 'DeployedValueError';
}

/** A wiring value as CloudFormation will know it (a token until deployment). */
export function deployedValue(value: DeployedValue, refs: DeployedRefs): string {
  if (typeof value === 'string') return value;
  switch (value.ref) {
    case 'region':
      return Stack.of(refs.scope).region;
    case 'graphqlUrl':
      if (!refs.api) throw new DeployedValueError('The GraphQL URL cannot configure the API itself');
      return refs.api.graphqlUrl;
    case 'queueUrl':
      return queue(refs, value.queue).queueUrl;
    case 'queueArn':
      return queue(refs, value.queue).queueArn;
    case 'tableName': {
      const table = refs.tables?.get(value.table);
      if (!table) throw new DeployedValueError(`No table named ${value.table} is declared`);
      return table.tableName;
    }
    case 'stateMachineArn':
      if (!refs.stateMachines?.has(value.stateMachine)) throw new DeployedValueError(`No state machine named ${value.stateMachine} is declared`);
      return stateMachineArnOf(refs.scope, value.stateMachine);
  }
}

export function deployedValues(values: Record<string, DeployedValue> | undefined, refs: DeployedRefs): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, deployedValue(value, refs)]));
}

function queue(refs: DeployedRefs, name: string): IQueue {
  const found = refs.queues.get(name);
  if (!found) throw new DeployedValueError(`No queue named ${name} is declared`);
  return found;
}

/** What a state machine's definition may refer to besides deployed values: the declared Lambda functions. */
export interface DefinitionRefs extends DeployedRefs {
  functions: ReadonlyMap<string, IFunction>;
}

/** A `definitionSubstitutions` value as CloudFormation will know it: a deployed value, or a function's ARN. */
export function definitionValue(value: DefinitionValue, refs: DefinitionRefs): string {
  if (typeof value === 'string' || value.ref !== 'functionArn') return deployedValue(value, refs);
  const fn = refs.functions.get(value.function);
  if (!fn) throw new DeployedValueError(`No Lambda function named ${value.function} is declared`);
  return fn.functionArn;
}
