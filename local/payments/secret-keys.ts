import { AuthenticationError } from './errors.js';

const NO_KEY =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";
const TEST_KEY = /^(sk|rk)_test_[A-Za-z0-9_]+$/;

/**
 * The secret key of a request, from `Authorization: Bearer <key>` (what the SDK sends) or Basic auth with the key
 * as user name (`curl -u sk_test_…:`). Any well-formed test-mode key is taken, since offline there is one account;
 * a live key is refused, so that one never goes anywhere near a machine's local endpoint unnoticed.
 */
export function secretKeyOf(authorization: string | undefined): string {
  const header = authorization?.trim() ?? '';
  if (header === '') throw new AuthenticationError(NO_KEY);
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
  const key = bearer ?? (basic === undefined ? undefined : Buffer.from(basic, 'base64').toString('utf8').split(':')[0]);
  if (!key) throw new AuthenticationError(NO_KEY);
  if (TEST_KEY.test(key)) return key;
  if (/^(sk|rk)_live_/.test(key)) throw new AuthenticationError('The local payments endpoint takes test-mode keys only (sk_test_…), and was sent a live key: use a test key offline.');
  if (key.startsWith('pk_')) {
    throw new AuthenticationError('This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.');
  }
  throw new AuthenticationError(`Invalid API Key provided: ${mask(key)}`);
}

/** As Stripe shows a wrong key: its start and its last four characters. */
function mask(key: string): string {
  if (key.length <= 12) return key.replace(/.(?=.{4})/g, '*');
  return `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}`;
}
