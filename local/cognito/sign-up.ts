import { timingSafeEqual } from 'node:crypto';
import { maskEmail, newConfirmation } from './confirmation-codes.js';
import type { CodeDelivery, PendingConfirmation } from './confirmation-codes.js';
import { ConfirmationError, PasswordPolicyError } from './errors.js';
import { passwordPolicyFailure } from './password-policy.js';
import type { PasswordPolicy } from './password-policy.js';
import { signUpAttributes } from './user-attributes.js';
import { isConfirmed } from './users.js';
import type { UserRecord, UserStore } from './users.js';

export type CodeDeliveryListener = (delivery: CodeDelivery) => void;

/** What a password becomes in users.json (the pool's hash and SRP verifier). */
type Credentials = (username: string, password: string) => Pick<UserRecord, 'passwordHash' | 'srp'>;

export interface SignUpResult {
  readonly user: UserRecord;
  /** Absent when the user gave no email: Cognito then sends no code either. */
  readonly delivery?: CodeDelivery;
}

/**
 * Self sign-up as Cognito's SignUp, ConfirmSignUp and ResendConfirmationCode do it, for a pool that verifies email
 * automatically. Codes are kept on the user in users.json, so they survive restarts; "sending" one tells the
 * listeners, since nothing is emailed offline.
 */
export class SignUpFlow {
  private readonly listeners = new Set<CodeDeliveryListener>();

  constructor(
    private readonly users: UserStore,
    private readonly credentials: Credentials,
    private readonly policy: PasswordPolicy,
  ) {}

  /** Calls `listener` with every code this process sends; returns the function that stops it. */
  onCodeDelivery(listener: CodeDeliveryListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Throws UserAttributeError, PasswordPolicyError, UserExistsError or InvalidUserInputError (the name). */
  register(username: string, password: string, attributes: readonly { name: string; value: string }[]): SignUpResult {
    const { email, attributes: others } = signUpAttributes(attributes);
    const failure = passwordPolicyFailure(password, this.policy);
    if (failure !== undefined) throw new PasswordPolicyError(failure);
    const confirmation = email === undefined ? undefined : newConfirmation();
    const user = this.users.create(username, {
      groups: [],
      ...this.credentials(username, password),
      ...(email === undefined ? {} : { email, emailVerified: false }),
      ...(Object.keys(others).length === 0 ? {} : { attributes: others }),
      status: 'UNCONFIRMED',
      ...(confirmation === undefined ? {} : { confirmation }),
    });
    return { user, ...(confirmation === undefined ? {} : { delivery: this.deliver(user, confirmation) }) };
  }

  /** Confirms the user, whose email becomes verified. Throws ConfirmationError or UserNotFoundError. */
  confirm(username: string, code: string): UserRecord {
    return this.users.update(username, (user) => {
      if (isConfirmed(user)) throw new ConfirmationError('already-confirmed', 'User cannot be confirmed. Current status is CONFIRMED');
      const pending = user.confirmation;
      if (!pending || !sameCode(pending.code, code)) {
        throw new ConfirmationError('code-mismatch', 'Invalid verification code provided, please try again.');
      }
      if (Date.parse(pending.expiresAt) <= Date.now()) {
        throw new ConfirmationError('code-expired', 'Invalid code provided, please request a code again.');
      }
      const { confirmation: _spent, ...rest } = user;
      return { ...rest, status: 'CONFIRMED', ...(user.email === undefined ? {} : { emailVerified: true }) };
    });
  }

  /** A fresh code, replacing the one before. Throws ConfirmationError or UserNotFoundError. */
  resendCode(username: string): CodeDelivery {
    const confirmation = newConfirmation();
    const user = this.users.update(username, (current) => {
      if (isConfirmed(current)) throw new ConfirmationError('already-confirmed', 'User is already confirmed.');
      // Our wording: a pool verifying email has nowhere to send the code of a user without one.
      if (current.email === undefined) throw new ConfirmationError('no-destination', 'The user has no email address to send a code to.');
      return { ...current, confirmation };
    });
    return this.deliver(user, confirmation);
  }

  private deliver(user: UserRecord, confirmation: PendingConfirmation): CodeDelivery {
    const destination = user.email ?? '';
    const delivery: CodeDelivery = Object.freeze({
      purpose: 'SIGN_UP',
      username: user.username,
      code: confirmation.code,
      deliveryMedium: 'EMAIL',
      attributeName: 'email',
      destination,
      maskedDestination: maskEmail(destination),
      expiresAt: new Date(confirmation.expiresAt),
    });
    for (const listener of this.listeners) {
      try {
        listener(delivery);
      } catch (error) {
        // The code is stored either way: a failing listener must not undo the sign-up the caller asked for.
        process.emitWarning(`A code delivery listener failed: ${String(error)}`);
      }
    }
    return delivery;
  }
}

function sameCode(expected: string, given: string): boolean {
  const [a, b] = [Buffer.from(expected), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
}
