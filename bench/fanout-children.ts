import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export class ChildError extends Error {
  override readonly name = 'ChildError';
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A bench module (`bench/fanout-clients.ts`, …) in a process of its own, talking to the bench over IPC. */
export function spawnModule(module: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', module], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // An exit before `stop` is reported by the next `ask`; this only keeps a dead child's error from crashing the bench.
  child.on('error', () => undefined);
  return child;
}

/** Sends `command` (when given) and waits for the child's next message whose `op` is `op`; bounded by `timeoutMs`. */
export function ask<T extends { op: string }>(child: ChildProcess, command: object | undefined, op: T['op'], timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error, message?: T): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message as T);
    };
    const onMessage = (message: { op: string; error?: string }): void => {
      if (message.op === op) done(undefined, message as T);
      else if (message.op === 'failed') done(new ChildError(message.error ?? 'failed'));
    };
    const onExit = (code: number | null, signal: string | null): void => done(new ChildError(`the child exited (${code ?? signal}) while the bench waited for '${op}'`));
    const timer = setTimeout(() => done(new ChildError(`no '${op}' within ${timeoutMs / 1000} s`)), timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (command) child.send(command);
  });
}
