import { createHash } from 'node:crypto';
import { build, type BuildOptions } from 'esbuild';

/**
 * The one way resolver code is bundled, for the local runtime and for deployment alike. These are the settings
 * the AppSync guide recommends for APPSYNC_JS: ESM, the `@aws-appsync/*` modules left to the runtime, an inline
 * source map (AppSync uses it to point errors at the original lines) without embedded sources.
 */
export const RESOLVER_BUNDLE_OPTIONS = {
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'esnext',
  external: ['@aws-appsync/*'],
  sourcemap: 'inline',
  sourcesContent: false,
  logLevel: 'silent',
  charset: 'utf8',
} as const satisfies BuildOptions;

export interface ResolverBundle {
  /** ESM JavaScript, as AppSync receives it. */
  code: string;
  /** sha256 of `code`: the cache key of everything compiled from it. */
  hash: string;
}

export interface BundleProblem {
  text: string;
  file?: string;
  line?: number;
  column?: number;
}

/** esbuild could not bundle the code: a syntax error or an import it cannot resolve. */
export class BundleError extends Error {
  override readonly name = 'BundleError';
  constructor(readonly problems: BundleProblem[]) {
    super(problems.map((p) => (p.file ? `${p.file}:${p.line}:${p.column} ${p.text}` : p.text)).join('\n'));
  }
}

export type BundleSource = { file: string } | { code: string; sourcefile?: string; resolveDir?: string };

export async function bundleResolver(source: BundleSource): Promise<ResolverBundle> {
  const input: BuildOptions =
    'file' in source
      ? { entryPoints: [source.file] }
      : {
          stdin: {
            contents: source.code,
            loader: source.sourcefile?.endsWith('.ts') ? 'ts' : 'js',
            sourcefile: source.sourcefile ?? 'code.js',
            resolveDir: source.resolveDir ?? process.cwd(),
          },
        };
  const result = await build({ ...RESOLVER_BUNDLE_OPTIONS, ...input }).catch((error: unknown) => {
    const messages = (error as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] })
      .errors ?? [{ text: String(error) }];
    // esbuild columns are 0-based; editors and AppSync's CodeError count from 1.
    throw new BundleError(
      messages.map(({ text, location }) =>
        location ? { text, file: location.file, line: location.line, column: location.column + 1 } : { text },
      ),
    );
  });
  const output = result.outputFiles?.[0];
  if (!output) throw new BundleError([{ text: 'esbuild produced no output' }]);
  return { code: output.text, hash: sha256(output.text) };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
