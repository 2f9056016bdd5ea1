import {
  defaultFieldResolver,
  type DocumentNode,
  execute,
  type GraphQLFieldResolver,
  GraphQLError,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type FieldNode,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import type { EvaluationRecord } from '../appsync-js/evaluation.js';
import type { AppSyncJsRuntime } from '../appsync-js/runtime.js';
import type { RequestLimits } from '../../wiring/types.js';
import { ApiLog } from '../observability/api-log.js';
import type { ResolvedField } from '../observability/field-entries.js';
import type { DataSource } from './data-sources.js';
import { type AppSyncErrorEntry, appendedError, fieldError, toAppSyncError, unauthorizedField } from './appsync-errors.js';
import { FieldAuthorizer, type AuthModeType, type RequestAuth } from './field-auth.js';
import { requestLevel } from './graphql-java-errors.js';
import { validateAsAppSync } from './graphql-java-validation.js';
import { appSyncInfo } from './resolve-info.js';
import { RequestLimiter } from './request-limits.js';
import { filterBySelection } from './selection-filter.js';
import { executeResolver, type FieldOutcome, type LoadedResolver } from './resolver-executor.js';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface OperationContext {
  auth: RequestAuth & { label: string };
  headers: Record<string, string>;
  /** The request's `x-amzn-requestid` and the id that follows it across services, for logs and published events. */
  requestId?: string;
  correlationId?: string;
  /**
   * Filled during execution: what each resolved field recorded (appended errors, subscription extensions), with
   * its coordinate, arguments and timing for the field-level logs.
   */
  outcomes: ResolvedField[];
  /** The request's depth and resolver-count limits, counting as execution goes. */
  limiter: RequestLimiter;
}

/** What a caller supplies for one request; the engine adds the rest. */
export type RequestContext = Omit<OperationContext, 'outcomes' | 'limiter'>;

/** A root mutation field that completed without error: what AppSync publishes to subscriptions. */
export interface MutationEvent {
  fieldName: string;
  /** The field as the mutation selected it (aliases, sub-selections): subscribers see only these fields. */
  fieldNode: FieldNode;
  /** The field's value as sent to the mutation's caller (response keys). */
  value: unknown;
  /** What the field's resolver handlers recorded (e.g. `extensions.invalidateSubscriptions`). */
  records: EvaluationRecord[];
  auth: RequestAuth & { label: string };
  /** The mutation's document, for the fragments `fieldNode` may spread. */
  document: DocumentNode;
  /** The mutation request's ids, so that a delivery can be logged with them. */
  requestId?: string;
  correlationId?: string;
}

export type MutationListener = (event: MutationEvent) => void;

export interface AppSyncResponse {
  data?: unknown;
  errors?: AppSyncErrorEntry[];
}

const MAX_CACHED_DOCUMENTS = 500;

/** An executable AppSync API: schema, field authorization and resolvers, on the APPSYNC_JS runtime. */
export class LocalApi {
  readonly authorizer: FieldAuthorizer;
  /** Request, field-level and real-time log lines (local/observability): nobody listens unless asked. */
  readonly log = new ApiLog();
  private readonly documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  private readonly mutationListeners = new Set<MutationListener>();

  constructor(
    readonly schema: GraphQLSchema,
    defaultMode: AuthModeType,
    private readonly resolvers: Map<string, LoadedResolver>,
    private readonly runtime: AppSyncJsRuntime,
    /** The API's environment variables, `ctx.env` in every handler. */
    private readonly env: Record<string, string> = {},
    private readonly limits: RequestLimits = {},
    /** The declared names of the data sources, for the field-level logs. */
    private readonly dataSourceNames: ReadonlyMap<DataSource, string> = new Map(),
  ) {
    this.authorizer = new FieldAuthorizer(schema, defaultMode);
  }

  async execute(request: GraphQLRequest, context: RequestContext): Promise<{ response: AppSyncResponse; context: OperationContext }> {
    const operation: OperationContext = { ...context, outcomes: [], limiter: new RequestLimiter(this.limits) };
    const document = this.document(request.query);
    if (!('kind' in document)) return { response: { data: null, errors: document.map(toAppSyncError) }, context: operation };
    const result = await execute({
      schema: this.schema,
      document,
      variableValues: request.variables ?? undefined,
      operationName: request.operationName ?? undefined,
      contextValue: operation,
      fieldResolver: this.resolveField,
    });
    this.publishMutations(document, request.operationName ?? undefined, result.data ?? null, operation);
    const appended = operation.outcomes.flatMap(({ path, outcome }) => outcome.appendedErrors.map((e) => appendedError(e, path)));
    const errors = [...(result.errors ?? []).map(toAppSyncError), ...appended];
    return { response: { data: result.data ?? null, ...(errors.length > 0 ? { errors } : {}) }, context: operation };
  }

  /** The resolver wired to `Type.field`, if any. */
  resolverOf(coordinate: string): LoadedResolver | undefined {
    return this.resolvers.get(coordinate);
  }

  dataSourceName(dataSource: DataSource): string | undefined {
    return this.dataSourceNames.get(dataSource);
  }

  /** Subscribes to completed mutations; returns the unsubscribe function. */
  onMutation(listener: MutationListener): () => void {
    this.mutationListeners.add(listener);
    return () => this.mutationListeners.delete(listener);
  }

  /** Parses and validates once per distinct query text. */
  document(query: string): DocumentNode | readonly GraphQLError[] {
    let cached = this.documents.get(query);
    if (!cached) {
      try {
        const document = parse(query);
        const errors = validateAsAppSync(this.schema, document);
        cached = errors.length > 0 ? requestLevel(errors) : document;
      } catch (error) {
        cached = requestLevel([error instanceof GraphQLError ? error : new GraphQLError(String(error))]);
      }
      if (this.documents.size >= MAX_CACHED_DOCUMENTS) this.documents.clear();
      this.documents.set(query, cached);
    }
    return cached;
  }

  private publishMutations(document: DocumentNode, operationName: string | undefined, data: Record<string, unknown> | null, context: OperationContext): void {
    const operation = getOperationAST(document, operationName);
    if (!data || operation?.operation !== 'mutation' || this.mutationListeners.size === 0) return;
    for (const fieldNode of rootFields(operation)) {
      const key = (fieldNode.alias ?? fieldNode.name).value;
      const value = data[key];
      if (value === null || value === undefined) continue;
      const records = context.outcomes.filter(({ path }) => path.length === 1 && path[0] === key).flatMap(({ outcome }) => outcome.records);
      const event: MutationEvent = {
        fieldName: fieldNode.name.value,
        fieldNode,
        value,
        records,
        auth: context.auth,
        document,
        ...(context.requestId !== undefined ? { requestId: context.requestId } : {}),
        ...(context.correlationId !== undefined ? { correlationId: context.correlationId } : {}),
      };
      for (const listener of this.mutationListeners) listener(event);
    }
  }

  private readonly resolveField: GraphQLFieldResolver<unknown, OperationContext> = (source, args, context, info) => {
    const field = info.parentType.getFields()[info.fieldName];
    if (!field || !this.authorizer.allows(info.parentType, field, context.auth)) {
      throw unauthorizedField(info.fieldName, info.parentType.name);
    }
    context.limiter.checkDepth(info);
    const resolver = this.resolvers.get(`${info.parentType.name}.${info.fieldName}`);
    // Fields without a resolver read their parent's property synchronously, as graphql-js does.
    if (!resolver) return defaultFieldResolver(source, args, context, info);
    return this.runResolver(resolver, source, args, context, info);
  };

  private async runResolver(
    resolver: LoadedResolver,
    source: unknown,
    args: Record<string, unknown>,
    context: OperationContext,
    info: GraphQLResolveInfo,
  ): Promise<unknown> {
    context.limiter.countResolver();
    const startedAt = performance.now();
    const outcome = await executeResolver(this.runtime, resolver, {
      arguments: args,
      source: source ?? null,
      identity: context.auth.identity,
      request: { headers: context.headers, domainName: null },
      info: appSyncInfo(info),
      env: this.env,
      authType: context.auth.label,
    });
    context.outcomes.push({
      path: responsePath(info),
      outcome,
      coordinate: `${info.parentType.name}.${info.fieldName}`,
      returnType: String(info.returnType),
      arguments: args,
      startedAt,
      durationMs: performance.now() - startedAt,
    });
    const { error } = outcome;
    if (error?.kind === 'unauthorized') throw unauthorizedField(info.fieldName, info.parentType.name);
    if (error) throw fieldError({ ...error, data: filterBySelection(error.data ?? null, info) });
    return outcome.value;
  }
}

function rootFields(operation: OperationDefinitionNode): FieldNode[] {
  return operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
}

function responsePath(info: GraphQLResolveInfo): (string | number)[] {
  const path: (string | number)[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) path.unshift(p.key);
  return path;
}
