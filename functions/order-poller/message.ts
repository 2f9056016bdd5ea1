import { z } from 'zod';
import { ORDER_MESSAGE_TYPE, ORDER_MESSAGE_VERSION } from '../../resolvers/lib/order-queue.js';
import type { OrderFields } from '../../resolvers/lib/order-types.js';
import {
  MAX_LINES,
  MAX_MENU_ITEM_ID_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_QUANTITY,
  MAX_RESTAURANT_ID_LENGTH,
  MIN_QUANTITY,
} from '../../resolvers/lib/validate-order.js';
import { UnownedMessageError } from './errors.js';

/**
 * A queue message at the trust boundary: anything allowed to write to the queue can send anything, so every field
 * is checked again with the rules createOrder applies. First who and which order (without both, nothing can be
 * recorded), then the rest.
 */
const Identity = z.object({
  orderId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 of [A-Za-z0-9_-]'),
  owner: z.string().min(1).max(128),
});

const Line = z.object({
  menuItemId: z.string().trim().min(1, 'must not be empty or only spaces').max(MAX_MENU_ITEM_ID_LENGTH),
  quantity: z.number().int().min(MIN_QUANTITY).max(MAX_QUANTITY),
  // submitOrder always sends one (null without a note); another sender may leave it out.
  note: z
    .string()
    .trim()
    .max(MAX_NOTE_LENGTH)
    .nullish()
    .transform((note) => (note ? note : null)),
});

const Fields = z.object({
  restaurantId: z.string().trim().min(1, 'must not be empty or only spaces').max(MAX_RESTAURANT_ID_LENGTH),
  lines: z.array(Line).min(1).max(MAX_LINES),
});

const Message = z.object({
  type: z.literal(ORDER_MESSAGE_TYPE),
  version: z.literal(ORDER_MESSAGE_VERSION),
  order: Fields,
  submittedAt: z.iso.datetime({ offset: true }),
});

export type ParsedMessage =
  | { kind: 'valid'; orderId: string; owner: string; order: OrderFields }
  /** Owned but invalid: recorded as a FAILED order, with whatever fields could be read. */
  | { kind: 'invalid'; orderId: string; owner: string; reason: string; partial: Partial<OrderFields> };

/** Throws UnownedMessageError when the body does not name an owner and an order id. */
export function parseOrderMessage(body: string): ParsedMessage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new UnownedMessageError('The message body is not JSON');
  }
  const identity = Identity.safeParse(json);
  if (!identity.success) throw new UnownedMessageError(`The message names no valid owner and order id: ${describe(identity.error)}`);
  const { orderId, owner } = identity.data;
  const message = Message.safeParse(json);
  if (message.success) return { kind: 'valid', orderId, owner, order: message.data.order };
  return { kind: 'invalid', orderId, owner, reason: `Invalid order: ${describe(message.error)}`, partial: readableFields(json) };
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`).join('; ');
}

function readableFields(json: unknown): Partial<OrderFields> {
  const order = (json as { order?: Record<string, unknown> } | null)?.order;
  if (typeof order !== 'object' || order === null) return {};
  const { restaurantId } = order;
  // Lines are recorded only when valid: a FAILED order is never priced, and its errorMessage says what was wrong.
  return typeof restaurantId === 'string' ? { restaurantId: restaurantId.trim().slice(0, MAX_RESTAURANT_ID_LENGTH) } : {};
}
