import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export class NodeBundleError extends Error {
  override readonly name = 'NodeBundleError';
}

/**
 * A TypeScript entry and what it imports as one CommonJS script for Node 22: what a child process or a thread of
 * the local stack runs, so that it starts the same way under tsx, vitest or plain node.
 */
export async function bundleNodeEntry(entry: URL): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new NodeBundleError(`esbuild produced no bundle of ${entry.pathname}`);
  return text;
}
