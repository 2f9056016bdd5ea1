import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { describeFirstLoad, measureFirstLoadJs } from './first-load-size.js';
import { webViteConfig } from './vite-options.js';

export const WEB_DIR = dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = join(WEB_DIR, 'dist');
const REPO_DIR = dirname(WEB_DIR);
const STAMP = join(DIST_DIR, '.build-stamp.json');
const LOCK = join(WEB_DIR, '.build.lock');
/** A lock older than this belongs to a build that died: take it over. */
const STALE_LOCK_MS = 10 * 60_000;

export class WebBuildError extends Error {
  override readonly name = 'WebBuildError';
}

/** What the bundle is made from: the app's sources and config, and the installed packages. */
function sourceFiles(): string[] {
  const files = ['index.html', 'vite-options.ts', 'build-app.ts', 'tsconfig.json'].map((file) => join(WEB_DIR, file));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else files.push(join(dir, entry.name));
    }
  };
  walk(join(WEB_DIR, 'src'));
  // npm rewrites this on every install that changes node_modules.
  files.push(join(REPO_DIR, 'node_modules', '.package-lock.json'));
  return files.filter((file) => existsSync(file));
}

/** The build is stale when any source changed after the last build started (a change during a build counts). */
export function isWebAppStale(): boolean {
  if (!existsSync(STAMP) || !existsSync(join(DIST_DIR, 'index.html'))) return true;
  const { startedAt } = JSON.parse(readFileSync(STAMP, 'utf8')) as { startedAt: number };
  return sourceFiles().some((file) => statSync(file).mtimeMs > startedAt);
}

/**
 * Builds web/ into web/dist with Vite when dist is missing or older than a source, and returns dist. `npm start`,
 * the tests and infra/ synth all call this; concurrent callers (test files in parallel) wait for one build.
 */
export async function ensureWebAppBuilt(options: { log?: (line: string) => void } = {}): Promise<string> {
  if (!isWebAppStale()) return DIST_DIR;
  await withBuildLock(async () => {
    // Someone else may have built it while we waited.
    if (isWebAppStale()) await buildWebApp(options.log ?? ((line) => process.stdout.write(`${line}\n`)));
  });
  return DIST_DIR;
}

async function buildWebApp(log: (line: string) => void): Promise<void> {
  const startedAt = Date.now();
  // Built beside dist, then swapped in: a server reading dist never sees a half-written build.
  const staging = join(WEB_DIR, `.dist-${process.pid}-${startedAt}`);
  log('Building the web app (web/ → web/dist)…');
  try {
    const config = webViteConfig(WEB_DIR);
    // Vite keeps a NODE_ENV already set (vitest sets `test`), which would bundle React's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ ...config, mode: 'production', logLevel: 'warn', build: { ...config.build, outDir: staging } });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new WebBuildError(`The web app did not build: ${error instanceof Error ? error.message : String(error)}`);
  }
  writeFileSync(join(staging, '.build-stamp.json'), JSON.stringify({ startedAt }));
  const old = join(WEB_DIR, `.dist-old-${process.pid}-${startedAt}`);
  if (existsSync(DIST_DIR)) renameSync(DIST_DIR, old);
  renameSync(staging, DIST_DIR);
  rmSync(old, { recursive: true, force: true });
  log(`Web app built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${describeFirstLoad(measureFirstLoadJs(DIST_DIR))}`);
}

async function withBuildLock(run: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
