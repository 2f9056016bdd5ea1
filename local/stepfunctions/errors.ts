/**
 * An error of the Step Functions API, answered as AWS answers it: HTTP 400 and `{ "__type", "message" }`. The
 * messages follow what AWS has been seen answering (quoted in docs/offline.md); the API reference names the
 * types and their status codes only.
 */
export class SfnApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const invalidArn = (arn: string): SfnApiError => new SfnApiError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${arn}'`);
export const stateMachineDoesNotExist = (arn: string): SfnApiError => new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
export const executionDoesNotExist = (arn: string): SfnApiError => new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
export const executionAlreadyExists = (arn: string): SfnApiError => new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
export const invalidName = (name: string): SfnApiError => new SfnApiError('InvalidName', `Invalid Name: '${name}'`);
export const invalidExecutionInput = (detail: string): SfnApiError => new SfnApiError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${detail}'`);
export const invalidOutput = (detail: string): SfnApiError => new SfnApiError('InvalidOutput', `Invalid Output: '${detail}'`);
export const invalidToken = (): SfnApiError => new SfnApiError('InvalidToken', "Invalid Token: 'Invalid token'");
export const taskDoesNotExist = (): SfnApiError => new SfnApiError('TaskDoesNotExist', "Task Does Not Exist: 'Provided task does not exist'");
export const taskTimedOut = (): SfnApiError => new SfnApiError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
export const validationError = (message: string): SfnApiError => new SfnApiError('ValidationException', message);
export const unknownOperation = (target: string): SfnApiError => new SfnApiError('UnknownOperationException', `Unknown operation ${target}`);

/** An error raised inside an execution (`States.Timeout`, a task's own error): what Retry and Catch match. */
export class StatesError extends Error {
  constructor(
    readonly error: string,
    readonly cause: string,
  ) {
    super(`${error}: ${cause}`);
  }
}

/** A definition that cannot run: the file and what is wrong with it. */
export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
}
