import { UserAttributeError } from './errors.js';

/** Cognito's standard attributes that an app client may write, less `email` (a field of its own in users.json). */
const WRITABLE = new Set([
  'address', 'birthdate', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name', 'nickname',
  'phone_number', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
]);
// Cognito sets these itself; an app client may not.
const READ_ONLY = new Set(['sub', 'email_verified', 'phone_number_verified']);

const EMAIL = /^[^@\s]+@[^@\s]+$/;
const PHONE_NUMBER = /^\+[0-9]{4,15}$/;

export interface SignUpAttributes {
  readonly email?: string;
  /** Every other standard attribute given, by name. */
  readonly attributes: Readonly<Record<string, string>>;
}

/**
 * The attributes of a sign-up, checked as a pool with no custom attributes checks them. Throws UserAttributeError
 * with Cognito's messages.
 */
export function signUpAttributes(given: readonly { readonly name: string; readonly value: string }[]): SignUpAttributes {
  let email: string | undefined;
  const attributes: Record<string, string> = {};
  for (const { name, value } of given) {
    if (READ_ONLY.has(name)) throw new UserAttributeError('unauthorized', 'A client attempted to write unauthorized attribute');
    if (name === 'email') {
      if (!EMAIL.test(value)) throw new UserAttributeError('invalid', 'Invalid email address format.');
      email = value;
    } else if (WRITABLE.has(name)) {
      if (name === 'phone_number' && !PHONE_NUMBER.test(value)) throw new UserAttributeError('invalid', 'Invalid phone number format.');
      attributes[name] = value;
    } else {
      throw new UserAttributeError('invalid', `Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.\n`);
    }
  }
  return { ...(email === undefined ? {} : { email }), attributes };
}
