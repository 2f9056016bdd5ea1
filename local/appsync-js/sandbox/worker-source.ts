import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '../../../wiring/bundle.js';
import { bundleNodeEntry } from '../../node-bundle.js';

let script: Promise<string> | undefined;

/**
 * The evaluation process as one CommonJS file, built from its TypeScript sources on first use and written under
 * the OS temp dir by content hash. Evaluators then start the same way under vitest, tsx or plain node.
 */
export function workerScript(): Promise<string> {
  script ??= bundleNodeEntry(new URL('./worker-main.ts', import.meta.url)).then((text) => {
    const dir = join(tmpdir(), 'appsync-js-runtime');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `evaluator-${sha256(text).slice(0, 16)}.cjs`);
    if (!existsSync(file)) writeAtomically(file, text);
    return file;
  });
  return script;
}

/**
 * Processes started together (CLI calls, test files) share the file. Written in place, another process could fork
 * an evaluator on it while it was truncated or half-written, and that evaluator would exit at once (an empty
 * script exits 0; a cut one fails to parse). A rename replaces the name in one step: a reader sees no file or the
 * whole one.
 */
function writeAtomically(file: string, text: string): void {
  const partial = `${file}.${process.pid}.${randomUUID()}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}
