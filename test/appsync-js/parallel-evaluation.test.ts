import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evaluateCode } from '../../local/appsync-js/evaluate-code.js';

const run = promisify(execFile);
const RUNTIME = { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' };
const CODE = 'export function request(ctx) { return { n: ctx.args.n * 2 }; }\nexport function response(ctx) { return ctx.result; }\n';

// Every evaluator process is started from one script file the runtime writes under the temp dir. Processes that
// start together with an empty temp dir all write that file at once: each must still read a whole script.
describe('many evaluations at once', () => {
  it('answers every one of 16 CLI processes, 8 at a time, each wave on an empty temp dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallel-evaluate-'));
    writeFileSync(join(dir, 'code.js'), CODE);
    const evaluateInCli = async (n: number, env: NodeJS.ProcessEnv): Promise<unknown> => {
      writeFileSync(join(dir, `context-${n}.json`), JSON.stringify({ arguments: { n } }));
      const args = ['run', '--silent', 'evaluate', '--', '--code', join(dir, 'code.js'), '--context', join(dir, `context-${n}.json`)];
      const { stdout } = await run('npm', args, { env });
      return JSON.parse(stdout);
    };
    const answers: unknown[] = [];
    for (const wave of [0, 8]) {
      const env = { ...process.env, TMPDIR: mkdtempSync(join(dir, 'tmp-')) };
      answers.push(...(await Promise.all(Array.from({ length: 8 }, (_, i) => evaluateInCli(wave + i, env)))));
    }
    expect(answers).toEqual(Array.from({ length: 16 }, (_, n) => ({ evaluationResult: JSON.stringify({ n: n * 2 }), logs: [] })));
  }, 180_000);

  it('answers 200 in-process calls made together', async () => {
    const calls = Array.from({ length: 200 }, (_, n) =>
      evaluateCode({ runtime: RUNTIME, code: CODE, context: JSON.stringify({ arguments: { n } }), function: 'request' }),
    );
    const answers = await Promise.all(calls);
    expect(answers).toEqual(Array.from({ length: 200 }, (_, n) => ({ evaluationResult: JSON.stringify({ n: n * 2 }), logs: [] })));
  });
});
