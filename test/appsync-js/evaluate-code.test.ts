import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BadRequestError, evaluateCode } from '../../local/appsync-js/evaluate-code.js';

const RUNTIME = { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' };
const run = promisify(execFile);

describe('evaluateCode, shaped like AppSync EvaluateCode', () => {
  it('answers code errors with AWS CodeError entries', async () => {
    const code = 'export function request(ctx) {\n  for (;;) { return 1 }\n}\nexport function response() {}';
    const output = await evaluateCode({ runtime: RUNTIME, code, context: '{}', function: 'request' });
    expect(output.evaluationResult).toBeUndefined();
    expect(output.error?.codeErrors?.[0]).toEqual({
      errorType: 'LINT_ERROR',
      value: expect.stringMatching(/for/i),
      location: { line: 2, column: 3, span: expect.any(Number) },
    });
  });

  it('answers a syntax error as a PARSER_ERROR', async () => {
    const output = await evaluateCode({ runtime: RUNTIME, code: 'export function request(ctx) { return {', context: '{}' });
    expect(output.error?.codeErrors?.[0]?.errorType).toBe('PARSER_ERROR');
  });

  it('reports the stash and appended errors as AWS does', async () => {
    const code = `import { util } from '@aws-appsync/utils';
      export function request(ctx) { ctx.stash.step = 1; util.appendError('careful', 'Warn'); return {}; }
      export function response() {}`;
    const output = await evaluateCode({ runtime: RUNTIME, code, context: '{}' });
    expect(JSON.parse(output.stash ?? '')).toEqual({ step: 1 });
    expect(JSON.parse(output.outErrors ?? '')).toEqual([{ message: 'careful', errorType: 'Warn', data: null, errorInfo: null }]);
  });

  it('refuses another runtime or function name', async () => {
    await expect(evaluateCode({ runtime: { name: 'VTL', runtimeVersion: '1.0.0' }, code: '', context: '{}' })).rejects.toBeInstanceOf(BadRequestError);
    await expect(evaluateCode({ runtime: RUNTIME, code: '', context: '{}', function: 'handler' })).rejects.toBeInstanceOf(BadRequestError);
    await expect(evaluateCode({ runtime: RUNTIME, code: '', context: '[1]' })).rejects.toThrow(/JSON object/);
  });
});

describe('npm run evaluate', () => {
  it('prints what aws appsync evaluate-code prints, for TypeScript with relative imports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evaluate-cli-'));
    writeFileSync(join(dir, 'lib.ts'), 'export const double = (n: number): number => n * 2;\n');
    writeFileSync(
      join(dir, 'code.ts'),
      "import type { Context } from '@aws-appsync/utils';\nimport { double } from './lib';\n" +
        'export function request(ctx: Context<{ n: number }>) { console.log("n is", ctx.args.n); return { n: double(ctx.args.n) }; }\n' +
        'export function response(ctx: Context) { return ctx.result; }\n',
    );
    writeFileSync(join(dir, 'context.json'), JSON.stringify({ arguments: { n: 21 } }));
    const { stdout } = await run('npm', ['run', '--silent', 'evaluate', '--', '--code', join(dir, 'code.ts'), '--context', `file://${join(dir, 'context.json')}`, '--function', 'request']);
    expect(JSON.parse(stdout)).toEqual({ evaluationResult: '{"n":42}', logs: ['n is 21'] });
  });
});
