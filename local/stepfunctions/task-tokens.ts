import { randomBytes } from 'node:crypto';

/**
 * Task tokens: the execution's ARN and a random part, base64url-encoded, so a callback finds its execution. AWS's
 * tokens are opaque too; a client must not read them.
 */
export function newTaskToken(executionArn: string): string {
  return Buffer.from(JSON.stringify({ e: executionArn, n: randomBytes(24).toString('base64url') })).toString('base64url');
}

/** The execution a token belongs to, or undefined when it is not a token of this engine. */
export function executionOfToken(token: string): string | undefined {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { e?: unknown; n?: unknown };
    return typeof decoded.e === 'string' && typeof decoded.n === 'string' ? decoded.e : undefined;
  } catch {
    return undefined;
  }
}
