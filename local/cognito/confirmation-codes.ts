import { randomInt } from 'node:crypto';

/** Cognito's sign-up codes are valid for 24 hours. */
export const CODE_VALIDITY_MS = 24 * 60 * 60 * 1000;

/** A sign-up code awaiting ConfirmSignUp, as users.json keeps it. */
export interface PendingConfirmation {
  // In clear: hashing cannot protect a six-digit code, which is short-lived and printed in the log anyway.
  readonly code: string;
  readonly expiresAt: string;
}

/** A code the pool would have sent: what Cognito would email, for the log and for tests. */
export interface CodeDelivery {
  readonly purpose: 'SIGN_UP';
  readonly username: string;
  readonly code: string;
  readonly deliveryMedium: 'EMAIL';
  readonly attributeName: 'email';
  /** The full address, which Cognito's answers never show. */
  readonly destination: string;
  /** The address as Cognito's answers show it in CodeDeliveryDetails. */
  readonly maskedDestination: string;
  readonly expiresAt: Date;
}

export function newConfirmation(now = Date.now()): PendingConfirmation {
  return { code: String(randomInt(1_000_000)).padStart(6, '0'), expiresAt: new Date(now + CODE_VALIDITY_MS).toISOString() };
}

/**
 * `alice@example.com` → `a***@e***`. Not documented: the form seen in answers Cognito gave to SignUp in public
 * projects' captures (first character of each side, the rest starred, the top-level domain dropped).
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const [local, domain] = [email.slice(0, Math.max(at, 0)), email.slice(at + 1)];
  return `${[...local][0] ?? ''}***@${[...domain][0] ?? ''}***`;
}
