import type { RequestAuth } from '../field-auth.js';
import type { GraphQLRequest, LocalApi, MutationEvent, RequestContext } from '../local-api.js';
import { invalidatedBy, reaches, subscribedMutations } from './matching.js';
import { PayloadMemo } from './payload-memo.js';
import { fragmentsOf, publishedPayload } from './published-payload.js';
import { prepareSubscription, type SubscriptionSpec } from './start-subscription.js';
import { type SubscriberPayload, subscriberPayload } from './subscriber-payload.js';

/** Where a subscription's events go: the transport (a WebSocket connection, a test) implements it. */
export interface SubscriptionSink {
  /** `source` names the mutation request that triggered the event, for the logs. */
  next(payload: SubscriberPayload, source?: EventSource): void;
  /** A mutation invalidated the subscription (`extensions.invalidateSubscriptions`); it is already stopped. */
  invalidated(): void;
}

export interface EventSource {
  requestId?: string;
  correlationId?: string;
  mutationField: string;
}

/** A running subscription; `stop()` is idempotent. */
export interface ActiveSubscription {
  readonly fieldName: string;
  stop(): void;
}

interface Entry {
  spec: SubscriptionSpec;
  auth: RequestAuth;
  sink: SubscriptionSink;
}

/**
 * AppSync's subscriptions over a LocalApi, independent of any transport: `start` accepts a subscription (see
 * prepareSubscription), and every completed root mutation field is published to the subscriptions its
 * `@aws_subscribe` lists, through their argument and enhanced filters, each subscriber getting its own selection.
 * Invalidation requests recorded by the mutation's handlers then end the subscriptions whose invalidation
 * filter matches.
 */
export class SubscriptionEngine {
  private readonly byField = new Map<string, Set<Entry>>();
  private readonly triggers: Map<string, Set<string>>;
  private readonly unsubscribe: () => void;

  constructor(private readonly api: LocalApi) {
    this.triggers = subscribedMutations(api.schema);
    // AppSync answers a mutation without waiting for its subscribers: the fan-out runs once the answer is on its
    // way (the handler writes it in the microtasks after execution), and setImmediate keeps events in mutation order.
    this.unsubscribe = api.onMutation((event) => setImmediate(() => this.publish(event)));
  }

  /** Throws SubscriptionStartError when AppSync would refuse the start. */
  async start(request: GraphQLRequest, context: RequestContext, sink: SubscriptionSink): Promise<ActiveSubscription> {
    const spec = await prepareSubscription(this.api, request, context);
    const entry: Entry = { spec, auth: context.auth, sink };
    const entries = this.byField.get(spec.fieldName) ?? new Set<Entry>();
    entries.add(entry);
    this.byField.set(spec.fieldName, entries);
    return { fieldName: spec.fieldName, stop: () => this.remove(entry) };
  }

  /** The API's log, which the real-time transport writes its lines to. */
  get log(): LocalApi['log'] {
    return this.api.log;
  }

  /** How many subscriptions are running, for health checks and tests. */
  get size(): number {
    let count = 0;
    for (const entries of this.byField.values()) count += entries.size;
    return count;
  }

  close(): void {
    this.unsubscribe();
    this.byField.clear();
  }

  private remove(entry: Entry): boolean {
    return this.byField.get(entry.spec.fieldName)?.delete(entry) ?? false;
  }

  private publish(event: MutationEvent): void {
    const fields = this.triggers.get(event.fieldName);
    if (fields) {
      const payload = publishedPayload(event.value, event.fieldNode.selectionSet, fragmentsOf(event.document.definitions));
      const source: EventSource = {
        mutationField: event.fieldName,
        ...(event.requestId !== undefined ? { requestId: event.requestId } : {}),
        ...(event.correlationId !== undefined ? { correlationId: event.correlationId } : {}),
      };
      const memo = new PayloadMemo();
      for (const field of fields) {
        // A copy: a sink may stop its subscription (or others) while events are being delivered.
        for (const entry of [...(this.byField.get(field) ?? [])]) {
          if (!reaches(entry.spec, payload)) continue;
          this.deliver(entry, () => entry.sink.next(memo.payloadFor(entry.spec, entry.auth, () => subscriberPayload(this.api, entry.spec, entry.auth, payload)), source));
        }
      }
    }
    for (const { subscriptionField, payload } of event.records.flatMap((record) => record.invalidations)) {
      for (const entry of [...(this.byField.get(subscriptionField) ?? [])]) {
        if (invalidatedBy(entry.spec, payload) && this.remove(entry)) this.deliver(entry, () => entry.sink.invalidated());
      }
    }
  }

  /** A failing subscriber is dropped; the others, and the mutation, go on. */
  private deliver(entry: Entry, send: () => void): void {
    try {
      send();
    } catch (error) {
      this.remove(entry);
      process.emitWarning(`A subscriber of ${entry.spec.fieldName} failed and was stopped: ${String(error)}`);
    }
  }
}
