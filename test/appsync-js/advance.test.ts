import { afterAll, describe, expect, it } from 'vitest';
import { firstStep, type StepPlan } from '../../local/appsync-js/resolver-steps.js';
import { AppSyncJsRuntime, type CompiledCode } from '../../local/appsync-js/runtime.js';
import type { AdvanceReply, CallOutcome } from '../../local/appsync-js/sandbox/protocol.js';

const runtime = new AppSyncJsRuntime({ timeoutMs: 300, size: 1 });
afterAll(() => runtime.close());

const compile = (code: string, sourcefile: string) => runtime.compile({ code, sourcefile });
const results = (reply: AdvanceReply | CallOutcome) => ('calls' in reply ? reply.calls.map((c) => c.outcome.result ?? c.outcome.failure?.kind) : []);

// A pipeline: its own request/response around a function that reads a data source and one that returns early.
async function pipeline(): Promise<StepPlan<CompiledCode>> {
  const code = await compile(
    'export function request(ctx) { ctx.stash.trail = ["before"]; return {}; }\n'
      + 'export function response(ctx) { return { trail: [...ctx.stash.trail, "after"], prev: ctx.prev.result }; }',
    'pipeline.js',
  );
  const read = await compile(
    'export function request(ctx) { ctx.stash.trail.push("read.request"); return { key: ctx.args.id }; }\n'
      + 'export function response(ctx) { ctx.stash.trail.push("read.response"); return ctx.result; }',
    'read.js',
  );
  const skip = await compile(
    'import { runtime } from "@aws-appsync/utils";\n'
      + 'export function request(ctx) { ctx.stash.trail.push("skip.request"); runtime.earlyReturn({ kept: ctx.prev.result.name }); }\n'
      + 'export function response() { return "never"; }',
    'skip.js',
  );
  return { kind: 'PIPELINE', code, functions: [read, skip] };
}

describe('a resolver advanced one data source call at a time', () => {
  it('makes every call up to the data source in one round trip, then the rest in one more', async () => {
    const plan = await pipeline();
    const chain = runtime.openChain({ arguments: { id: 'o-1' }, identity: null, source: null, request: { headers: {} }, info: {} });
    const first = await chain.advance(plan, firstStep(plan), {});
    expect(results(first)).toEqual(['{}', '{"key":"o-1"}']);

    const resume = { position: { at: 'fn-response', index: 0 } as const, prev: {}, source: { result: { name: 'Margherita' } } };
    const stash = 'calls' in first ? JSON.parse(first.calls.at(-1)?.outcome.stash ?? '{}') : {};
    const second = await chain.advance(plan, resume, stash);
    chain.close();
    expect(results(second)).toHaveLength(3);
    const last = 'calls' in second ? second.calls.at(-1)?.outcome.result : undefined;
    expect(JSON.parse(last ?? 'null')).toEqual({
      trail: ['before', 'read.request', 'read.response', 'skip.request', 'after'],
      prev: { kept: 'Margherita' },
    });
  });

  it('answers a call the evaluator did not survive as that call failed, and keeps serving', async () => {
    const slow = await compile(
      'export function request() { const steps = Array(1000).fill(1); let t = 0;\n'
        + 'for (const a of steps) { for (const b of steps) { for (const c of steps) { t = t + a * b * c; } } } return t; }\n'
        + 'export function response(ctx) { return ctx.result; }',
      'slow.js',
    );
    const plan: StepPlan<CompiledCode> = { kind: 'UNIT', code: slow };
    const chain = runtime.openChain({ arguments: {} });
    const reply = await chain.advance(plan, firstStep(plan), {});
    chain.close();
    expect('calls' in reply ? 'calls' : reply.failure?.kind).toBe('timeout');

    const quick = await compile('export function request() { return { ok: 1 }; }\nexport function response(ctx) { return ctx.result; }', 'quick.js');
    const again = runtime.openChain({ arguments: {} });
    const fine = await again.advance({ kind: 'UNIT', code: quick }, firstStep({ kind: 'UNIT', code: quick }), {});
    again.close();
    expect(results(fine)).toEqual(['{"ok":1}']);
  });
});
