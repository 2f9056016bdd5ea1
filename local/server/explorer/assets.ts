import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One file the explorer may serve: the URL path is the only way in, so nothing outside this list is reachable. */
export interface AssetSpec {
  urlPath: string;
  file: string;
  contentType: string;
  /** Versioned vendor URLs never change content; the page's own files may change between runs. */
  immutable: boolean;
}

export interface LoadedAsset {
  body: Buffer;
  etag: string;
  headers: Record<string, string>;
}

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

// Packages with an "exports" map hide their UMD files from require.resolve, so go through package.json.
function packageFile(name: string, path: string): { file: string; version: string } {
  const manifest = require.resolve(`${name}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { file: join(dirname(manifest), path), version };
}

function vendor(name: string, path: string, contentType: string): AssetSpec {
  const { file, version } = packageFile(name, path);
  // The package version in the URL lets browsers cache for good and still pick up an upgrade.
  const fileName = path.split('/').pop() ?? path;
  return { urlPath: `/explorer/vendor/${name}@${version}/${fileName}`, file, contentType, immutable: true };
}

function own(fileName: string, contentType: string): AssetSpec {
  return { urlPath: `/explorer/${fileName}`, file: join(here, fileName), contentType, immutable: false };
}

const JS = 'text/javascript; charset=UTF-8';
const CSS = 'text/css; charset=UTF-8';

/** Scripts in load order: React before ReactDOM before GraphiQL's UMD build, which reads both from globals. */
export function explorerAssets(): { scripts: AssetSpec[]; styles: AssetSpec[]; other: AssetSpec[] } {
  const graphiql = vendor('graphiql', 'dist/index.umd.js', JS);
  return {
    scripts: [
      vendor('react', 'umd/react.production.min.js', JS),
      vendor('react-dom', 'umd/react-dom.production.min.js', JS),
      graphiql,
      own('explorer.js', JS),
    ],
    styles: [vendor('graphiql', 'dist/style.css', CSS), own('explorer.css', CSS)],
    // GraphiQL's bundle names its source map relative to itself; served so browser devtools stay quiet.
    other: [{ ...graphiql, urlPath: `${graphiql.urlPath}.map`, file: `${graphiql.file}.map`, contentType: 'application/json; charset=UTF-8' }],
  };
}

/** Reads each allowed file once, on first request, and keeps it with its ETag. */
export class AssetStore {
  private readonly specs = new Map<string, AssetSpec>();
  private readonly loaded = new Map<string, LoadedAsset>();

  constructor(specs: readonly AssetSpec[]) {
    for (const spec of specs) this.specs.set(spec.urlPath, spec);
  }

  get(urlPath: string): LoadedAsset | undefined {
    const cached = this.loaded.get(urlPath);
    if (cached) return cached;
    const spec = this.specs.get(urlPath);
    if (!spec) return undefined;
    const body = readFileSync(spec.file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const asset: LoadedAsset = {
      body,
      etag,
      headers: {
        'content-type': spec.contentType,
        'cache-control': spec.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag,
        'x-content-type-options': 'nosniff',
      },
    };
    this.loaded.set(urlPath, asset);
    return asset;
  }
}
