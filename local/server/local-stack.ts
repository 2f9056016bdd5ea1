import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ApiWiring, DataSourceDecl } from '../../wiring/types.js';
import { ApiKeyStore } from '../api-keys/api-key-store.js';
import { AppSyncJsRuntime } from '../appsync-js/runtime.js';
import type { CodeDelivery } from '../cognito/confirmation-codes.js';
import { LocalUserPool } from '../cognito/user-pool.js';
import { executeDynamoDbRequest } from '../dynamodb/data-source.js';
import { type DynaliteServer, ensureTables, startDynalite } from '../dynamodb/dynalite-server.js';
import { apiKeyAuthenticator } from '../engine/api-key-authenticator.js';
import { cognitoAuthenticator } from '../engine/cognito-authenticator.js';
import { type DataSource, noneDataSource } from '../engine/data-sources.js';
import { iamAuthenticator } from '../engine/iam-authenticator.js';
import type { Authenticator } from '../engine/request-auth.js';
import { httpDataSource } from '../http/http-data-source.js';
import { loadOrCreateLocalPrincipal } from '../http/local-credentials.js';
import { type LocalFunctions, startLocalFunctions } from '../lambda/local-functions.js';
import type { LocalQueueOptions } from '../lambda/local-queue-options.js';
import { createLocalPayments, type LocalPayments, type PaymentsClock, servePaymentsOn } from '../payments/local-payments.js';
import { resolveDeployedValue, resolveEnvironment } from '../sqs/deployed-values.js';
import { type LocalSqs, startLocalSqs } from '../sqs/local-sqs.js';
import { queueUrlKey } from '../sqs/queue-names.js';
import type { Clock } from '../stepfunctions/clock.js';
import { stepFunctionsDataSource } from '../stepfunctions/in-process-sfn.js';
import { createLocalStepFunctions, type LocalStepFunctions } from '../stepfunctions/local-step-functions.js';
import { localStateMachineArn } from '../stepfunctions/step-functions-engine.js';
import { loadApi, WiringError } from '../engine/load-api.js';
import type { LocalApi } from '../engine/local-api.js';
import { SubscriptionEngine } from '../engine/subscriptions/index.js';
import type { RealtimeOptions } from '../realtime/options.js';
import { realtimeEndpoint } from '../realtime/ws-adapter.js';
import { explorerHandler, type ExplorerOptions } from './explorer.js';
import { graphqlHandler } from './graphql-handler.js';
import { createHttpServer } from './http-server.js';
import { selfSignedCertificate } from './tls-certificate.js';
import { trustInThisThread } from './trust-certificate.js';
import { webAppHandler, type WebAppOptions, webAppPath } from './web-app.js';

export interface LocalStackOptions {
  /** Where the API's sources (schema, resolvers) live. */
  rootDir: string;
  wiring: ApiWiring;
  /** Persistent state: DynamoDB tables, the user pool's keys and users. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Title and first query of the explorer page. */
  explorer?: ExplorerOptions;
  /** Serve HTTPS and WSS with a self-signed certificate kept under `dataDir/tls/` (Amplify JS insists on wss://). */
  tls?: boolean;
  /** Real-time endpoint timings and limits (AppSync's by default). */
  realtime?: Partial<RealtimeOptions>;
  /** The declared queues and Lambda functions: timings, environment, fault injection (tests). */
  queues?: LocalQueueOptions;
  /** A built web app to serve (at `/app/` by default) with a `config.json` pointing at this stack's endpoints. */
  webApp?: WebAppOptions;
  /**
   * Where the user pool's confirmation codes go, since nothing is emailed offline: one line on stdout by default,
   * `false` for none. `stack.pool.onCodeDelivery` adds listeners after the start.
   */
  onCodeDelivery?: ((delivery: CodeDelivery) => void) | false;
  /** The clock API keys expire by (milliseconds since the epoch); tests move it. */
  clock?: () => number;
  /** The clock every Step Functions timer reads (Wait, TimeoutSeconds, HeartbeatSeconds, retries); tests move it. */
  stepFunctionsClock?: Clock;
  /** The clock of the local payments endpoint (authorizations expire after 7 days on it); tests move it. */
  paymentsClock?: PaymentsClock;
}

/** The port asked for is taken: by another server, or by an earlier `npm start` that is still running. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`Port ${port} on ${host} is already in use (another npm start still running?): stop that server, or choose another port with PORT=`);
  }
}

export interface LocalStack {
  url: string;
  port: number;
  pool: LocalUserPool;
  api: LocalApi;
  /** The embedded DynamoDB, for tools that talk to it directly (benchmarks, inspection). */
  dynamodb: DynaliteServer;
  endpoints: Record<string, string>;
  /** AppSync's subscriptions on this API (the real-time endpoint's engine). */
  subscriptions: SubscriptionEngine;
  /** The embedded SQS when the wiring declares queues. */
  sqs?: LocalSqs;
  /** The API's keys (kept under the data dir) when the wiring declares the API_KEY mode. */
  apiKeys?: ApiKeyStore;
  /** The local Step Functions when the wiring declares state machines. */
  stepFunctions?: LocalStepFunctions;
  /** The local Stripe API (PaymentIntents, Refunds, the ledger) when the wiring declares payments. */
  payments?: LocalPayments;
  close(): Promise<void>;
}

/** Starts the whole API offline in this process: dynalite, the user pool, the runtime and the HTTP endpoints. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  mkdirSync(options.dataDir, { recursive: true });
  const dynamo = await startDynalite({ path: join(options.dataDir, 'dynamodb') });
  const runtime = new AppSyncJsRuntime();
  let sqs: LocalSqs | undefined;
  let functions: LocalFunctions | undefined;
  let stepFunctions: LocalStepFunctions | undefined;
  try {
    await ensureTables(dynamo.client, '', options.wiring.tables);
    const pool = await LocalUserPool.open(options.dataDir, options.wiring.userPool ? { passwordPolicy: options.wiring.userPool.passwordPolicy } : {});
    if (options.onCodeDelivery !== false) pool.onCodeDelivery(options.onCodeDelivery ?? printCodeDelivery);
    // One local IAM principal signs for AppSync's data source role and the functions' roles, and is what @aws_iam accepts.
    const principal = loadOrCreateLocalPrincipal(options.dataDir);
    sqs = options.wiring.queues?.length
      ? await startLocalSqs({ dataDir: options.dataDir, region: pool.region, credentials: principal, queues: options.wiring.queues, ...visibility(options.queues) })
      : undefined;
    const tableNameOf = (name: string): string => name;
    let graphqlUrl: (() => string) | undefined;
    const declaredMachines = new Set((options.wiring.stateMachines ?? []).map((machine) => machine.name));
    const stateMachineArn = (name: string): string | undefined => (declaredMachines.has(name) ? localStateMachineArn(pool.region, principal.accountId, name) : undefined);
    const local = { region: pool.region, ...(sqs ? { sqs } : {}), graphqlUrl: () => graphqlUrl?.() ?? '', stateMachineArn };
    // Definitions are loaded and checked (asl-validator) before anything listens: a bad file stops the start.
    stepFunctions = options.wiring.stateMachines?.length
      ? createLocalStepFunctions({
          rootDir: options.rootDir,
          dataDir: options.dataDir,
          wiring: options.wiring,
          region: pool.region,
          principal,
          resolveValue: (value) => resolveDeployedValue(value, local),
          ...(options.stepFunctionsClock ? { clock: options.stepFunctionsClock } : {}),
          ...(options.queues?.functionEnv ? { functionEnv: options.queues.functionEnv } : {}),
        })
      : undefined;
    const makeDataSource = (decl: DataSourceDecl): DataSource => {
      if (decl.type === 'NONE') return noneDataSource;
      if (decl.type === 'AMAZON_DYNAMODB') return (request) => executeDynamoDbRequest(dynamo.client, tableNameOf(decl.table), request, tableNameOf);
      if (decl.type === 'HTTP') {
        if (typeof decl.endpoint !== 'string' && decl.endpoint.awsService === 'states') {
          if (!stepFunctions) throw new WiringError(`${decl.name} calls Step Functions, but the wiring declares no state machines`);
          return stepFunctionsDataSource(stepFunctions, decl.signing && { service: decl.signing.service, region: decl.signing.region ?? pool.region, credentials: principal });
        }
        if (typeof decl.endpoint !== 'string' && decl.endpoint.awsService !== 'sqs') throw new WiringError(`No local ${decl.endpoint.awsService} for ${decl.name}`);
        const endpoint = typeof decl.endpoint === 'string' ? decl.endpoint : sqs?.endpoint;
        if (!endpoint) throw new WiringError(`${decl.name} calls SQS, but the wiring declares no queues`);
        const signing = decl.signing && { service: decl.signing.service, region: decl.signing.region ?? pool.region, credentials: principal };
        const dispatch = sqs && endpoint === sqs.endpoint ? { dispatch: sqs.dispatch } : {};
        return httpDataSource({ endpoint, ...(signing ? { signing } : {}), ...dispatch });
      }
      const unknown = decl as { type: string; name: string };
      throw new WiringError(`The local runtime has no ${unknown.type} data source yet (${unknown.name})`);
    };
    const api = await loadApi(options.rootDir, options.wiring, runtime, makeDataSource, resolveEnvironment(options.wiring.environment, { region: pool.region, ...(sqs ? { sqs } : {}), stateMachineArn }));
    const { auth } = options.wiring;
    const declares = (type: string): boolean => [auth.default, ...auth.additional].some((mode) => mode.type === type);
    const apiKeys = declares('API_KEY') ? new ApiKeyStore(options.dataDir, options.clock) : undefined;
    // First: a request carrying x-api-key is in API_KEY mode even with an Authorization (api-key-authenticator.ts).
    const authenticators: Authenticator[] = [...(apiKeys ? [apiKeyAuthenticator(apiKeys)] : []), cognitoAuthenticator(pool)];
    if (declares('AWS_IAM')) authenticators.push(iamAuthenticator([principal], { region: pool.region }));
    const apiKey = (): string | undefined => apiKeys?.current()?.id;
    const tls = options.tls ? await selfSignedCertificate(options.dataDir, options.host) : undefined;
    if (tls) trustInThisThread(tls.cert);
    const subscriptions = new SubscriptionEngine(api);
    const realtime = realtimeEndpoint(subscriptions, authenticators, options.realtime);
    let endpoints: Record<string, string> = {};
    const server = createHttpServer({
      graphql: graphqlHandler(api, authenticators),
      explorer: explorerHandler(() => endpoints, { ...options.explorer, ...(apiKeys ? { apiKey } : {}) }),
      health: () => ({ status: 'ok', ...endpoints }),
      pool,
      upgrades: { '/graphql/realtime': realtime.handleUpgrade },
      ...(options.webApp ? { webApp: { path: webAppPath(options.webApp), handler: webAppHandler(options.webApp, () => endpoints, apiKey) } } : {}),
      ...(stepFunctions ? { services: { [stepFunctions.path]: stepFunctions.handle } } : {}),
    }, tls);
    const payments = options.wiring.payments ? createLocalPayments({ dataDir: options.dataDir, ...(options.paymentsClock ? { clock: options.paymentsClock } : {}) }) : undefined;
    if (payments) servePaymentsOn(server, payments);
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.host ?? '127.0.0.1', options.port) : error));
      server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const loopback = !options.host || ['127.0.0.1', '0.0.0.0', 'localhost', '::'].includes(options.host);
    const url = `${tls ? 'https' : 'http'}://${loopback ? 'localhost' : options.host}:${port}`;
    endpoints = {
      graphql: `${url}/graphql`,
      realtime: `${url.replace(/^http/, 'ws')}/graphql/realtime`,
      cognito: `${url}/cognito`,
      jwks: `${url}${pool.jwksPath}`,
      userPoolId: pool.poolId,
      userPoolClientId: pool.clientId,
      region: pool.region,
      issuer: pool.issuer,
      dynamodb: dynamo.endpoint,
      ...(tls ? { certificate: tls.certPath } : {}),
      ...queueEndpoints(sqs, options.wiring),
      ...(stepFunctions ? { stepfunctions: `${url}${stepFunctions.path}` } : {}),
      // The Stripe SDK takes a host and port (its paths start with /v1/), so the server's own URL.
      ...(payments ? { payments: url } : {}),
      ...(options.webApp ? { app: `${url}${webAppPath(options.webApp)}` } : {}),
    };
    graphqlUrl = () => `${url}/graphql`;
    stepFunctions?.listening(url);
    functions = sqs && options.queues?.startFunctions !== false
      ? await startLocalFunctions({
          rootDir: options.rootDir,
          functions: options.wiring.lambdaFunctions ?? [],
          sqs,
          principal,
          resolveValue: (value) => resolveDeployedValue(value, local),
          concurrency: options.queues?.concurrency ?? 2,
          ...(tls ? { trustedCertificates: [tls.cert] } : {}),
          ...functionOptions(options.queues),
        })
      : undefined;
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        // The functions call the API: they stop (finishing the batches in hand) while it still answers.
        await functions?.stop();
        await stepFunctions?.close();
        // Upgraded sockets are no longer the HTTP server's: they would keep server.close() waiting.
        realtime.close();
        subscriptions.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        payments?.close();
        await runtime.close();
        await sqs?.close();
        await dynamo.close();
      })();
      return closing;
    };
    return { url, port, pool, api, dynamodb: dynamo, endpoints, subscriptions, ...(sqs ? { sqs } : {}), ...(apiKeys ? { apiKeys } : {}), ...(stepFunctions ? { stepFunctions } : {}), ...(payments ? { payments } : {}), close };
  } catch (error) {
    await functions?.stop();
    await stepFunctions?.close();
    await runtime.close();
    await sqs?.close();
    await dynamo.close();
    throw error;
  }
}

/** The log line standing in for Cognito's email. */
function printCodeDelivery(delivery: CodeDelivery): void {
  process.stdout.write(`Cognito (local): confirmation code for ${delivery.username}: ${delivery.code} (would be emailed to ${delivery.destination})\n`);
}

function visibility(queues: LocalQueueOptions | undefined): { visibilityTimeoutSeconds?: number } {
  return queues?.visibilityTimeoutSeconds !== undefined ? { visibilityTimeoutSeconds: queues.visibilityTimeoutSeconds } : {};
}

function functionOptions(queues: LocalQueueOptions | undefined) {
  return {
    ...(queues?.functionTimeoutSeconds !== undefined ? { timeoutSeconds: queues.functionTimeoutSeconds } : {}),
    ...(queues?.functionEnv ? { env: queues.functionEnv } : {}),
    ...(queues?.wrapHandler ? { wrap: queues.wrapHandler } : {}),
    ...(queues?.log ? { log: queues.log } : {}),
  };
}

/** The local SQS endpoint and each declared queue's URL, for /health and the start banner. */
function queueEndpoints(sqs: LocalSqs | undefined, wiring: ApiWiring): Record<string, string> {
  if (!sqs) return {};
  return { sqs: sqs.endpoint, ...Object.fromEntries((wiring.queues ?? []).map((q) => [queueUrlKey(q.name), sqs.queueUrl(q.name)])) };
}
