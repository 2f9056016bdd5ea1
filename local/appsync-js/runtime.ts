import { transform } from 'esbuild';
import { bundleResolver, type BundleSource, type ResolverBundle } from '../../wiring/bundle.js';
import { CodeRefusedError } from './errors.js';
import { checkCode } from './restrictions/check-code.js';
import { maxCalls, type StepPlan, type StepState } from './resolver-steps.js';
import type { AdvanceReply, CallOutcome } from './sandbox/protocol.js';
import { WorkerPool, type PoolOptions } from './sandbox/worker-pool.js';

/** AppSync refuses resolver and function code longer than this (CreateResolver / CreateFunction `code`). */
export const MAX_CODE_LENGTH = 32_768;

export interface CompiledCode {
  hash: string;
  /** The ESM bundle, exactly what AppSync is given. */
  bundle: string;
  filename: string;
  /** The same code as a CommonJS body, for the vm. */
  commonJs: string;
}

export interface RuntimeOptions extends PoolOptions {
  /** Longest a single request or response call may run. */
  timeoutMs?: number;
}

export interface EvaluateOptions {
  authType?: string;
  timeoutMs?: number;
}

/**
 * The calls of one resolver, unit or pipeline: they share the part of `ctx` that does not change between them
 * (arguments, identity, request headers, info), which then reaches an evaluator once instead of with every call,
 * and the calls between two data source calls share one round trip. Most of what a call costs the server is its
 * messages: their size, and each one's wake-up of the evaluator and of the server.
 */
export interface EvaluationChain {
  /**
   * The resolver's calls from `state` on, in one evaluator round trip, until one asks for a data source or the
   * resolver is done (resolver-steps.ts). The time limit applies to each call, so to the round trip as many times
   * as it may make calls. A call the evaluator did not survive comes back as that failed call's outcome.
   */
  advance(plan: StepPlan<CompiledCode>, state: StepState, stash: unknown): Promise<AdvanceReply | CallOutcome>;
  /** The resolver is done: evaluators may forget its base. */
  close(): void;
}

/**
 * The APPSYNC_JS runtime: compiles resolver code once per content hash (refusing what AppSync refuses) and runs
 * its `request` / `response` handlers in isolated vm contexts in evaluator processes.
 */
export class AppSyncJsRuntime {
  private readonly compiled = new Map<string, Promise<CompiledCode>>();
  private readonly pool: WorkerPool;
  private readonly timeoutMs: number;
  private nextChain = 1;

  constructor(options: RuntimeOptions = {}) {
    this.pool = new WorkerPool(options);
    this.timeoutMs = options.timeoutMs ?? 1000;
  }

  async compile(source: BundleSource): Promise<CompiledCode> {
    const filename = 'file' in source ? source.file : (source.sourcefile ?? 'code.js');
    return this.compileBundle(await bundleResolver(source), filename);
  }

  compileBundle(bundle: ResolverBundle, filename: string): Promise<CompiledCode> {
    let entry = this.compiled.get(bundle.hash);
    if (!entry) {
      entry = compileChecked(bundle, filename);
      this.compiled.set(bundle.hash, entry);
      entry.catch(() => this.compiled.delete(bundle.hash));
    }
    return entry;
  }

  evaluate(code: CompiledCode, fn: string, context: unknown, options: EvaluateOptions = {}): Promise<CallOutcome> {
    return this.pool.call({
      code: { hash: code.hash, code: code.commonJs, filename: code.filename },
      fn,
      context: typeof context === 'string' ? context : JSON.stringify(context ?? {}),
      authType: options.authType,
      timeoutMs: options.timeoutMs ?? this.timeoutMs,
    });
  }

  openChain(base: Record<string, unknown>, options: EvaluateOptions = {}): EvaluationChain {
    const id = this.nextChain++;
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    return {
      advance: (plan, state, stash) => {
        const codes = plan.kind === 'UNIT' ? [plan.code] : [plan.code, ...plan.functions];
        return this.pool.advance({
          plan: plan.kind === 'UNIT' ? { kind: 'UNIT', code: plan.code.hash } : { kind: 'PIPELINE', code: plan.code.hash, functions: plan.functions.map((f) => f.hash) },
          codes: codes.map((code) => ({ hash: code.hash, code: code.commonJs, filename: code.filename })),
          chain: { id, base },
          state,
          stash,
          ...(options.authType !== undefined ? { authType: options.authType } : {}),
          timeoutMs: timeoutMs * maxCalls(plan),
        });
      },
      close: () => this.pool.endChain(id),
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

async function compileChecked(bundle: ResolverBundle, filename: string): Promise<CompiledCode> {
  if (bundle.code.length > MAX_CODE_LENGTH) {
    throw new CodeRefusedError([
      {
        errorType: 'CODE_TOO_LARGE',
        value: `The bundled code is ${bundle.code.length} characters; AppSync accepts at most ${MAX_CODE_LENGTH}`,
        location: { line: 1, column: 1, span: 0 },
        file: filename,
        rule: 'max-code-length',
      },
    ]);
  }
  const codeErrors = checkCode(bundle.code, filename);
  if (codeErrors.length > 0) throw new CodeRefusedError(codeErrors);
  const { code } = await transform(bundle.code, { format: 'cjs', loader: 'js', sourcefile: filename, logLevel: 'silent' });
  return { hash: bundle.hash, bundle: bundle.code, filename, commonJs: code };
}
