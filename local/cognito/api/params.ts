import { isRecord } from '../file-store.js';
import type { LocalUserPool } from '../user-pool.js';
import { CognitoServiceError, invalidParameter } from './service-error.js';

export type RequestBody = Readonly<Record<string, unknown>>;

/** A top-level member, reported as AWS's request validation does when it is missing. */
export function member(body: RequestBody, name: string): string {
  const value = body[name];
  if (typeof value === 'string' && value.length > 0) return value;
  const field = name.charAt(0).toLowerCase() + name.slice(1);
  throw invalidParameter(`1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
}

/** A string map member such as AuthParameters or ChallengeResponses (absent counts as empty). */
export function stringMap(body: RequestBody, name: string): Readonly<Record<string, string>> {
  const value = body[name];
  if (value === undefined || value === null) return {};
  if (!isRecord(value) || Object.values(value).some((entry) => typeof entry !== 'string')) {
    throw new CognitoServiceError('SerializationException', `${name} must be a map of strings`);
  }
  return value as Record<string, string>;
}

/** A parameter inside AuthParameters / ChallengeResponses; Cognito names it as written. */
export function parameter(map: Readonly<Record<string, string>>, name: string): string {
  const value = map[name];
  if (value === undefined || value.length === 0) throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}

export function checkClient(pool: LocalUserPool, body: RequestBody): string {
  const clientId = member(body, 'ClientId');
  if (clientId !== pool.clientId) {
    throw new CognitoServiceError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
  }
  return clientId;
}

/** An AttributeType list such as UserAttributes (absent counts as empty). */
export function attributeList(body: RequestBody, name: string): { name: string; value: string }[] {
  const value = body[name];
  if (value === undefined || value === null) return [];
  const entries = Array.isArray(value) ? value : [undefined];
  return entries.map((entry) => {
    if (!isRecord(entry) || typeof entry['Name'] !== 'string' || typeof entry['Value'] !== 'string') {
      throw new CognitoServiceError('SerializationException', `${name} must be a list of {Name, Value} strings`);
    }
    return { name: entry['Name'], value: entry['Value'] };
  });
}

/**
 * Checks a member against the constraints of the API reference and fails as AWS's request validation does. The
 * members checked here are sensitive (user names, passwords), so, as AWS does, the message leaves out the value.
 */
export function checkConstraints(field: string, constraints: readonly [ok: boolean, constraint: string][]): void {
  const broken = constraints.filter(([ok]) => !ok).map(([, constraint]) => `Value at '${field}' failed to satisfy constraint: ${constraint}`);
  if (broken.length === 0) return;
  throw invalidParameter(`${broken.length} validation error${broken.length === 1 ? '' : 's'} detected: ${broken.join('; ')}`);
}
