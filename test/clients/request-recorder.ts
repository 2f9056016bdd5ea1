import { vi } from 'vitest';

export interface RecordedRequest {
  /** The path under the stack's URL, e.g. `/cognito` or `/graphql`. */
  path: string;
  headers: Headers;
  body: unknown;
  status: number;
  response: unknown;
}

export interface CognitoCall {
  /** The operation from `X-Amz-Target`, without the service prefix. */
  operation: string;
  request: Record<string, unknown>;
  status: number;
  response: Record<string, unknown>;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

function urlOf(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Watches what Amplify sends to the local stack and what it gets back, by wrapping the global `fetch` it calls.
 * Amplify hides some answers (signOut swallows a failed RevokeToken), so the tests read them here.
 */
export function recordRequests(baseUrl: string) {
  const requests: RecordedRequest[] = [];
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const response = await realFetch(input, init);
    const url = urlOf(input);
    if (url.startsWith(`${baseUrl}/`)) {
      requests.push({
        path: url.slice(baseUrl.length),
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? parseJson(init.body) : init?.body,
        status: response.status,
        response: parseJson(await response.clone().text()),
      });
    }
    return response;
  });
  const cognitoCalls = (): CognitoCall[] =>
    requests.flatMap((request) => {
      const target = request.headers.get('x-amz-target');
      if (request.path !== '/cognito' || !target?.startsWith(TARGET_PREFIX)) return [];
      return [
        {
          operation: target.slice(TARGET_PREFIX.length),
          request: request.body as Record<string, unknown>,
          status: request.status,
          response: request.response as Record<string, unknown>,
        },
      ];
    });
  return {
    requests,
    cognitoCalls,
    operations: () => cognitoCalls().map((call) => call.operation),
    clear: () => void requests.splice(0),
    restore: () => spy.mockRestore(),
  };
}
