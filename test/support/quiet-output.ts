/**
 * What the servers under test write straight to this process's stdout and stderr (the poller's JSON lines from
 * its thread, the user pool's code lines, the request log) becomes console output of the test running at the
 * time. Vitest keeps console output per test and, with `silent: 'passed-only'`, prints it for a failing test
 * only: a passing run shows the summary, a failing test everything its servers said. Vitest's own console in
 * the worker writes to its reporter over RPC, not to process.stdout, so nothing loops.
 */
const PATCHED = Symbol.for('order-api.quiet-output');

type Write = typeof process.stdout.write;

function toConsole(log: (text: string) => void): Write {
  return ((chunk: string | Uint8Array, encodingOrDone?: BufferEncoding | ((error?: Error | null) => void), done?: (error?: Error | null) => void): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encodingOrDone === 'string' ? encodingOrDone : 'utf8');
    log(text.endsWith('\n') ? text.slice(0, -1) : text);
    const callback = typeof encodingOrDone === 'function' ? encodingOrDone : done;
    callback?.();
    return true;
  }) as Write;
}

const streams = process as unknown as Record<symbol, boolean>;
// Files of one worker share this module's process (isolate: false): patch once.
if (!streams[PATCHED]) {
  streams[PATCHED] = true;
  process.stdout.write = toConsole((text) => console.log(text));
  process.stderr.write = toConsole((text) => console.error(text));
}
