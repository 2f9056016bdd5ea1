import { util } from '@aws-appsync/utils';
import { JOURNEY_STATE_MACHINE_VARIABLE } from './journey.js';
import type { CreateStash, OrderFields, OrderKey, PlaceStash } from './order-types.js';

/**
 * What every placement (createOrder, createQueuedOrder) stashes before its steps: the order to put, PENDING with
 * its first event, not priced yet (loadMenuPrices completes it), and what its journey starts with. The execution's
 * name is the order's key, `<owner>-<id>`: a retried start (a repeated clientToken, a redelivered message) names
 * the same execution and starts nothing twice.
 */
export function stashNewOrder(
  stash: PlaceStash,
  env: Record<string, string | undefined>,
  order: { key: OrderKey; fields: OrderFields; fromClientToken: boolean; correlationId: string | undefined },
): void {
  const { key, fields, fromClientToken, correlationId } = order;
  const now = util.time.nowISO8601();
  const create: CreateStash['create'] = {
    key,
    item: {
      restaurantId: fields.restaurantId,
      name: '',
      quantity: 0,
      lines: [],
      currency: null,
      total: 0,
      status: 'PENDING',
      createdAt: now,
      updatedAt: now,
      version: 1,
      timeline: [{ type: 'PLACED', at: now, actor: 'CUSTOMER', by: null, detail: null }],
      correlationId: correlationId ?? null,
      executionArn: executionArn(env, key),
    },
    fromClientToken,
  };
  stash.create = create;
  stash.place = { restaurantId: fields.restaurantId, lines: fields.lines, correlationId: correlationId ?? '' };
}

/** The journey's execution name for an order, and its ARN under the state machine's. */
export function executionName(key: OrderKey): string {
  return `${key.userId}-${key.id}`;
}

export function executionArn(env: Record<string, string | undefined>, key: OrderKey): string | null {
  const machine = env[JOURNEY_STATE_MACHINE_VARIABLE];
  return machine ? `${machine.replace(':stateMachine:', ':execution:')}:${executionName(key)}` : null;
}
