import { Amplify } from 'aws-amplify';

/** Points the Amplify JS client at a local stack, as an app would with its endpoints (Amplify's config is global). */
export function configureAmplify(endpoints: Record<string, string>): void {
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: endpoints.userPoolId ?? '',
        userPoolClientId: endpoints.userPoolClientId ?? '',
        userPoolEndpoint: endpoints.cognito ?? '',
      },
    },
    API: { GraphQL: { endpoint: endpoints.graphql ?? '', region: endpoints.region ?? '', defaultAuthMode: 'userPool' } },
  });
}
