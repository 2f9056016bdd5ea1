import { Amplify } from 'aws-amplify';
import { installPlainWebSocketFor } from './local-websocket.js';
import type { RuntimeConfig } from './runtime-config.js';

/** Amplify as any AppSync web client configures it, from the stage's config.json. */
export function configureAmplify(config: RuntimeConfig): void {
  installPlainWebSocketFor(config.graphqlUrl);
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: config.userPoolId,
        userPoolClientId: config.userPoolClientId,
        ...(config.userPoolEndpoint ? { userPoolEndpoint: config.userPoolEndpoint } : {}),
      },
    },
    API: { GraphQL: { endpoint: config.graphqlUrl, region: config.region, defaultAuthMode: 'userPool' } },
  });
}
