import { randomUUID } from 'node:crypto';

export interface CognitoResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** An error in Cognito's wire shape: HTTP 400, `__type` in the body and in `x-amzn-errortype`. */
export class CognitoServiceError extends Error {
  override readonly name = 'CognitoServiceError';
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const notAuthorized = (message = 'Incorrect username or password.') =>
  new CognitoServiceError('NotAuthorizedException', message);

export const invalidParameter = (message: string) => new CognitoServiceError('InvalidParameterException', message);

export function jsonResponse(body: unknown, status = 200, extraHeaders: Record<string, string> = {}): CognitoResponse {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID(), ...extraHeaders },
    body: JSON.stringify(body),
  };
}

export function errorResponse(error: CognitoServiceError): CognitoResponse {
  return jsonResponse({ __type: error.type, message: error.message }, error.status, { 'x-amzn-errortype': error.type });
}
