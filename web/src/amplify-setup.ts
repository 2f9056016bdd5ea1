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
    // The API key (when the stage has one) lets visitors read the catalog signed out: calls ask for it by name
    // (authMode 'apiKey'); everything else goes with the signed-in user's tokens.
    API: { GraphQL: { endpoint: config.graphqlUrl, region: config.region, defaultAuthMode: 'userPool', ...(config.apiKey ? { apiKey: config.apiKey } : {}) } },
  });
}
