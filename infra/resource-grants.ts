import { ArnFormat, Stack } from 'aws-cdk-lib';
import { BackedDataSource, type BaseDataSource } from 'aws-cdk-lib/aws-appsync';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { ApiWiring, ResourceGrant, StateMachineAction } from '../wiring/types.js';

/** The declared resources a grant may name. */
export interface GrantTargets {
  queues: ReadonlyMap<string, IQueue>;
  stateMachines: ReadonlyMap<string, IStateMachine>;
}

export class GrantWiringError extends Error {
  override readonly name = 'GrantWiringError';
}

/**
 * The resource IAM authorizes each Step Functions action against. StartExecution, DescribeStateMachine and
 * ListExecutions name the state machine; DescribeExecution, GetExecutionHistory and StopExecution name an execution
 * (`…:execution:<state machine name>:<execution name>`), so those are granted on this machine's executions only.
 *
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat carry a task token, not an ARN. IAM authorizes them
 * against the state machine whose execution issued the token, so they are granted on that state machine: AWS CDK's
 * own grant for answering callback tasks (StateMachineGrants.taskResponse, "task response permissions on a state
 * machine": https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_stepfunctions.StateMachineGrants.html)
 * grants exactly these three actions on the state machine's ARN, and a caller without them is refused
 * "not authorized to perform: states:SendTaskFailure on resource: arn:aws:states:<region>:<account>:stateMachine:<name>".
 * The Service Authorization Reference lists the actions and their resource types
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsstepfunctions.html). Scoping them to
 * the one machine keeps a stolen token of another workflow useless to this role.
 */
const STATE_MACHINE_RESOURCE: Record<StateMachineAction, 'stateMachine' | 'execution'> = {
  'states:StartExecution': 'stateMachine',
  'states:DescribeStateMachine': 'stateMachine',
  'states:ListExecutions': 'stateMachine',
  'states:SendTaskSuccess': 'stateMachine',
  'states:SendTaskFailure': 'stateMachine',
  'states:SendTaskHeartbeat': 'stateMachine',
  'states:DescribeExecution': 'execution',
  'states:GetExecutionHistory': 'execution',
  'states:StopExecution': 'execution',
};

/**
 * The policy statements of a role's declared grants: each action on exactly the resource it names, never a
 * wildcard action. `owner` names the data source or function in errors.
 */
export function grantStatements(owner: string, grants: readonly ResourceGrant[], targets: GrantTargets): PolicyStatement[] {
  return grants.flatMap((grant) => ('queue' in grant ? [queueStatement(owner, grant.queue, grant.actions, targets)] : stateMachineStatements(owner, grant.stateMachine, grant.actions, targets)));
}

function queueStatement(owner: string, name: string, actions: string[], targets: GrantTargets): PolicyStatement {
  const queue = targets.queues.get(name);
  if (!queue) throw new GrantWiringError(`${owner}: grants on queue ${name}, which is not declared`);
  // What queue.grant adds for an SQS-managed-encrypted queue (queues.ts): no KMS key to grant besides.
  return new PolicyStatement({ actions, resources: [queue.queueArn] });
}

function stateMachineStatements(owner: string, name: string, actions: StateMachineAction[], targets: GrantTargets): PolicyStatement[] {
  const machine = targets.stateMachines.get(name);
  if (!machine) throw new GrantWiringError(`${owner}: grants on state machine ${name}, which is not declared`);
  // The wiring's type allows only the listed actions; a plain-JS wiring could still name another one.
  const unknown = actions.filter((action) => !(action in STATE_MACHINE_RESOURCE));
  if (unknown.length > 0) throw new GrantWiringError(`${owner}: ${unknown.join(', ')} on state machine ${name} is not a grant infra/ knows the resource of`);
  const onMachine = actions.filter((action) => STATE_MACHINE_RESOURCE[action] === 'stateMachine');
  const onExecutions = actions.filter((action) => STATE_MACHINE_RESOURCE[action] === 'execution');
  const statements: PolicyStatement[] = [];
  if (onMachine.length > 0) statements.push(new PolicyStatement({ actions: onMachine, resources: [machine.stateMachineArn] }));
  if (onExecutions.length > 0) {
    const executions = Stack.of(machine).formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${Stack.of(machine).splitArn(machine.stateMachineArn, ArnFormat.COLON_RESOURCE_NAME).resourceName}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    statements.push(new PolicyStatement({ actions: onExecutions, resources: [executions] }));
  }
  return statements;
}

/** Who holds declared grants: the HTTP data sources and the Lambda functions, by name. */
export interface Grantees {
  dataSources: ReadonlyMap<string, BaseDataSource>;
  functions: ReadonlyMap<string, IFunction>;
}

/**
 * Every declared grant, once every resource a grant may name exists. A data source's grants go to its role's
 * default policy. A function's go to a policy of their own on its role: a function depends on its default policy
 * (so it never runs before its role may do its work), and a state machine that invokes the function depends on the
 * function, so a grant on that state machine in the default policy would be a dependency cycle.
 */
export function grantDeclaredAccess(scope: Construct, wiring: ApiWiring, grantees: Grantees, targets: GrantTargets): void {
  for (const decl of wiring.dataSources) {
    if (decl.type !== 'HTTP' || !decl.grants?.length) continue;
    const source = grantees.dataSources.get(decl.name);
    if (!(source instanceof BackedDataSource)) throw new GrantWiringError(`${decl.name}: no data source with a role was built`);
    for (const statement of grantStatements(decl.name, decl.grants, targets)) source.grantPrincipal.addToPrincipalPolicy(statement);
  }
  for (const decl of wiring.lambdaFunctions ?? []) {
    if (!decl.grants?.length) continue;
    const role = grantees.functions.get(decl.name)?.role;
    if (!role) throw new GrantWiringError(`${decl.name}: no Lambda function with a role was built`);
    new Policy(scope, `LambdaGrants-${decl.name}`, { roles: [role], statements: grantStatements(decl.name, decl.grants, targets) });
  }
}
