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

/** The same for an entry written on the fly (`contents`, its imports resolved from `resolveDir`). */
export function bundleNodeSource(contents: string, resolveDir: string): Promise<string> {
  return bundle({ stdin: { contents, resolveDir, loader: 'ts' } }, `a generated entry in ${resolveDir}`);
}

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
