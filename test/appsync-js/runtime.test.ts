import { afterAll, describe, expect, it } from 'vitest';
import { AppSyncJsRuntime } from '../../local/appsync-js/runtime.js';
import { CodeRefusedError } from '../../local/appsync-js/errors.js';

const runtime = new AppSyncJsRuntime({ timeoutMs: 300, memoryLimitMb: 64, size: 1 });
afterAll(() => runtime.close());

const compile = (code: string) => runtime.compile({ code, sourcefile: 'code.js' });

describe('the APPSYNC_JS runtime', () => {
  it('compiles the same code once and runs it many times', async () => {
    const code = 'export function request(ctx) { return { n: ctx.args.n * 2 }; }\nexport function response(ctx) { return ctx.result; }';
    const first = await compile(code);
    const second = await compile(code);
    expect(second).toBe(first);
    const outcomes = await Promise.all([1, 2, 3].map((n) => runtime.evaluate(first, 'request', { arguments: { n } })));
    expect(outcomes.map((o) => JSON.parse(o.result ?? 'null'))).toEqual([{ n: 2 }, { n: 4 }, { n: 6 }]);
  });

  it('gives every call fresh module state', async () => {
    const code = 'const seen = [];\nexport function request(ctx) { seen.push(ctx.args.v); return seen; }\nexport function response() {}';
    const compiled = await compile(code);
    await runtime.evaluate(compiled, 'request', { arguments: { v: 1 } });
    const second = await runtime.evaluate(compiled, 'request', { arguments: { v: 2 } });
    expect(JSON.parse(second.result ?? '')).toEqual([2]);
  });

  it('stops code that runs too long and keeps serving', async () => {
    // A billion steps of nested for-of, allocating nothing: APPSYNC_JS has no while loop to spin on.
    const code = `export function request(ctx) {
      const steps = Array(1000).fill(1);
      let total = 0;
      for (const a of steps) { for (const b of steps) { for (const c of steps) { total = total + a * b * c; } } }
      return total;
    }
    export function response() {}`;
    const slow = await compile(code);
    const outcome = await runtime.evaluate(slow, 'request', {}, { timeoutMs: 100 });
    expect(outcome.failure?.kind).toBe('timeout');
    expect(outcome.failure?.message).toMatch(/timed out/);
    const ok = await compile('export function request() { return 1 }\nexport function response() {}');
    expect((await runtime.evaluate(ok, 'request', {})).result).toBe('1');
  });

  it('stops code that allocates without bound and keeps serving', async () => {
    const code = `export function request(ctx) {
      const chunks = [];
      for (const i of Array(1e7).fill(0)) { chunks.push('x'.repeat(1000) + i); }
      return chunks.length;
    }
    export function response() {}`;
    const greedy = await compile(code);
    const outcome = await runtime.evaluate(greedy, 'request', {}, { timeoutMs: 20_000 });
    expect(outcome.failure?.kind).toBe('memory');
    expect(outcome.failure?.message).toMatch(/memory/);
    const ok = await compile('export function request() { return 2 }\nexport function response() {}');
    expect((await runtime.evaluate(ok, 'request', {})).result).toBe('2');
  });

  it('reports util.error with its type, data and info for the engine', async () => {
    const code = `import { util } from '@aws-appsync/utils';
      export function request(ctx) { util.error('Quantity must be 1-100', 'ValidationError', { q: 0 }, { field: 'quantity' }); }
      export function response() {}`;
    const outcome = await runtime.evaluate(await compile(code), 'request', {});
    expect(outcome.failure).toEqual({
      kind: 'error',
      message: 'Quantity must be 1-100',
      errorType: 'ValidationError',
      data: { q: 0 },
      errorInfo: { field: 'quantity' },
    });
  });

  it('records appended errors, extensions and logs on the evaluation', async () => {
    const code = `import { util, extensions } from '@aws-appsync/utils';
      export function request(ctx) {
        util.appendError('partial', 'Warning');
        console.log('hello', { a: 1 });
        extensions.invalidateSubscriptions({ subscriptionField: 'onChange', payload: { id: ctx.args.id } });
        ctx.stash.seen = true;
        return {};
      }
      export function response() {}`;
    const outcome = await runtime.evaluate(await compile(code), 'request', { arguments: { id: 'o1' } });
    expect(outcome.record.appendedErrors).toEqual([{ message: 'partial', errorType: 'Warning', data: null, errorInfo: null }]);
    expect(outcome.record.logs).toEqual(['hello {"a":1}']);
    expect(outcome.record.invalidations).toEqual([{ subscriptionField: 'onChange', payload: { id: 'o1' } }]);
    expect(JSON.parse(outcome.stash ?? '')).toEqual({ seen: true });
  });

  it('returns early with runtime.earlyReturn and its skipTo', async () => {
    const code = `import { runtime } from '@aws-appsync/utils';
      export function request(ctx) { runtime.earlyReturn({ cached: true }, { skipTo: 'NEXT' }); return { never: true }; }
      export function response() {}`;
    const outcome = await runtime.evaluate(await compile(code), 'request', {});
    expect(JSON.parse(outcome.result ?? '')).toEqual({ cached: true });
    expect(outcome.earlyReturn).toEqual({ skipTo: 'NEXT' });
  });

  it('refuses code that AppSync refuses, naming the line and the rule', async () => {
    const code = 'export function request(ctx) {\n  try { return 1 } catch (e) { return 2 }\n}\nexport function response() {}';
    const refused = await compile(code).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CodeRefusedError);
    const [first] = (refused as CodeRefusedError).codeErrors;
    expect(first?.location.line).toBe(2);
    expect(first?.rule).toMatch(/try/);
    expect((refused as Error).message).toContain('code.js:2');
  });

  it('refuses code longer than AppSync accepts', async () => {
    const code = `export function request() { return '${'x'.repeat(40_000)}'; }\nexport function response() {}`;
    await expect(compile(code)).rejects.toThrow(/at most 32768/);
  });

  it('has no eval and no Function constructor, as APPSYNC_JS', async () => {
    const code = 'export function request() { return globalThis["ev" + "al"]("1 + 1"); }\nexport function response() {}';
    const outcome = await runtime.evaluate(await compile(code), 'request', {});
    expect(outcome.failure?.kind).toBe('runtime');
  });
});
