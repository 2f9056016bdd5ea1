import type { DocumentNode } from 'graphql';
import type { RequestAuth } from '../field-auth.js';
import type { SubscriptionSpec } from './start-subscription.js';
import type { SubscriberPayload } from './subscriber-payload.js';

/**
 * One published event's subscriber payloads, computed once per distinct subscription: a payload depends only on
 * the subscriber's document (parsed once per query text, so shared by identical starts), variables and operation,
 * and on its auth mode and groups (field-level auth). A thousand clients of one web app share one execution.
 */
export class PayloadMemo {
  private static readonly documentIds = new WeakMap<DocumentNode, number>();
  private static nextDocumentId = 1;
  private readonly payloads = new Map<string, SubscriberPayload>();

  payloadFor(spec: SubscriptionSpec, auth: RequestAuth, compute: () => SubscriberPayload): SubscriberPayload {
    const key = `${PayloadMemo.documentId(spec.document)}|${spec.operationName ?? ''}|${JSON.stringify(spec.variables)}|${auth.type}|${auth.groups.toSorted().join(',')}`;
    let payload = this.payloads.get(key);
    if (!payload) {
      payload = compute();
      this.payloads.set(key, payload);
    }
    return payload;
  }

  private static documentId(document: DocumentNode): number {
    let id = PayloadMemo.documentIds.get(document);
    if (id === undefined) {
      id = PayloadMemo.nextDocumentId++;
      PayloadMemo.documentIds.set(document, id);
    }
    return id;
  }
}
