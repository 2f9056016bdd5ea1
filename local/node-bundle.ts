import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

export class NodeBundleError extends Error {
  override readonly name = 'NodeBundleError';
}

/**
 * A TypeScript entry and what it imports as one CommonJS script for Node 22: what a child process or a thread of
 * the local stack runs, so that it starts the same way under tsx, vitest or plain node.
 */
export function bundleNodeEntry(entry: URL): Promise<string> {
  return bundle({ entryPoints: [fileURLToPath(entry)] }, entry.pathname);
}

/**
 * The same for an entry written on the fly (`contents`, its imports resolved from `resolveDir`), built once per
 * process: every local stack a process starts (a test file's, under vitest's shared processes) runs the same
 * functions, and each build took 110–150 ms of esbuild. Sources are not watched: a process sees them as they were
 * when it first built them, as `npm start` always has.
 */
export function bundleNodeSource(contents: string, resolveDir: string): Promise<string> {
  const key = `${resolveDir}\u0000${contents}`;
  let built = generated.get(key);
  if (!built) {
    built = bundle({ stdin: { contents, resolveDir, loader: 'ts' } }, `a generated entry in ${resolveDir}`);
    // A failed build is not kept: the next start tries again (and reports its own error).
    built.catch(() => generated.delete(key));
    generated.set(key, built);
  }
  return built;
}

const generated = new Map<string, Promise<string>>();

async function bundle(input: Pick<BuildOptions, 'entryPoints' | 'stdin'>, name: string): Promise<string> {
  const result = await build({
    ...input,
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new NodeBundleError(`esbuild produced no bundle of ${name}`);
  return text;
}
