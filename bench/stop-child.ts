import type { ChildProcess } from 'node:child_process';

/**
 * Ends a child the bench started (by its own handle, never by name): SIGTERM, so a server flushes its stores, then
 * SIGKILL if it has not exited within `graceMs`.
 */
export function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
