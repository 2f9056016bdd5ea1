import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../cognito/helpers.js';
import { startTestServer, type TestServer } from '../engine/server-fixture.js';
import { miniApi } from '../fixtures/mini-api/wiring.js';
import { post } from '../observability/log-capture.js';

/** `npm run --silent api-key -- …` as a process, on the DATA_DIR a running server shares. */
const newDir = tempDirs();
const repo = resolve(import.meta.dirname, '../..');
const tsx = resolve(repo, 'node_modules/.bin/tsx');
const HOUR_MS = 3_600_000;

interface Printed {
  id: string;
  description?: string;
  expires: string;
  expired?: boolean;
}

async function run(dataDir: string, args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, ['local/api-keys/api-key-cli.ts', ...args], { cwd: repo, env: { ...process.env, DATA_DIR: dataDir } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const lines = (stdout: string): Printed[] => stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Printed);

describe('npm run api-key', () => {
  it('creates a 7-day key by default and one of --days with --description, expiring on the hour, and lists both', async () => {
    const dir = newDir();
    const before = Date.now();
    const plain = await run(dir, ['create']);
    expect(plain.code).toBe(0);
    const [first] = lines(plain.stdout);
    expect(first?.id).toMatch(/^da2-[a-z0-9]{26}$/);
    const expires = Date.parse(first?.expires ?? '');
    expect(expires % HOUR_MS).toBe(0);
    expect(expires).toBeGreaterThan(before + 7 * 24 * HOUR_MS - HOUR_MS);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7 * 24 * HOUR_MS);
    const long = await run(dir, ['create', '--days', '365', '--description', 'catalog app']);
    const [second] = lines(long.stdout);
    expect(second).toMatchObject({ description: 'catalog app' });
    expect(Date.parse(second?.expires ?? '')).toBeGreaterThan(before + 364 * 24 * HOUR_MS);
    expect(lines((await run(dir, ['list'])).stdout)).toEqual([first, second]);
  });

  it('revokes a key, and says so when the key is not there (exit code 1)', async () => {
    const dir = newDir();
    const [key] = lines((await run(dir, ['create'])).stdout);
    expect((await run(dir, ['revoke', key?.id ?? ''])).code).toBe(0);
    expect((await run(dir, ['list'])).stdout).toBe('');
    const again = await run(dir, ['revoke', key?.id ?? '']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`No such API key: ${key?.id}\n`);
  });

  it('refuses --days outside 1 to 365 (exit code 1) and explains its usage on bad arguments (exit code 2)', async () => {
    const dir = newDir();
    for (const days of ['0', '366']) {
      const { code, stderr } = await run(dir, ['create', '--days', days]);
      expect(code).toBe(1);
      expect(stderr).toBe(`An API key expires after 1 to 365 whole days, not ${days}\n`);
    }
    for (const args of [['create', '--days', 'soon'], ['rotate'], [], ['revoke'], ['create', '--bogus']]) {
      const { code, stdout, stderr } = await run(dir, args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('Usage: npm run --silent api-key');
    }
    expect((await run(dir, ['list'])).stdout).toBe('');
  });

  it('keeps every key when several processes create keys at once', async () => {
    const dir = newDir();
    const created = await Promise.all([1, 2, 3, 4].map((days) => run(dir, ['create', '--days', String(days)])));
    const ids = created.map(({ stdout }) => lines(stdout)[0]?.id);
    expect(lines((await run(dir, ['list'])).stdout).map((key) => key.id).sort()).toEqual([...ids].sort());
  });
});

describe('npm run api-key beside a running server', () => {
  const root = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(root, miniApi, mkdtempSync(join(tmpdir(), 'api-key-cli-')));
  });
  afterAll(() => server.close());

  it('is obeyed at once: a key it creates is accepted, a key it revokes is refused', async () => {
    const [key] = lines((await run(server.dataDir, ['create'])).stdout);
    const ask = () => post(server.stack.url, '{ publicInfo }', {}, { 'x-api-key': key?.id ?? '' });
    expect((await ask()).status).toBe(200);
    expect((await run(server.dataDir, ['revoke', key?.id ?? ''])).code).toBe(0);
    expect((await ask()).status).toBe(401);
  });
});
