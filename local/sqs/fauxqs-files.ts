import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The fauxqs versions the run-time corrections in this folder were written against. */
const PATCHED_VERSIONS = /^2\.4\./;

export class FauxqsPatchError extends Error {
  override readonly name = 'FauxqsPatchError';
}

/**
 * A file inside the installed fauxqs package. Its classes are outside the package's exports, hence the lookup; the
 * version is checked so that an upgrade is reviewed against `corrector`, the module that patches the file.
 */
export function fauxqsFile(relative: string, corrector: string): string {
  const require = createRequire(import.meta.url);
  const dir = (require.resolve.paths('fauxqs') ?? []).map((base) => join(base, 'fauxqs')).find((candidate) => existsSync(join(candidate, 'package.json')));
  if (!dir) throw new FauxqsPatchError('fauxqs is not installed');
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  if (!PATCHED_VERSIONS.test(version)) {
    throw new FauxqsPatchError(`fauxqs ${version}: ${corrector} corrects 2.4.x; check whether it still applies`);
  }
  return join(dir, relative);
}
