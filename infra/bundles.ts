import { resolve } from 'node:path';
import { bundleResolver, type ResolverBundle } from '../wiring/bundle.js';
import type { ApiWiring } from '../wiring/types.js';

/** Every code file of a wiring, bundled, keyed by its path as the wiring names it. */
export type WiringBundles = ReadonlyMap<string, ResolverBundle>;

export class MissingBundleError extends Error {
  override readonly name = 'MissingBundleError';
  constructor(readonly file: string) {
    super(`No bundle for ${file}: bundle the wiring with bundleWiring() before building the stack`);
  }
}

export function codeFilesOf(wiring: ApiWiring): string[] {
  return [...new Set([...wiring.functions.map((fn) => fn.code), ...wiring.resolvers.map((r) => r.code)])];
}

/**
 * Bundling is asynchronous and CDK constructs are built synchronously, so everything is bundled first, with the
 * same function the local runtime uses: what is deployed is byte for byte what `npm start` runs.
 */
export async function bundleWiring(wiring: ApiWiring, rootDir: string): Promise<WiringBundles> {
  const entries = await Promise.all(
    codeFilesOf(wiring).map(async (file) => [file, await bundleResolver({ file: resolve(rootDir, file) })] as const),
  );
  return new Map(entries);
}

export function bundleFor(bundles: WiringBundles, file: string): ResolverBundle {
  const bundle = bundles.get(file);
  if (!bundle) throw new MissingBundleError(file);
  return bundle;
}
