import { FunctionCode, FunctionRuntime, Function as ViewerFunction } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/** Where the web app lives on its domain: Vite builds it with `base: '/app/'`. */
export const APP_PATH = '/app/';

/**
 * Viewer-request routing for the app, as CloudFront Functions JavaScript (runtime 2.0). `/` and `/app` redirect to
 * `/app/`; a path under `/app/` whose last segment has no dot is a client-side route (a deep link such as
 * `/app/orders/42`) and gets `index.html`. Anything with a dot is a file and goes to S3 as asked, so a missing
 * asset stays an error instead of turning into HTML. Rewriting here rather than with the distribution's error
 * responses keeps those responses for real errors (S3 answers 403 for missing keys behind OAC).
 */
export const ROUTING_CODE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/' || uri === '${APP_PATH.slice(0, -1)}') {
    return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '${APP_PATH}' } } };
  }
  if (uri.startsWith('${APP_PATH}') && uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    request.uri = '${APP_PATH}index.html';
  }
  return request;
}
`;

export function addRoutingFunction(scope: Construct, id: string): ViewerFunction {
  return new ViewerFunction(scope, id, {
    code: FunctionCode.fromInline(ROUTING_CODE),
    // Named explicitly: without the feature flag, CDK's default is the older 1.0 runtime.
    runtime: FunctionRuntime.JS_2_0,
    comment: 'Redirects / to the app and serves index.html for its client-side routes',
  });
}
