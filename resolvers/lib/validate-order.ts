import { util } from '@aws-appsync/utils';
import type { OrderFields } from './order-types.js';

/**
 * The rules an order's fields obey, shared by every mutation that writes them (createOrder, updateOrder, and
 * submitOrder later). Every problem is reported at once, each naming its field and rule, so a client fixes its
 * input in one round trip. Lengths are those of the trimmed values: the trimmed values are what gets stored.
 */
export const MAX_RESTAURANT_ID_LENGTH = 64;
export const MAX_NAME_LENGTH = 200;
export const MIN_QUANTITY = 1;
export const MAX_QUANTITY = 100;
const CLIENT_TOKEN_PATTERN = '[A-Za-z0-9_-]{1,64}';

export type OrderFieldsInput = {
  restaurantId?: string | null;
  name?: string | null;
  quantity?: number | null;
};

export type NewOrderInput = OrderFieldsInput & { clientToken?: string | null };

/** A new order's fields, all required; fails with a ValidationError naming every problem. */
export function validateNewOrder(input: NewOrderInput): OrderFields {
  const problems = [
    ...requiredProblems(input),
    ...fieldProblems(input),
    ...clientTokenProblems(input.clientToken),
  ];
  failIfAny(problems);
  return {
    restaurantId: (input.restaurantId ?? '').trim(),
    name: (input.name ?? '').trim(),
    quantity: input.quantity ?? 0,
  };
}

/** The fields an update names (null or absent = unchanged); at least one is required. */
export function validateOrderChanges(input: OrderFieldsInput): Partial<OrderFields> {
  const changes: Partial<OrderFields> = {};
  if (input.restaurantId != null) changes.restaurantId = input.restaurantId.trim();
  if (input.name != null) changes.name = input.name.trim();
  if (input.quantity != null) changes.quantity = input.quantity;
  if (Object.keys(changes).length === 0) {
    util.error('Nothing to change: give at least one of restaurantId, name or quantity', 'ValidationError');
  }
  failIfAny(fieldProblems(input));
  return changes;
}

function requiredProblems(input: OrderFieldsInput): string[] {
  const missing = [
    input.restaurantId == null ? 'restaurantId' : null,
    input.name == null ? 'name' : null,
    input.quantity == null ? 'quantity' : null,
  ];
  return missing.filter((field) => field !== null).map((field) => `${field} is required`);
}

function fieldProblems(input: OrderFieldsInput): string[] {
  const problems: string[] = [];
  if (input.restaurantId != null) {
    problems.push(...textProblems('restaurantId', input.restaurantId, MAX_RESTAURANT_ID_LENGTH));
  }
  if (input.name != null) problems.push(...textProblems('name', input.name, MAX_NAME_LENGTH));
  const quantity = input.quantity;
  if (quantity != null && !isWholeNumberBetween(quantity, MIN_QUANTITY, MAX_QUANTITY)) {
    problems.push(`quantity must be a whole number from ${MIN_QUANTITY} to ${MAX_QUANTITY} (got ${quantity})`);
  }
  return problems;
}

function textProblems(field: string, value: string, maxLength: number): string[] {
  const trimmed = value.trim();
  if (trimmed.length === 0) return [`${field} must not be empty or only spaces`];
  if (trimmed.length > maxLength) {
    return [`${field} must be at most ${maxLength} characters (got ${trimmed.length})`];
  }
  return [];
}

function clientTokenProblems(clientToken: string | null | undefined): string[] {
  if (clientToken == null || util.matches(CLIENT_TOKEN_PATTERN, clientToken)) return [];
  return ['clientToken must be 1 to 64 characters, each a letter, a digit, "_" or "-"'];
}

function isWholeNumberBetween(value: number, min: number, max: number): boolean {
  return typeof value === 'number' && Math.floor(value) === value && value >= min && value <= max;
}

function failIfAny(problems: string[]): void {
  if (problems.length > 0) util.error(`Invalid order: ${problems.join('; ')}`, 'ValidationError');
}
