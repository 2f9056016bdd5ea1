/** A user pool's password policy, as CloudFormation's `AWS::Cognito::UserPool PasswordPolicy` declares it. */
export interface PasswordPolicy {
  readonly minimumLength: number;
  readonly requireUppercase: boolean;
  readonly requireLowercase: boolean;
  readonly requireNumbers: boolean;
  readonly requireSymbols: boolean;
}

/** Cognito's default policy (min 8, upper, lower, number, symbol), for pools whose wiring declares none. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

// The Cognito guide's list of special characters; a space counts too, but never at either end (the API's own
// pattern already refuses those).
const SYMBOL = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/**
 * Why the password breaks the policy, in Cognito's words, or undefined when it does not. The messages are the ones
 * Cognito answers SignUp with; the order of the checks (which one a password failing several gets) is our guess.
 */
export function passwordPolicyFailure(password: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string | undefined {
  const checks: readonly (readonly [failed: boolean, reason: string])[] = [
    [[...password].length < policy.minimumLength, 'Password not long enough'],
    [policy.requireLowercase && !/[a-z]/.test(password), 'Password must have lowercase characters'],
    [policy.requireUppercase && !/[A-Z]/.test(password), 'Password must have uppercase characters'],
    [policy.requireNumbers && !/[0-9]/.test(password), 'Password must have numeric characters'],
    [policy.requireSymbols && !SYMBOL.test(password), 'Password must have symbol characters'],
  ];
  const reason = checks.find(([failed]) => failed)?.[1];
  return reason === undefined ? undefined : `Password did not conform with policy: ${reason}`;
}
