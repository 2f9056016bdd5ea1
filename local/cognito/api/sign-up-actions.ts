import { maskEmail } from '../confirmation-codes.js';
import {
  ConfirmationError,
  InvalidUserInputError,
  PasswordPolicyError,
  UserAttributeError,
  UserExistsError,
  UserNotFoundError,
} from '../errors.js';
import type { LocalUserPool } from '../user-pool.js';
import { attributeList, checkClient, checkConstraints, member } from './params.js';
import type { RequestBody } from './params.js';
import { CognitoServiceError, invalidParameter } from './service-error.js';

// Constraints of Username and Password in the SignUp API reference.
const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const PASSWORD = /^\S+.*\S+$/;

const codeDeliveryDetails = (maskedDestination: string) => ({
  AttributeName: 'email',
  DeliveryMedium: 'EMAIL',
  Destination: maskedDestination,
});

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
export function signUp(pool: LocalUserPool, body: RequestBody): unknown {
  const username = member(body, 'Username');
  const password = member(body, 'Password');
  checkConstraints('username', [
    [USERNAME.test(username), 'Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+'],
    [[...username].length <= 128, 'Member must have length less than or equal to 128'],
  ]);
  checkConstraints('password', [
    [PASSWORD.test(password), 'Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$'],
    [[...password].length <= 256, 'Member must have length less than or equal to 256'],
  ]);
  checkClient(pool, body);
  const attributes = attributeList(body, 'UserAttributes');
  // Only Lambda triggers read ValidationData (and ClientMetadata); the local pool has none, so it is only checked.
  attributeList(body, 'ValidationData');
  try {
    const { user, delivery } = pool.signUp.register(username, password, attributes);
    // No Session: Cognito gives one for signing in with USER_AUTH after confirmation, a flow the local pool lacks.
    return {
      ...(delivery === undefined ? {} : { CodeDeliveryDetails: codeDeliveryDetails(delivery.maskedDestination) }),
      UserConfirmed: false,
      UserSub: user.sub,
    };
  } catch (error) {
    if (error instanceof UserExistsError) throw new CognitoServiceError('UsernameExistsException', 'User already exists');
    if (error instanceof PasswordPolicyError) throw new CognitoServiceError('InvalidPasswordException', error.message);
    if (error instanceof UserAttributeError && error.reason === 'unauthorized') {
      throw new CognitoServiceError('NotAuthorizedException', error.message);
    }
    if (error instanceof UserAttributeError || error instanceof InvalidUserInputError) throw invalidParameter(error.message);
    throw error;
  }
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html
export function confirmSignUp(pool: LocalUserPool, body: RequestBody): unknown {
  const username = member(body, 'Username');
  const code = member(body, 'ConfirmationCode');
  checkClient(pool, body);
  try {
    pool.signUp.confirm(username, code);
    return {};
  } catch (error) {
    // The app client hides which users exist (PreventUserExistenceErrors, as InitiateAuth here does): an unknown
    // user is answered as a wrong code would be. Which error Cognito picks for it is not documented; this is a guess.
    if (error instanceof UserNotFoundError) {
      throw new CognitoServiceError('CodeMismatchException', 'Invalid verification code provided, please try again.');
    }
    throw confirmationFailure(error, 'NotAuthorizedException');
  }
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResendConfirmationCode.html
export function resendConfirmationCode(pool: LocalUserPool, body: RequestBody): unknown {
  const username = member(body, 'Username');
  checkClient(pool, body);
  try {
    return { CodeDeliveryDetails: codeDeliveryDetails(pool.signUp.resendCode(username).maskedDestination) };
  } catch (error) {
    // With PreventUserExistenceErrors Cognito answers an unknown user with a code "sent" to a simulated destination.
    if (error instanceof UserNotFoundError) return { CodeDeliveryDetails: codeDeliveryDetails(maskEmail(`${username}@example.com`)) };
    throw confirmationFailure(error, 'InvalidParameterException');
  }
}

/** The Cognito error for a refused confirmation; confirming and resending report an already confirmed user apart. */
function confirmationFailure(error: unknown, alreadyConfirmed: string): unknown {
  if (!(error instanceof ConfirmationError)) return error;
  const type = {
    'code-mismatch': 'CodeMismatchException',
    'code-expired': 'ExpiredCodeException',
    'already-confirmed': alreadyConfirmed,
    'no-destination': 'InvalidParameterException',
  }[error.reason];
  return new CognitoServiceError(type, error.message);
}
