import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import { join } from 'node:path';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { PoolDataError } from './errors.js';
import { isRecord, readJsonFile, withFileLock, writeJsonFileAtomic } from './file-store.js';

/** What makes a pool the same pool across restarts: its ids and its signing key. */
export interface PoolConfig {
  readonly version: 1;
  readonly region: string;
  readonly poolId: string;
  readonly clientId: string;
  readonly signingKey: { readonly kid: string; readonly privateJwk: JsonWebKey };
  readonly createdAt: string;
}

export const poolFiles = (dir: string) => ({
  config: join(dir, 'pool.json'),
  users: join(dir, 'users.json'),
  refreshTokens: join(dir, 'refresh-tokens.json'),
  lock: join(dir, '.lock'),
});

export function loadOrCreatePoolConfig(dir: string, region: string): PoolConfig {
  const files = poolFiles(dir);
  const existing = readJsonFile(files.config);
  if (existing !== undefined) return parsePoolConfig(existing, files.config);
  return withFileLock(files.lock, () => {
    // Another process may have created the pool while we waited for the lock.
    const raced = readJsonFile(files.config);
    if (raced !== undefined) return parsePoolConfig(raced, files.config);
    const created = createPoolConfig(region);
    writeJsonFileAtomic(files.config, created);
    return created;
  });
}

function createPoolConfig(region: string): PoolConfig {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  return {
    version: 1,
    region,
    poolId: `${region}_${randomChars(ALPHANUMERIC, 9)}`,
    clientId: randomChars(LOWER_ALPHANUMERIC, 26),
    // Cognito's key ids are base64 of 32 bytes; the shape does not matter to verifiers, only uniqueness.
    signingKey: { kid: randomBytes(32).toString('base64'), privateJwk: privateKey.export({ format: 'jwk' }) },
    createdAt: new Date().toISOString(),
  };
}

const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALPHANUMERIC = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${LOWER_ALPHANUMERIC}`;

function randomChars(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function parsePoolConfig(value: unknown, path: string): PoolConfig {
  if (
    isRecord(value) &&
    value['version'] === 1 &&
    typeof value['region'] === 'string' &&
    typeof value['poolId'] === 'string' &&
    typeof value['clientId'] === 'string' &&
    isRecord(value['signingKey']) &&
    typeof value['signingKey']['kid'] === 'string' &&
    isRecord(value['signingKey']['privateJwk']) &&
    value['signingKey']['privateJwk']['kty'] === 'RSA'
  ) {
    return value as unknown as PoolConfig;
  }
  throw new PoolDataError(`Unrecognised pool file ${path}: delete it to start a new pool`);
}

/** The public half of the signing key, with the fields and order Cognito serves in its JWKS. */
export function publicJwks(config: PoolConfig): Jwks {
  const { kid, privateJwk } = config.signingKey;
  const publicJwk = createPublicKey(createPrivateKey({ key: privateJwk, format: 'jwk' })).export({ format: 'jwk' });
  return { keys: [{ alg: 'RS256', e: publicJwk.e ?? '', kid, kty: 'RSA', n: publicJwk.n ?? '', use: 'sig' }] };
}
