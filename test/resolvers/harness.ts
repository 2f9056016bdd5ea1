import { fileURLToPath } from 'node:url';
import { AppSyncJsRuntime, type CompiledCode } from '../../local/appsync-js/runtime.js';
import type { CallOutcome, EvaluationFailure } from '../../local/appsync-js/sandbox/protocol.js';

/**
 * Runs the order API's resolver files through the local APPSYNC_JS runtime, one handler at a time: the test plays
 * the pipeline by handing each handler the stash and `prev.result` the previous one left.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export class ResolverHarness {
  private readonly runtime = new AppSyncJsRuntime({ timeoutMs: 2000, size: 1 });
  private readonly compiled = new Map<string, Promise<CompiledCode>>();

  /**
   * `file` is relative to resolvers/, e.g. `Query.listMyOrders.ts`. Like AppSync, the context always has request
   * headers and environment variables (none unless the test gives them).
   */
  async run(file: string, fn: 'request' | 'response', ctx: TestContext): Promise<Outcome> {
    let code = this.compiled.get(file);
    if (!code) {
      code = this.runtime.compile({ file: `${ROOT}resolvers/${file}` });
      this.compiled.set(file, code);
    }
    return toOutcome(await this.runtime.evaluate(await code, fn, { request: { headers: {} }, env: {}, ...ctx }));
  }

  close(): Promise<void> {
    return this.runtime.close();
  }
}

export interface TestContext {
  arguments?: Record<string, unknown>;
  identity?: unknown;
  stash?: Record<string, unknown>;
  prev?: { result: unknown };
  result?: unknown;
  error?: { message: string; type: string };
  request?: { headers: Record<string, string> };
  env?: Record<string, string>;
}

export interface Outcome {
  /** The handler's return value, parsed; undefined when it failed. */
  result: unknown;
  stash: Record<string, unknown>;
  failure: EvaluationFailure | undefined;
  earlyReturn: boolean;
}

function toOutcome(outcome: CallOutcome): Outcome {
  return {
    result: outcome.result === undefined ? undefined : JSON.parse(outcome.result),
    stash: outcome.stash === undefined ? {} : (JSON.parse(outcome.stash) as Record<string, unknown>),
    failure: outcome.failure,
    earlyReturn: outcome.earlyReturn !== undefined,
  };
}

/** The failure as `{ kind, errorType, message }`, for one-line expectations. */
export function failureOf(outcome: Outcome): { kind: string; errorType?: string; message: string } | undefined {
  const failure = outcome.failure;
  if (!failure) return undefined;
  return failure.errorType === undefined
    ? { kind: failure.kind, message: failure.message }
    : { kind: failure.kind, errorType: failure.errorType, message: failure.message };
}
