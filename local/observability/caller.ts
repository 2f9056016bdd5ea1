import type { RequestAuth } from '../engine/field-auth.js';

/**
 * Who made a request, as the logs name them: a user pool's `sub`, `iam` for a SigV4 signature, `api-key` for an API
 * key (never the key itself), else null.
 */
export function callerOf(auth: Pick<RequestAuth, 'type' | 'identity'> | undefined): string | null {
  if (!auth) return null;
  if (auth.type === 'AWS_IAM') return 'iam';
  if (auth.type === 'API_KEY') return 'api-key';
  const sub = auth.identity?.['sub'];
  return typeof sub === 'string' ? sub : null;
}
