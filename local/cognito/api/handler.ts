import { isRecord } from '../file-store.js';
import type { LocalUserPool } from '../user-pool.js';
import { getTokensFromRefreshToken, initiateAuth, respondToAuthChallenge } from './auth-actions.js';
import type { RequestBody } from './params.js';
import { CognitoServiceError, errorResponse, jsonResponse } from './service-error.js';
import type { CognitoResponse } from './service-error.js';
import { getUser, globalSignOut, revokeToken } from './session-actions.js';
import { confirmSignUp, resendConfirmationCode, signUp } from './sign-up-actions.js';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

type Action = (pool: LocalUserPool, body: RequestBody) => unknown;

const ACTIONS: ReadonlyMap<string, Action> = new Map<string, Action>([
  ['InitiateAuth', initiateAuth],
  ['RespondToAuthChallenge', respondToAuthChallenge],
  ['GetTokensFromRefreshToken', getTokensFromRefreshToken],
  ['GetUser', getUser],
  ['GlobalSignOut', globalSignOut],
  ['RevokeToken', revokeToken],
  ['SignUp', signUp],
  ['ConfirmSignUp', confirmSignUp],
  ['ResendConfirmationCode', resendConfirmationCode],
]);

/**
 * Cognito's JSON API (AWS JSON 1.1) without a transport: `target` is the `X-Amz-Target` header, `body` the request
 * body as text (or already parsed). Never throws for a client's mistake; the answer carries Cognito's error shape.
 */
export async function handleCognitoRequest(
  pool: LocalUserPool,
  target: string | undefined,
  body: unknown,
): Promise<CognitoResponse> {
  try {
    const action = target?.startsWith(TARGET_PREFIX) ? ACTIONS.get(target.slice(TARGET_PREFIX.length)) : undefined;
    if (!action) throw new CognitoServiceError('UnknownOperationException', `Unknown operation ${target ?? '(no X-Amz-Target)'}`);
    return jsonResponse(await action(pool, parseBody(body)));
  } catch (error) {
    if (error instanceof CognitoServiceError) return errorResponse(error);
    const message = error instanceof Error ? error.message : String(error);
    return errorResponse(new CognitoServiceError('InternalErrorException', message, 500));
  }
}

function parseBody(body: unknown): RequestBody {
  let value = body;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    try {
      value = JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8')) as unknown;
    } catch {
      throw new CognitoServiceError('SerializationException', 'The request body is not valid JSON');
    }
  }
  if (!isRecord(value)) throw new CognitoServiceError('SerializationException', 'The request body must be a JSON object');
  return value;
}
