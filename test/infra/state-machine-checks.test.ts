import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { DefinitionBody, Pass, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { afterAll, describe, expect, it } from 'vitest';
import { GrantWiringError, grantStatements } from '../../infra/resource-grants.js';
import { stageConfig } from '../../infra/stage.js';
import { addStateMachines, StateMachineWiringError } from '../../infra/state-machines.js';
import type { StateMachineAction, StateMachineDecl } from '../../wiring/types.js';
import { APPROVAL } from './state-machine-wiring.js';
import { ROOT } from './synth.js';

/** What synthesis refuses before CloudFormation sees it, on a bare stack (no order API needed). */
const dir = mkdtempSync(join(tmpdir(), 'state-machine-checks-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bareStack(): { stack: Stack; functions: Map<string, LambdaFunction> } {
  const stack = new Stack(new App(), 'Bare');
  const notify = new LambdaFunction(stack, 'Notify', { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('exports.handler = async () => ({})') });
  return { stack, functions: new Map([['notify', notify]]) };
}

function add(decl: StateMachineDecl, rootDir = dir): Map<string, StateMachine> {
  const { stack, functions } = bareStack();
  return addStateMachines(stack, [decl], { rootDir, stage: stageConfig('dev'), refs: { scope: stack, queues: new Map(), functions } });
}

function definitionFile(name: string, definition: unknown): string {
  writeFileSync(join(dir, name), typeof definition === 'string' ? definition : JSON.stringify(definition));
  return name;
}

describe('synthesis checks each definition as npm start does', () => {
  it("accepts the step API fixture's definition", () => {
    expect([...add(APPROVAL, ROOT).keys()]).toEqual([APPROVAL.name]);
  });

  it("refuses what asl-validator refuses, naming the file and the validator's findings", () => {
    const file = definitionFile('broken.asl.json', { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } });
    expect(() => add({ name: 'm', definition: file })).toThrow(
      new StateMachineWiringError("broken.asl.json is not a valid state machine: Missing 'StartAt'|'Next'|'Default' target: B; State machine fsm1 is missing a terminal state"),
    );
  });

  it('refuses a ${Key} without a substitution, a file that is not JSON or missing, and an undeclared function', () => {
    const unsubstituted = definitionFile('sub.asl.json', '{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"${Missing}","End":true}}}');
    expect(() => add({ name: 'm', definition: unsubstituted })).toThrow('sub.asl.json: ${Missing} has no value in definitionSubstitutions of m');
    expect(() => add({ name: 'm', definition: definitionFile('text.asl.json', 'StartAt: P') })).toThrow(/^text\.asl\.json is not JSON: /);
    expect(() => add({ name: 'm', definition: 'absent.asl.json' })).toThrow(/^State machine m: cannot read absent\.asl\.json: /);
    const pass = definitionFile('pass.asl.json', { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    expect(() => add({ name: 'm', definition: pass, invokes: ['other'] })).toThrow('State machine m invokes other, which is not a declared Lambda function');
  });

  it('validates with stand-ins shaped as the deployed values: a function ARN where a task resource names one', () => {
    const task = { Type: 'Task', Resource: '${Fn}', End: true };
    const file = definitionFile('arn.asl.json', { StartAt: 'T', States: { T: task } });
    const machines = add({ name: 'm', definition: file, definitionSubstitutions: { Fn: { ref: 'functionArn', function: 'notify' } }, invokes: ['notify'] });
    expect(machines.size).toBe(1);
    // The same file with a literal that is no ARN: asl-validator judges the value, as it will be deployed.
    expect(() => add({ name: 'm', definition: file, definitionSubstitutions: { Fn: 'notify' } })).toThrow('arn.asl.json is not a valid state machine: /States/T/Resource is invalid. must match exactly one schema in oneOf');
  });
});

describe('grant statements on a state machine', () => {
  function statementsFor(actions: StateMachineAction[]) {
    const stack = new Stack(new App(), 'Grants');
    const machine = new StateMachine(stack, 'Journey', { definitionBody: DefinitionBody.fromChainable(new Pass(stack, 'Start')) });
    const role = new Role(stack, 'Caller', { assumedBy: new ServicePrincipal('appsync.amazonaws.com') });
    for (const statement of grantStatements('caller', [{ stateMachine: 'journey', actions }], { queues: new Map(), stateMachines: new Map([['journey', machine]]) })) {
      role.addToPrincipalPolicy(statement);
    }
    const [policy] = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')) as { Properties: { PolicyDocument: { Statement: unknown[] } } }[];
    return { statements: policy?.Properties.PolicyDocument.Statement, machineId: stack.getLogicalId(machine.node.defaultChild as CfnElement) };
  }

  it("grants execution actions on this machine's executions only, and the others on the machine", () => {
    const { statements, machineId } = statementsFor(['states:StartExecution', 'states:DescribeExecution', 'states:GetExecutionHistory']);
    expect(statements).toEqual([
      { Effect: 'Allow', Action: 'states:StartExecution', Resource: { Ref: machineId } },
      {
        Effect: 'Allow',
        Action: ['states:DescribeExecution', 'states:GetExecutionHistory'],
        Resource: {
          'Fn::Join': ['', [
            'arn:', { Ref: 'AWS::Partition' }, ':states:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':execution:',
            { 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: machineId }] }] }, ':*',
          ]],
        },
      },
    ]);
  });

  it('refuses an undeclared state machine or queue, and an action it does not know the resource of', () => {
    const targets = { queues: new Map(), stateMachines: new Map() };
    expect(() => grantStatements('Workflow', [{ stateMachine: 'journey', actions: ['states:StartExecution'] }], targets)).toThrow(
      new GrantWiringError('Workflow: grants on state machine journey, which is not declared'),
    );
    expect(() => grantStatements('Workflow', [{ queue: 'orders', actions: ['sqs:SendMessage'] }], targets)).toThrow('Workflow: grants on queue orders, which is not declared');
    const { stack } = bareStack();
    const machine = new StateMachine(stack, 'Journey', { definitionBody: DefinitionBody.fromChainable(new Pass(stack, 'Start')) });
    const untyped = ['states:*'] as unknown as StateMachineAction[];
    expect(() => grantStatements('Workflow', [{ stateMachine: 'journey', actions: untyped }], { queues: new Map(), stateMachines: new Map([['journey', machine]]) })).toThrow(
      'Workflow: states:* on state machine journey is not a grant infra/ knows the resource of',
    );
  });
});
