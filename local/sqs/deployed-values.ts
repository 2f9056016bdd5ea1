import type { DeployedValue } from '../../wiring/types.js';
import type { LocalSqs } from './local-sqs.js';

export class UnresolvedValueError extends Error {
  override readonly name = 'UnresolvedValueError';
}

export interface LocalValues {
  region: string;
  sqs?: LocalSqs;
  /** Known once the server listens. */
  graphqlUrl?: () => string;
  /** The ARN the local Step Functions runs a declared state machine under; undefined for an undeclared name. */
  stateMachineArn?: (name: string) => string | undefined;
}

/**
 * What a deployed value is in the local stack: the local queue URLs and ARNs, table names, the local GraphQL URL,
 * the local state machines' ARNs.
 */
export function resolveDeployedValue(value: DeployedValue, local: LocalValues): string {
  if (typeof value === 'string') return value;
  switch (value.ref) {
    case 'region':
      return local.region;
    case 'graphqlUrl':
      if (!local.graphqlUrl) throw new UnresolvedValueError('The GraphQL URL is not known before the server listens');
      return local.graphqlUrl();
    case 'tableName':
      // Local tables are named as declared (local-stack.ts's tableNameOf).
      return value.table;
    case 'queueUrl':
    case 'queueArn':
      if (!local.sqs) throw new UnresolvedValueError(`No queues run locally, so ${value.queue} has no ${value.ref}`);
      return value.ref === 'queueUrl' ? local.sqs.queueUrl(value.queue) : local.sqs.queueArn(value.queue);
    case 'stateMachineArn': {
      const arn = local.stateMachineArn?.(value.stateMachine);
      if (!arn) throw new UnresolvedValueError(`No state machine named ${value.stateMachine} runs locally (is it declared in stateMachines?)`);
      return arn;
    }
  }
}

export function resolveEnvironment(environment: Record<string, DeployedValue> | undefined, local: LocalValues): Record<string, string> {
  return Object.fromEntries(Object.entries(environment ?? {}).map(([name, value]) => [name, resolveDeployedValue(value, local)]));
}
