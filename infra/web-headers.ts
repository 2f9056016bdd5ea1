import { Duration, Fn } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/** What the app talks to besides its own origin: the API's two endpoints and Cognito's user-pool service. */
export interface AppEndpoints {
  /** `https://<id>.appsync-api.<region>.amazonaws.com/graphql`, known at deployment only. */
  graphqlUrl: string;
  /** `wss://<id>.appsync-realtime-api.<region>.amazonaws.com/graphql`, known at deployment only. */
  realtimeUrl: string;
  region: string;
}

/** Hashed file names (Vite's `[name]-[hash]`) change with their content, so a copy never goes stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html, config.json and unhashed files: the browser revalidates (S3's ETag makes that a 304) every time. */
export const REVALIDATE = 'no-cache';

/**
 * Everything the app loads comes from its own origin (Vite emits no inline script or style; small images and
 * fonts it inlines as data: URLs). Amplify calls the GraphQL endpoint over HTTPS, subscribes over the real-time
 * WebSocket, and signs in against cognito-idp: connect-src names exactly those.
 */
export function contentSecurityPolicy(endpoints: AppEndpoints): string {
  const connect = [
    "'self'",
    originOf(endpoints.graphqlUrl),
    originOf(endpoints.realtimeUrl),
    `https://cognito-idp.${endpoints.region}.amazonaws.com`,
  ];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The security headers of every response, with the caching the path calls for. The objects carry no
 * Cache-Control of their own: setting it here, per path, keeps the rule in one place whatever uploaded them.
 */
export function addResponseHeaders(scope: Construct, id: string, csp: string, cacheControl: string): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, id, {
    comment: `The web app's security headers, Cache-Control: ${cacheControl}`,
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
    },
    customHeadersBehavior: { customHeaders: [{ header: 'Cache-Control', value: cacheControl, override: true }] },
  });
}

/**
 * `scheme://host` of a URL resolved at deployment: a CSP source with a path matches that path only, and the
 * real-time client may add one.
 */
function originOf(url: string): string {
  const parts = Fn.split('/', url);
  return Fn.join('', [Fn.select(0, parts), '//', Fn.select(2, parts)]);
}
