import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { sha256 } from '../wiring/bundle.js';
import type { ApiWiring } from '../wiring/types.js';

/** A Lambda function's code, bundled into a folder of its own (`index.mjs`), ready to become an asset. */
export type LambdaBundles = ReadonlyMap<string, string>;

/**
 * Node.js 22 runs ESM handlers natively; `createRequire` lets bundled CommonJS dependencies (the AWS SDK's
 * helpers among them) call `require` for Node's own modules.
 */
const ESM_REQUIRE_SHIM = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export class LambdaBundleError extends Error {
  override readonly name = 'LambdaBundleError';
}

/** Bundled before the stack is built, like the resolvers: construct code cannot wait for esbuild. */
export async function bundleLambdas(wiring: ApiWiring, rootDir: string): Promise<LambdaBundles> {
  const entries = await Promise.all(
    (wiring.lambdaFunctions ?? []).map(async (fn) => {
      const result = await build({
        entryPoints: [resolve(rootDir, fn.entry)],
        write: false,
        outfile: 'index.mjs',
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node22',
        minify: true,
        sourcemap: false,
        legalComments: 'none',
        banner: { js: ESM_REQUIRE_SHIM },
        logLevel: 'silent',
      });
      const code = result.outputFiles[0]?.text;
      if (code === undefined) throw new LambdaBundleError(`esbuild produced no output for ${fn.entry}`);
      // One folder per content: rebuilding the same code reuses it instead of filling the temp directory. The
      // file is written beside the folder and renamed in, so a concurrent synthesis never hashes half a file.
      const root = join(tmpdir(), 'order-api-lambda-bundles');
      const hash = sha256(code);
      const outdir = join(root, hash);
      if (!existsSync(join(outdir, 'index.mjs'))) {
        mkdirSync(outdir, { recursive: true });
        const partial = join(root, `${hash}.${process.pid}.tmp`);
        writeFileSync(partial, code);
        renameSync(partial, join(outdir, 'index.mjs'));
      }
      return [fn.name, outdir] as const;
    }),
  );
  return new Map(entries);
}
