import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { checkDefinition } from '../wiring/asl-definition.js';
import type { DefinitionValue, StateMachineDecl } from '../wiring/types.js';
import { type DefinitionRefs, definitionValue } from './deployed-values.js';
import { stateMachineNameOf } from './state-machine-names.js';
import type { StageConfig } from './stage.js';

export class StateMachineWiringError extends Error {
  override readonly name = 'StateMachineWiringError';
}

export interface StateMachineContext {
  rootDir: string;
  refs: DefinitionRefs;
  stage: StageConfig;
}

/**
 * The declared state machines, by name: each a Standard workflow loaded from its ASL file (the file `npm start`
 * runs) with its `${Key}` substitutions resolved by CloudFormation, a role that may invoke exactly the functions
 * the declaration lists in `invokes`, every execution event logged and traced with X-Ray. Each definition is
 * checked at synthesis as offline (wiring/asl-definition.ts): a broken file fails `npm run synth`, not the deploy.
 */
export function addStateMachines(scope: Construct, decls: readonly StateMachineDecl[], context: StateMachineContext): Map<string, StateMachine> {
  const machines = new Map<string, StateMachine>();
  for (const decl of decls) machines.set(decl.name, addStateMachine(scope, decl, context));
  return machines;
}

function addStateMachine(scope: Construct, decl: StateMachineDecl, { rootDir, refs, stage }: StateMachineContext): StateMachine {
  const file = resolve(rootDir, decl.definition);
  checkAtSynth(file, decl);
  const substitutions = Object.fromEntries(
    Object.entries(decl.definitionSubstitutions ?? {}).map(([key, value]) => [key, definitionValue(value, refs)]),
  );
  const logs = new LogGroup(scope, `StateMachineLogs-${decl.name}`, {
    // Step Functions delivers logs as a vended log source: under /aws/vendedlogs/ CloudWatch Logs grants delivery
    // with one prefix-wide resource policy instead of adding every log group to the account's policy (5,120
    // characters at most, shared by every vended log delivery of the account).
    logGroupName: `/aws/vendedlogs/states/${stateMachineNameOf(scope, decl.name)}`,
    retention: stage.logRetention,
    removalPolicy: stage.retainStateMachineLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  const machine = new StateMachine(scope, `StateMachine-${decl.name}`, {
    // Named, so that its ARN is known before it exists (state-machine-names.ts): the API's environment may name it.
    stateMachineName: stateMachineNameOf(scope, decl.name),
    stateMachineType: StateMachineType.STANDARD,
    definitionBody: DefinitionBody.fromFile(file),
    definitionSubstitutions: substitutions,
    // Every event (ALL), but not the data: execution input, state inputs and outputs and task results carry the
    // customer's order, identity and, for a callback task, its task token, which would let anyone who may read the
    // logs answer the task. The execution history keeps the data for operators with states:GetExecutionHistory.
    logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    tracingEnabled: true,
  });
  for (const name of decl.invokes ?? []) {
    const fn = refs.functions.get(name);
    if (!fn) throw new StateMachineWiringError(`State machine ${decl.name} invokes ${name}, which is not a declared Lambda function`);
    // The unqualified function only (what the definition names), not CDK's grantInvoke's `<arn>:*` versions.
    machine.addToRolePolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] }));
  }
  return machine;
}

/**
 * The definition checked with stand-ins of the values only known once deployed, shaped as the real ones (an ARN
 * where an ARN goes), so asl-validator judges the file as it will run.
 */
function checkAtSynth(file: string, decl: StateMachineDecl): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StateMachineWiringError(`State machine ${decl.name}: cannot read ${decl.definition}: ${(error as Error).message}`);
  }
  const standIns = Object.fromEntries(Object.entries(decl.definitionSubstitutions ?? {}).map(([key, value]) => [key, standIn(value)]));
  const checked = checkDefinition(decl.definition, decl.name, text, standIns);
  if (!checked.ok) throw new StateMachineWiringError(checked.problem);
}

const STAND_IN_PREFIX = 'us-east-1:000000000000';

function standIn(value: DefinitionValue): string {
  if (typeof value === 'string') return value;
  switch (value.ref) {
    case 'functionArn':
      return `arn:aws:lambda:${STAND_IN_PREFIX}:function:${value.function}`;
    case 'queueArn':
      return `arn:aws:sqs:${STAND_IN_PREFIX}:${value.queue}`;
    case 'queueUrl':
      return `https://sqs.us-east-1.amazonaws.com/000000000000/${value.queue}`;
    case 'tableName':
      return value.table;
    case 'region':
      return 'us-east-1';
    case 'graphqlUrl':
      return 'https://example.appsync-api.us-east-1.amazonaws.com/graphql';
    case 'stateMachineArn':
      return `arn:aws:states:${STAND_IN_PREFIX}:stateMachine:${value.stateMachine}`;
  }
}
