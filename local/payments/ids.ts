import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** An object id as Stripe spells them: its prefix (`pi`, `ch`, `re`, `pm`), an underscore, 24 letters and digits. */
export function newId(prefix: 'pi' | 'ch' | 're' | 'pm'): string {
  return `${prefix}_${randomText(24)}`;
}

/** The id of one request, sent back in the `Request-Id` header (the SDK reports it as `requestId`). */
export function newRequestId(): string {
  return `req_${randomText(14)}`;
}

/** What Stripe.js would be given to confirm in a browser: `<intent id>_secret_<random>`. */
export function newClientSecret(intentId: string): string {
  return `${intentId}_secret_${randomText(25)}`;
}
