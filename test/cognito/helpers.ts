import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { handleCognitoRequest } from '../../local/cognito/api/handler.js';
import type { LocalUserPool } from '../../local/cognito/user-pool.js';

/** A fresh data directory per call, removed when the file's tests end. */
export function tempDirs(): () => string {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-cognito-'));
    made.push(dir);
    return dir;
  };
}

export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.');
  const part = (text: string | undefined) => JSON.parse(Buffer.from(text ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: part(header), payload: part(payload) };
}

/** The pool's private signing key as stored, to forge tokens that only differ in one claim. */
export function storedPrivateJwk(dataDir: string): { kid: string; jwk: Record<string, unknown> } {
  const config = JSON.parse(readFileSync(join(dataDir, 'cognito', 'pool.json'), 'utf8')) as {
    signingKey: { kid: string; privateJwk: Record<string, unknown> };
  };
  return { kid: config.signingKey.kid, jwk: config.signingKey.privateJwk };
}

/** Calls the JSON API as the Amplify client does: full X-Amz-Target, body as JSON text. */
export async function callCognito(pool: LocalUserPool, action: string, body: unknown) {
  const response = await handleCognitoRequest(pool, `AWSCognitoIdentityProviderService.${action}`, JSON.stringify(body));
  return { ...response, json: JSON.parse(response.body) as Record<string, unknown> };
}
