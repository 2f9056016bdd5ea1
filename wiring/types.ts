/**
 * The declaration of an AppSync API, read by both `local/` (to run it) and `infra/` (to deploy it):
 * schema, auth modes, tables, data sources, functions and resolvers. Nothing in it is specific to orders.
 */
export type KeyType = 'S' | 'N' | 'B';

export interface KeyAttribute {
  name: string;
  type: KeyType;
}

export interface IndexDecl {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /** Only ALL projections are declared so far. */
  projection: 'ALL';
}

export interface TableDecl {
  /** Logical name; the deployed table name is derived from it. */
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  globalSecondaryIndexes?: IndexDecl[];
}

export type AuthMode =
  | { type: 'AMAZON_COGNITO_USER_POOLS' }
  | { type: 'AWS_IAM' }
  | { type: 'API_KEY' };

export type DataSourceDecl =
  | { name: string; type: 'AMAZON_DYNAMODB'; table: string }
  | { name: string; type: 'NONE' }
  | HttpDataSourceDecl;

/**
 * An HTTP data source. `endpoint` is a URL, or `{ awsService }` for an AWS service's regional endpoint
 * (`https://<service>.<region>.amazonaws.com` on AWS, the embedded emulator locally). With `signing`, AppSync signs
 * every request with SigV4 as the data source's service role; `grants` are what that role may do.
 */
export interface HttpDataSourceDecl {
  name: string;
  type: 'HTTP';
  endpoint: string | { awsService: string };
  /** `region` defaults to the stack's region. */
  signing?: { service: string; region?: string };
  grants?: ResourceGrant[];
}

/**
 * IAM actions a data source's or a function's role may take on one declared resource: a queue
 * (`{ queue: 'orders', actions: ['sqs:SendMessage'] }`) or a state machine
 * (`{ stateMachine: 'journey', actions: ['states:StartExecution'] }`). Offline nothing checks them (docs/offline.md).
 */
export type ResourceGrant = QueueGrant | StateMachineGrant;

export interface QueueGrant {
  queue: string;
  actions: string[];
}

/**
 * What may be done with a state machine: start or read its executions, stop them, or answer its callback tasks
 * (SendTask*, with a task token one of its executions issued). Anything else is refused at synthesis.
 */
export type StateMachineAction =
  | 'states:StartExecution'
  | 'states:DescribeStateMachine'
  | 'states:ListExecutions'
  | 'states:DescribeExecution'
  | 'states:GetExecutionHistory'
  | 'states:StopExecution'
  | 'states:SendTaskSuccess'
  | 'states:SendTaskFailure'
  | 'states:SendTaskHeartbeat';

export interface StateMachineGrant {
  stateMachine: string;
  actions: StateMachineAction[];
}

/**
 * A value known only once deployed: a literal, the API's GraphQL URL, a queue's URL or ARN, a table's name, a state
 * machine's ARN, or the region. Used for AppSync environment variables (`ctx.env`) and Lambda environment variables
 * alike.
 */
export type DeployedValue =
  | string
  | { ref: 'graphqlUrl' }
  | { ref: 'region' }
  | { ref: 'queueUrl'; queue: string }
  | { ref: 'queueArn'; queue: string }
  /** A declared table's name, for the batch and transaction requests of resolvers (they name their tables). */
  | { ref: 'tableName'; table: string }
  /**
   * A declared state machine's ARN, for StartExecution (`arn:aws:states:<region>:<account>:stateMachine:<name>`):
   * locally the machine the local Step Functions runs; on AWS the deployed one, whose name is derived from the
   * stack's (infra/state-machine-names.ts), so that the API may name a machine whose tasks call the API.
   */
  | { ref: 'stateMachineArn'; stateMachine: string };

/**
 * A CloudWatch alarm on one of a queue's AWS/SQS metrics (statistic Maximum over `periodSeconds`), raised when the
 * metric is at or above `threshold` for `evaluationPeriods` periods; missing data does not breach.
 * ApproximateNumberOfMessagesVisible counts the messages waiting (for a dead-letter queue: failures), and
 * ApproximateAgeOfOldestMessage is how long, in seconds, the oldest one has waited (a backlog not draining).
 */
export interface QueueAlarmDecl {
  metric: 'ApproximateNumberOfMessagesVisible' | 'ApproximateAgeOfOldestMessage';
  threshold: number;
  evaluationPeriods: number;
  periodSeconds: number;
  description: string;
}

/**
 * An SQS queue. A FIFO queue's deployed name ends in `.fifo` (its dead-letter queue must be FIFO too).
 * `deadLetter` is the redrive policy; `alarm` asks for a CloudWatch alarm on one of the queue's metrics.
 */
export interface QueueDecl {
  name: string;
  fifo?: boolean;
  /** Seconds; on AWS at least 6 times the timeout of the function that consumes the queue. */
  visibilityTimeoutSeconds: number;
  retentionPeriodSeconds?: number;
  deadLetter?: { queue: string; maxReceiveCount: number };
  alarm?: QueueAlarmDecl;
}

/**
 * A CloudWatch alarm on one of a resource's own metrics (AWS/AppSync for the API, AWS/Lambda for a function):
 * raised when the statistic over `periodSeconds` is at or above `threshold` for `evaluationPeriods` periods in a
 * row; missing data does not breach. `description` says what it means and what to do (docs/operating.md).
 */
export interface MetricAlarmDecl<Metric extends string> {
  metric: Metric;
  statistic: 'Sum' | 'Maximum' | 'p99';
  threshold: number;
  evaluationPeriods: number;
  periodSeconds: number;
  description: string;
}

/** The API's alarms: AppSync's server errors and latency (milliseconds). */
export type ApiAlarmDecl = MetricAlarmDecl<'5XXError' | 'Latency'>;

/** A function's alarms: failed invocations (not partial batch failures) and throttled ones. */
export type FunctionAlarmDecl = MetricAlarmDecl<'Errors' | 'Throttles'>;

/** A custom metric a function publishes, as the dashboard graphs it. */
export interface GraphedMetricDecl {
  name: string;
  label: string;
  statistic: 'Sum' | 'p50' | 'p99' | 'Maximum';
}

/**
 * Custom metrics a function publishes with Powertools Metrics (EMF on stdout, dimension `service` = its
 * POWERTOOLS_SERVICE_NAME): the namespace is declared here only, given to the function as
 * POWERTOOLS_METRICS_NAMESPACE, and `graphs` are what the dashboard shows of them.
 */
export interface FunctionMetricsDecl {
  namespace: string;
  graphs: { title: string; metrics: GraphedMetricDecl[] }[];
}

/** Lambda's SQS event source mapping. */
export interface SqsEventSourceDecl {
  queue: string;
  batchSize: number;
  maxBatchingWindowSeconds?: number;
  /** FunctionResponseTypes: ['ReportBatchItemFailures']. */
  reportBatchItemFailures: boolean;
  /**
   * ScalingConfig.MaximumConcurrency (2 to 1000 on AWS): at most this many invocations at once; on a FIFO queue
   * also at most one per active message group. Offline, the local mapping runs the same number side by side.
   */
  maxConcurrency?: number;
}

/**
 * A Lambda function: `entry` (relative to the repository root) exports `handler` for AWS; the local runner calls
 * its `createHandler(env)` instead, so several in-process functions each get their own environment.
 * `graphqlAccess` lists the API fields its role may call with SigV4 (appsync:GraphQL).
 */
export interface LambdaFunctionDecl {
  name: string;
  entry: string;
  runtime: 'nodejs22.x';
  memorySize: number;
  timeoutSeconds: number;
  environment: Record<string, DeployedValue>;
  graphqlAccess?: { typeName: string; fieldName: string }[];
  eventSources?: SqsEventSourceDecl[];
  metrics?: FunctionMetricsDecl;
  alarms?: FunctionAlarmDecl[];
  /** What its role may do with declared queues and state machines (e.g. start an execution). */
  grants?: ResourceGrant[];
}

/**
 * A value substituted into a state machine's definition: a deployed value, or the ARN of a declared Lambda function
 * (`arn:aws:lambda:<region>:<account>:function:<name>` locally; the deployed function's ARN on AWS).
 */
export type DefinitionValue = DeployedValue | { ref: 'functionArn'; function: string };

/**
 * A Step Functions state machine (Standard, JSONPath): one ASL file that `infra/` deploys with
 * `DefinitionBody.fromFile(definition)` and `definitionSubstitutions`, and that `local/stepfunctions/` runs.
 * The file writes `${Key}` where a value is known only once deployed; `definitionSubstitutions` says what each
 * key stands for. `invokes` lists the declared Lambda functions its tasks may call (lambda:InvokeFunction on the
 * state machine's role; offline, the only functions a task may name). Deployed as a Standard workflow, logged and
 * traced (docs/deploying.md, "State machines").
 */
export interface StateMachineDecl {
  /** Logical name; locally also the state machine's name in its ARN. */
  name: string;
  /** The ASL file, relative to the repository root (`*.asl.json`). */
  definition: string;
  definitionSubstitutions?: Record<string, DefinitionValue>;
  invokes?: string[];
  /** Alarms on its executions and on what its tasks' functions count; each notifies the stack's alarm topic. */
  alarms?: StateMachineAlarmDecl[];
}

/**
 * An alarm of a state machine: on one of its own AWS/States metrics (executions that failed, timed out, were
 * aborted or throttled), or, with `publishedBy`, on a custom metric one of the functions it invokes publishes (that
 * function's declared `metrics`: its namespace, dimension `service`), such as how its executions ended.
 */
export type StateMachineAlarmDecl = ExecutionAlarmDecl | PublishedMetricAlarmDecl;

export type ExecutionAlarmDecl = MetricAlarmDecl<'ExecutionsFailed' | 'ExecutionsTimedOut' | 'ExecutionsAborted' | 'ExecutionThrottled'>;

export interface PublishedMetricAlarmDecl extends MetricAlarmDecl<string> {
  /** The declared Lambda function that publishes the metric; it must be one the state machine `invokes`. */
  publishedBy: string;
}

/** A pipeline function or a unit resolver: a code file (under resolvers/) bound to a data source. */
export interface FunctionDecl {
  name: string;
  dataSource: string;
  /** Path relative to the repository root. */
  code: string;
}

export type ResolverDecl =
  | { typeName: string; fieldName: string; kind: 'UNIT'; dataSource: string; code: string }
  | { typeName: string; fieldName: string; kind: 'PIPELINE'; functions: string[]; code: string };

/**
 * AppSync's per-request limits (QueryDepthLimit, ResolverCountLimit), deployed by `infra/` and enforced by `local/`
 * as the guide describes: a field deeper than `queryDepth` fails with QueryDepthLimitReached, and each resolver
 * invocation past `resolverCount` fails with ResolverExecutionLimitReached instead of running.
 */
export interface RequestLimits {
  /** 1 to 75 nested levels; a root field is level 1. Unset: no limit. */
  queryDepth?: number;
  /** 1 to 10000 resolver invocations per request. Unset: 10000, AppSync's default. */
  resolverCount?: number;
}

/**
 * Request rates per client, enforced on AWS by a WAF web ACL in front of the API (rate-based rules; `local/` has no
 * WAF). WAF counts each client's requests over the last `windowSeconds` and, once a client is past its limit, answers
 * its further requests itself with HTTP 429 (they never reach AppSync's auth or resolvers) until its count falls back
 * under the limit. WAF's counts are estimates, checked every few seconds: a client may run over for a little while
 * before it is stopped, and is let through again usually within 30 seconds of slowing down.
 */
export interface RateLimitsDecl {
  /** How far back WAF counts: 60, 120, 300 or 600 seconds. */
  windowSeconds: 60 | 120 | 300 | 600;
  /**
   * Requests per window from one IP address, whatever the auth mode (at least 10). SigV4-signed requests (AWS_IAM
   * callers, the stack's own services) are not counted: they come from AWS's shared addresses at queue speed.
   */
  perIp: number;
  /**
   * Requests per window carrying one API key (the `x-api-key` header), from all addresses together (at least 10).
   * A key handed to every browser makes this a ceiling on all keyed traffic, not a per-person limit.
   */
  perApiKey?: number;
}

/** A user pool's password policy, as CloudFormation's `AWS::Cognito::UserPool PasswordPolicy` declares it. */
export interface PasswordPolicyDecl {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

/** What the deployed Cognito user pool and the local one must agree on: what sign-up accepts. */
export interface UserPoolDecl {
  passwordPolicy: PasswordPolicyDecl;
}

/**
 * A card payment provider the API's functions call with its official SDK: Stripe's PaymentIntents and Refunds.
 * Offline, `local/payments/` serves that API on the local server (docs/payments-offline.md); nothing is deployed
 * for it, the functions reach Stripe itself with a key of their own.
 */
export interface PaymentsDecl {
  provider: 'stripe';
}

export interface ApiWiring {
  name: string;
  /** Path relative to the repository root. */
  schema: string;
  auth: { default: AuthMode; additional: AuthMode[] };
  limits?: RequestLimits;
  /** Per-client request rates; deployed as a WAF web ACL on the API. */
  rateLimits?: RateLimitsDecl;
  /** The user pool of the AMAZON_COGNITO_USER_POOLS mode; Cognito's defaults where omitted. */
  userPool?: UserPoolDecl;
  tables: TableDecl[];
  dataSources: DataSourceDecl[];
  functions: FunctionDecl[];
  resolvers: ResolverDecl[];
  /** AppSync environment variables, read by resolvers as `ctx.env`. */
  environment?: Record<string, DeployedValue>;
  queues?: QueueDecl[];
  lambdaFunctions?: LambdaFunctionDecl[];
  /** Alarms on the API's own metrics; every alarm of the stack notifies its alarm topic. */
  alarms?: ApiAlarmDecl[];
  /** Step Functions state machines; offline, `local/stepfunctions/` runs them (docs/offline.md). */
  stateMachines?: StateMachineDecl[];
  /** Card payments; offline, `local/payments/` stands in for the provider (docs/payments-offline.md). */
  payments?: PaymentsDecl;
}
