import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { APP_PATH } from './web-routing.js';
import type { WebHosting } from './web-hosting.js';

/**
 * What the app reads from `/app/config.json` at start, on AWS. The offline server's `userPoolEndpoint` is left
 * out on purpose: without it Amplify talks to Cognito itself.
 */
export interface WebAppConfig {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  graphqlUrl: string;
  /** The API key of the API_KEY mode (public catalog reads), when the API has one. */
  apiKey?: string;
}

/** Written into dist by web/build-app.ts to tell when the build is stale. */
const BUILD_STAMP = '.build-stamp.json';

export class WebAppNotBuiltError extends Error {
  override readonly name = 'WebAppNotBuiltError';
  constructor(readonly distDir: string) {
    super(`${distDir} holds no index.html: build the web app before synthesizing the stack`);
  }
}

export interface WebAppDeploymentProps {
  hosting: WebHosting;
  /** The web app's build output (index.html and its assets, built for the base `/app/`): ensureWebAppBuilt(). */
  distDir: string;
  config: WebAppConfig;
  /** How long the logs of CDK's upload handler are kept. */
  logRetention: RetentionDays;
}

/**
 * Uploads the built app under `app/` with a config.json of this stack's own values. They are tokens here;
 * the deployment's handler writes them in at deploy time, so one build serves every stage. Files the new build
 * no longer has are pruned, and the app's paths are invalidated at the edge.
 */
export function deployWebApp(scope: Construct, id: string, props: WebAppDeploymentProps): BucketDeployment {
  if (!existsSync(join(props.distDir, 'index.html'))) throw new WebAppNotBuiltError(props.distDir);
  // Key by key: a wider object (the offline config carries userPoolEndpoint) must not leak into the file.
  const config: WebAppConfig = {
    region: props.config.region,
    userPoolId: props.config.userPoolId,
    userPoolClientId: props.config.userPoolClientId,
    graphqlUrl: props.config.graphqlUrl,
    ...(props.config.apiKey === undefined ? {} : { apiKey: props.config.apiKey }),
  };
  return new BucketDeployment(scope, id, {
    // The stamp is build-app.ts's bookkeeping, not the app's: uploading it would also change the asset's hash,
    // and so redeploy, whenever the app is rebuilt to the same output.
    sources: [Source.asset(props.distDir, { exclude: [BUILD_STAMP] }), Source.jsonData('config.json', config)],
    destinationBucket: props.hosting.bucket,
    destinationKeyPrefix: APP_PATH.slice(1),
    distribution: props.hosting.distribution,
    distributionPaths: [`${APP_PATH}*`],
    logGroup: new LogGroup(scope, `${id}Logs`, { retention: props.logRetention }),
  });
}
