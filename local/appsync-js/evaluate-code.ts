import { dirname } from 'node:path';
import { BundleError } from '../../wiring/bundle.js';
import { CodeRefusedError, type CodeError } from './errors.js';
import { AppSyncJsRuntime, type CompiledCode } from './runtime.js';

/** The input of AppSync's EvaluateCode API. */
export interface EvaluateCodeInput {
  runtime: { name: string; runtimeVersion: string };
  code: string;
  /** The context JSON, as text (as the API takes it) or as a value. */
  context: string | Record<string, unknown>;
  function?: 'request' | 'response' | string;
  /** Local extension: where the code came from, so that its relative imports resolve and errors name it. */
  sourcefile?: string;
}

/** The output of AppSync's EvaluateCode API. */
export interface EvaluateCodeOutput {
  evaluationResult?: string;
  error?: { message: string; codeErrors?: CodeError[] };
  logs: string[];
  stash?: string;
  outErrors?: string;
}

/** The request itself was invalid (AppSync answers BadRequestException). */
export class BadRequestError extends Error {
  override readonly name = 'BadRequestException';
}

let shared: AppSyncJsRuntime | undefined;

/** Evaluates code the way `aws appsync evaluate-code` does, on the local APPSYNC_JS runtime. */
export async function evaluateCode(input: EvaluateCodeInput, runtime?: AppSyncJsRuntime): Promise<EvaluateCodeOutput> {
  if (input.runtime?.name !== 'APPSYNC_JS' || input.runtime.runtimeVersion !== '1.0.0') {
    throw new BadRequestError('runtime must be { name: APPSYNC_JS, runtimeVersion: 1.0.0 }');
  }
  const fn = input.function ?? 'request';
  if (fn !== 'request' && fn !== 'response') throw new BadRequestError('function must be request or response');
  const context = typeof input.context === 'string' ? parseContext(input.context) : input.context;
  const engine = runtime ?? (shared ??= new AppSyncJsRuntime());

  let compiled: CompiledCode;
  try {
    compiled = await engine.compile({
      code: input.code,
      sourcefile: input.sourcefile ?? 'code.js',
      ...(input.sourcefile ? { resolveDir: dirname(input.sourcefile) } : {}),
    });
  } catch (error) {
    return { error: codeErrorDetail(error), logs: [] };
  }
  const outcome = await engine.evaluate(compiled, fn, context);
  const output: EvaluateCodeOutput = outcome.failure
    ? { error: { message: outcome.failure.message }, logs: outcome.record.logs }
    : { evaluationResult: outcome.result ?? 'null', logs: outcome.record.logs };
  if (outcome.stash && outcome.stash !== '{}') output.stash = outcome.stash;
  if (outcome.record.appendedErrors.length > 0) output.outErrors = JSON.stringify(outcome.record.appendedErrors);
  return output;
}

function parseContext(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below with the same message as a non-object
  }
  throw new BadRequestError('context must be a JSON object');
}

function codeErrorDetail(error: unknown): { message: string; codeErrors?: CodeError[] } {
  // AWS's CodeError has errorType, value and location only; the file and rule stay in the message.
  if (error instanceof CodeRefusedError) {
    return { message: error.message, codeErrors: error.codeErrors.map(({ errorType, value, location }) => ({ errorType, value, location })) };
  }
  if (error instanceof BundleError) {
    const codeErrors = error.problems.map((p) => ({
      errorType: 'PARSER_ERROR',
      value: p.text,
      location: { line: p.line ?? 0, column: p.column ?? 0, span: -1 },
    }));
    return { message: error.message, codeErrors };
  }
  throw error;
}
