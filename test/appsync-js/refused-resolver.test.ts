import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CodeRefusedError } from '../../local/appsync-js/errors.js';
import { AppSyncJsRuntime } from '../../local/appsync-js/runtime.js';

const fixture = fileURLToPath(new URL('../fixtures/refused-resolvers/', import.meta.url));
const file = `${fixture}resolvers/Query.tryCatch.ts`;
const runtime = new AppSyncJsRuntime({ size: 1 });
afterAll(() => runtime.close());

describe('a resolver with try/catch', () => {
  it('fails the lint that `npm run lint` runs (same eslint, same configuration)', () => {
    const eslint = fileURLToPath(new URL('../../node_modules/.bin/eslint', import.meta.url));
    const run = spawnSync(eslint, ['resolvers'], { cwd: fixture, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/Query\.tryCatch\.ts[\s\S]*4:3\s+error\s+Try statements are not supported\s+@aws-appsync\/no-try/);
  }, 90_000); // type-aware lint builds a TypeScript program first

  it('is refused at load with the file, the line and the rule', async () => {
    const refused = await runtime.compile({ file }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CodeRefusedError);
    expect((refused as Error).message).toContain(`${file.split('/').slice(-2).join('/')}:4:3 @aws-appsync/no-try`);
  });
});
