import { resolve } from 'node:path';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ApiWiring } from '../wiring/types.js';
import { addAlarmTopic } from './alarm-topic.js';
import { addWiringAlarms, notifyOnEveryAlarm } from './alarms.js';
import { ApiFirewall } from './api-firewall.js';
import { addGraphqlApi, realtimeUrlOf } from './api.js';
import type { WiringBundles } from './bundles.js';
import { addDashboard } from './dashboard.js';
import { addDataSources } from './data-sources.js';
import { deployedValues } from './deployed-values.js';
import type { LambdaBundles } from './lambda-bundles.js';
import { addLambdaFunctions } from './lambda-functions.js';
import { addQueues } from './queues.js';
import { addResolvers } from './resolvers.js';
import { grantDeclaredAccess } from './resource-grants.js';
import { checkResolversMatchSchema, loadApiSchema } from './schema.js';
import type { StageConfig } from './stage.js';
import { addStateMachines } from './state-machines.js';
import { addTables } from './tables.js';
import { OrderUserPool } from './user-pool.js';
import { deployWebApp } from './web-deployment.js';
import { WebHosting } from './web-hosting.js';

export interface OrderApiStackProps extends StackProps {
  /** The declaration `npm start` runs: tables, data sources, functions, resolvers, auth modes. */
  wiring: ApiWiring;
  /** The repository root: the wiring's paths are relative to it. */
  rootDir: string;
  /** Every code file of the wiring, bundled beforehand (bundleWiring): construction is synchronous. */
  bundles: WiringBundles;
  /** Every Lambda function of the wiring, bundled beforehand (bundleLambdas). */
  lambdaBundles: LambdaBundles;
  /** The web app's build output (index.html and assets for the base `/app/`), built beforehand like the bundles. */
  webDistDir: string;
  stage: StageConfig;
  callbackUrls: string[];
  logoutUrls: string[];
  authDomainPrefix?: string;
  /** Subscribed to the alarm topic (`-c alarmEmail=…`). */
  alarmEmail?: string;
}

/**
 * The order API on AWS, built from the same declaration as the local stack, in the order things depend on each
 * other: users, tables and queues, the API, data sources, functions and resolvers, the Lambda functions that call
 * the API, the state machines that invoke them, the grants of data sources and functions, then the web app: its
 * distribution, the app client whose callback URLs include the app's URL, and the upload of the app with the values
 * of the pool, client and API.
 */
export class OrderApiStack extends Stack {
  constructor(scope: Construct, id: string, props: OrderApiStackProps) {
    super(scope, id, props);
    const { wiring, rootDir, bundles, stage } = props;
    checkResolversMatchSchema(wiring, loadApiSchema(wiring, rootDir));

    const users = new OrderUserPool(this, 'Users', {
      retain: stage.retainUsers,
      ...(wiring.userPool ? { passwordPolicy: wiring.userPool.passwordPolicy } : {}),
      ...(props.authDomainPrefix ? { domainPrefix: props.authDomainPrefix } : {}),
    });
    const tables = addTables(this, wiring.tables);
    const tableRefs = new Map([...tables].map(([name, { table }]) => [name, table]));
    const queues = addQueues(this, wiring.queues ?? []);
    // Named by the stack, so their ARNs are known before they are built: the API's environment may name one whose
    // tasks call the API (state-machine-names.ts).
    const stateMachineNames = new Set((wiring.stateMachines ?? []).map((machine) => machine.name));
    const api = addGraphqlApi(this, {
      wiring,
      schemaFile: resolve(rootDir, wiring.schema),
      userPool: users.userPool,
      stage,
      environmentVariables: deployedValues(wiring.environment, { scope: this, queues, tables: tableRefs, stateMachines: stateMachineNames }),
    });
    const dataSources = addDataSources({ scope: this, api, tables }, wiring, bundles);
    addResolvers(this, api, wiring, dataSources, bundles);
    if (wiring.rateLimits) new ApiFirewall(this, 'Firewall', { api, rateLimits: wiring.rateLimits, stage });
    const functions = addLambdaFunctions(this, wiring.lambdaFunctions ?? [], {
      api,
      queues,
      bundles: props.lambdaBundles,
      logRetention: stage.logRetention,
      stateMachines: stateMachineNames,
    });
    // After the functions their tasks invoke; then the grants, which may name a state machine as well as a queue.
    const stateMachines = addStateMachines(this, wiring.stateMachines ?? [], {
      rootDir,
      stage,
      refs: { scope: this, queues, tables: tableRefs, api, functions, stateMachines: stateMachineNames },
    });
    grantDeclaredAccess(this, wiring, { dataSources, functions }, { queues, stateMachines });
    // Operating it (docs/operating.md): the wiring's alarms, all notifying one topic, and one dashboard.
    addWiringAlarms(this, wiring, { api, functions, stateMachines });
    const alarmTopic = addAlarmTopic(this, props.alarmEmail);
    const alarms = notifyOnEveryAlarm(this, alarmTopic);
    const dashboard = addDashboard(this, `${wiring.name}-${stage.name}`, { wiring, api, queues, functions, stateMachines, alarms });

    const web = new WebHosting(this, 'WebApp', {
      stage,
      endpoints: { graphqlUrl: api.graphqlUrl, realtimeUrl: realtimeUrlOf(api), region: this.region },
    });
    const client = users.addAppClient({
      callbackUrls: [...props.callbackUrls, web.url],
      logoutUrls: [...props.logoutUrls, web.url],
    });
    deployWebApp(this, 'WebAppDeployment', {
      hosting: web,
      distDir: props.webDistDir,
      config: {
        region: this.region,
        userPoolId: users.userPool.userPoolId,
        userPoolClientId: client.userPoolClientId,
        graphqlUrl: api.graphqlUrl,
        // The key's value reaches the app through config.json only: never a stack output, which anyone who may
        // describe the stack reads. Absent when the wiring has no API_KEY mode.
        ...(api.apiKey ? { apiKey: api.apiKey } : {}),
      },
      logRetention: stage.logRetention,
    });

    const outputs: Record<string, [string, string]> = {
      GraphQLUrl: [api.graphqlUrl, 'The GraphQL endpoint (HTTPS)'],
      RealtimeUrl: [realtimeUrlOf(api), 'The real-time endpoint for subscriptions (WSS)'],
      UserPoolId: [users.userPool.userPoolId, 'The Cognito user pool the API trusts'],
      UserPoolClientId: [client.userPoolClientId, 'The app client web and mobile apps sign in with'],
      Region: [this.region, 'The region of the API and the user pool'],
      AppUrl: [web.url, 'The web app (CloudFront), configured with the values above'],
      AlarmTopicArn: [alarmTopic.topicArn, 'The SNS topic every alarm notifies (subscribe on-call here)'],
      DashboardName: [dashboard.dashboardName, 'The CloudWatch dashboard of the API, the queues and the poller'],
    };
    // Every declared queue's URL and ARN, e.g. QueueOrdersDlqUrl: what `npm run redrive` takes on AWS.
    for (const [name, queue] of queues) {
      const id = `Queue${pascalCase(name)}`;
      outputs[`${id}Url`] = [queue.queueUrl, `The URL of the ${name} queue`];
      outputs[`${id}Arn`] = [queue.queueArn, `The ARN of the ${name} queue`];
    }
    for (const [name, [value, description]] of Object.entries(outputs)) new CfnOutput(this, name, { value, description });
  }
}

function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
