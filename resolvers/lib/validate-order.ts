import { util } from '@aws-appsync/utils';
import type { LineInput, OrderFields } from './order-types.js';

/**
 * The rules a new order's input obeys, shared by every mutation that takes one (createOrder, submitOrder,
 * createQueuedOrder). Every problem is reported at once, each naming its field (`lines[2].quantity`) and rule, so a
 * client fixes its input in one round trip. What the menu says (unknown items, sold out, closed) is price-order.ts's.
 */
export const MAX_RESTAURANT_ID_LENGTH = 64;
export const MAX_LINES = 50;
export const MAX_MENU_ITEM_ID_LENGTH = 64;
export const MIN_QUANTITY = 1;
export const MAX_QUANTITY = 99;
export const MAX_NOTE_LENGTH = 200;
/**
 * 43 at most: the journey's execution is named `<owner's sub>-<order id>` (unique per owner, as the order's key is),
 * and Step Functions allows 80 characters; a sub is 36.
 */
export const MAX_CLIENT_TOKEN_LENGTH = 43;
const CLIENT_TOKEN_PATTERN = `[A-Za-z0-9_-]{1,${MAX_CLIENT_TOKEN_LENGTH}}`;

export type LineInputArgs = { menuItemId?: string | null; quantity?: number | null; note?: string | null };

export type NewOrderInput = {
  restaurantId?: string | null;
  lines?: LineInputArgs[] | null;
  clientToken?: string | null;
};

/** A new order's fields, all required; fails with a ValidationError naming every problem. */
export function validateNewOrder(input: NewOrderInput): OrderFields {
  const lines = input.lines ?? [];
  const problems = [
    ...restaurantProblems(input.restaurantId),
    ...linesProblems(input.lines),
    ...lines.flatMap((line, index) => lineProblems(line, index)),
    ...clientTokenProblems(input.clientToken),
  ];
  if (problems.length > 0) util.error(`Invalid order: ${problems.join('; ')}`, 'ValidationError');
  return { restaurantId: (input.restaurantId ?? '').trim(), lines: lines.map((line) => normalLine(line)) };
}

function normalLine(line: LineInputArgs): LineInput {
  const note = (line.note ?? '').trim();
  return { menuItemId: (line.menuItemId ?? '').trim(), quantity: line.quantity ?? 0, note: note === '' ? null : note };
}

function restaurantProblems(restaurantId: string | null | undefined): string[] {
  if (restaurantId == null) return ['restaurantId is required'];
  return textProblems('restaurantId', restaurantId, MAX_RESTAURANT_ID_LENGTH);
}

function linesProblems(lines: LineInputArgs[] | null | undefined): string[] {
  if (lines == null) return ['lines is required'];
  if (lines.length === 0) return ['lines must have at least one line'];
  if (lines.length > MAX_LINES) return [`lines must have at most ${MAX_LINES} lines (got ${lines.length})`];
  return [];
}

function lineProblems(line: LineInputArgs, index: number): string[] {
  const field = `lines[${index}]`;
  const problems = line.menuItemId == null ? [`${field}.menuItemId is required`] : textProblems(`${field}.menuItemId`, line.menuItemId, MAX_MENU_ITEM_ID_LENGTH);
  const quantity = line.quantity;
  if (quantity == null) problems.push(`${field}.quantity is required`);
  else if (!isWholeNumberBetween(quantity, MIN_QUANTITY, MAX_QUANTITY)) {
    problems.push(`${field}.quantity must be a whole number from ${MIN_QUANTITY} to ${MAX_QUANTITY} (got ${quantity})`);
  }
  const note = (line.note ?? '').trim();
  if (note.length > MAX_NOTE_LENGTH) problems.push(`${field}.note must be at most ${MAX_NOTE_LENGTH} characters (got ${note.length})`);
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
  return [`clientToken must be 1 to ${MAX_CLIENT_TOKEN_LENGTH} characters, each a letter, a digit, "_" or "-"`];
}

function isWholeNumberBetween(value: number, min: number, max: number): boolean {
  return typeof value === 'number' && Math.floor(value) === value && value >= min && value <= max;
}
