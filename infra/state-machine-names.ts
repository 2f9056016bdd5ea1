import { ArnFormat, Stack, Token } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export class StateMachineNameError extends Error {
  override readonly name = 'StateMachineNameError';
}

/** Step Functions' limit on a state machine's name. */
const MAX_NAME_LENGTH = 80;

/**
 * A declared state machine's deployed name: the stack's name and the logical name (`OrderApi-prod-journey`). Fixed
 * rather than generated so that its ARN is known without a reference to the machine: the API's environment names
 * the journey machine, whose task function calls the API, and a Ref would close that circle (API → machine →
 * function → API), which CloudFormation refuses.
 */
export function stateMachineNameOf(scope: Construct, name: string): string {
  const stackName = Stack.of(scope).stackName;
  const deployed = `${stackName}-${name}`;
  if (!Token.isUnresolved(stackName) && deployed.length > MAX_NAME_LENGTH) {
    throw new StateMachineNameError(`State machine ${name}: ${deployed} is longer than Step Functions' ${MAX_NAME_LENGTH} characters`);
  }
  return deployed;
}

/** The ARN the declared state machine will have once deployed, built from its name alone (no dependency on it). */
export function stateMachineArnOf(scope: Construct, name: string): string {
  return Stack.of(scope).formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: stateMachineNameOf(scope, name),
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}
