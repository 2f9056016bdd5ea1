import type { CreateOrderInput } from '../graphql/generated.js';
import type { MenuItem } from './menu-state.js';

/** The API's limits on a new order (resolvers/lib/validate-order.ts): the cart never builds one it would refuse. */
export const MAX_QUANTITY = 99;
export const MAX_LINES = 50;
export const MAX_NOTE_LENGTH = 200;

/**
 * One dish in the cart. Its name and price are what the menu said when it was last seen, so a line whose dish left
 * the menu can still be shown; the total always follows the live menu (priceCart), and the API prices the order.
 */
export interface CartLine {
  menuItemId: string;
  name: string;
  unitPrice: number;
  quantity: number;
  note: string;
}

export interface Cart {
  restaurantId: string;
  lines: readonly CartLine[];
  /**
   * The clientToken of the last attempt to place these lines: a retry after a lost answer sends it again, so the API
   * answers the order it may already have created instead of making a second one. Any change to the lines clears it.
   */
  clientToken: string | null;
}

export type CartEvent =
  | { type: 'add'; item: Pick<MenuItem, 'id' | 'name' | 'price'> }
  | { type: 'more'; menuItemId: string }
  | { type: 'fewer'; menuItemId: string }
  | { type: 'note'; menuItemId: string; note: string }
  | { type: 'remove'; menuItemId: string }
  | { type: 'attempt'; clientToken: string }
  | { type: 'clear' };

export const emptyCart = (restaurantId: string): Cart => ({ restaurantId, lines: [], clientToken: null });

export function cartReducer(cart: Cart, event: CartEvent): Cart {
  switch (event.type) {
    case 'add': {
      const { id, name, price } = event.item;
      if (cart.lines.some((line) => line.menuItemId === id)) return changeLine(cart, id, (line) => ({ ...line, name, unitPrice: price, quantity: Math.min(line.quantity + 1, MAX_QUANTITY) }));
      if (cart.lines.length >= MAX_LINES) return cart;
      return { ...cart, clientToken: null, lines: [...cart.lines, { menuItemId: id, name, unitPrice: price, quantity: 1, note: '' }] };
    }
    case 'more':
      return changeLine(cart, event.menuItemId, (line) => ({ ...line, quantity: Math.min(line.quantity + 1, MAX_QUANTITY) }));
    case 'fewer':
      // Down to one: taking the last one away is Remove, a separate button, so a double click never loses a note.
      return changeLine(cart, event.menuItemId, (line) => ({ ...line, quantity: Math.max(line.quantity - 1, 1) }));
    case 'note':
      return changeLine(cart, event.menuItemId, (line) => ({ ...line, note: event.note.slice(0, MAX_NOTE_LENGTH) }));
    case 'remove':
      return cart.lines.some((line) => line.menuItemId === event.menuItemId) ? { ...cart, clientToken: null, lines: cart.lines.filter((line) => line.menuItemId !== event.menuItemId) } : cart;
    case 'attempt':
      return { ...cart, clientToken: event.clientToken };
    case 'clear':
      return emptyCart(cart.restaurantId);
  }
}

function changeLine(cart: Cart, menuItemId: string, change: (line: CartLine) => CartLine): Cart {
  let changed = false;
  const lines = cart.lines.map((line) => {
    if (line.menuItemId !== menuItemId) return line;
    const next = change(line);
    changed = next.quantity !== line.quantity || next.note !== line.note || next.name !== line.name || next.unitPrice !== line.unitPrice;
    return next;
  });
  return changed ? { ...cart, lines, clientToken: null } : cart;
}

/** Why a line cannot be ordered as it stands. */
export type LineProblem = 'sold-out' | 'removed';

export interface PricedLine extends CartLine {
  lineTotal: number;
  problem: LineProblem | null;
}

export interface PricedCart {
  lines: PricedLine[];
  /** In the currency's minor unit: what the API will charge, unless a price changes before the order is placed. */
  total: number;
  /** How many items in all (the order's `quantity`). */
  count: number;
  /** Something to order, and every line on the menu and available. */
  orderable: boolean;
}

/**
 * The cart priced from the menu as it is now (a price change or a sold-out dish shows at once). `items` null: the
 * menu is not read yet, so the prices last seen stand and no line is flagged.
 */
export function priceCart(cart: Cart, items: Readonly<Record<string, MenuItem>> | null): PricedCart {
  const lines = cart.lines.map((line): PricedLine => {
    const item = items?.[line.menuItemId];
    const name = item?.name ?? line.name;
    const unitPrice = item?.price ?? line.unitPrice;
    const problem: LineProblem | null = items === null ? null : !item ? 'removed' : item.available ? null : 'sold-out';
    return { ...line, name, unitPrice, lineTotal: unitPrice * line.quantity, problem };
  });
  return {
    lines,
    total: lines.reduce((sum, line) => sum + line.lineTotal, 0),
    count: lines.reduce((sum, line) => sum + line.quantity, 0),
    orderable: lines.length > 0 && lines.every((line) => line.problem === null),
  };
}

/** createOrder's (and submitOrder's) input for the cart: menu item ids and quantities only, never a price. */
export function orderInputOf(cart: Cart, clientToken: string): CreateOrderInput {
  return {
    restaurantId: cart.restaurantId,
    lines: cart.lines.map((line) => {
      const note = line.note.trim();
      return { menuItemId: line.menuItemId, quantity: line.quantity, ...(note ? { note } : {}) };
    }),
    clientToken,
  };
}

/** The order's name as the API makes it: the first line's name, and how many more lines ("Margherita + 2 more"). */
export function summaryOf(names: readonly string[]): string {
  const [first = ''] = names;
  return names.length > 1 ? `${first} + ${names.length - 1} more` : first;
}

/**
 * The API names a line by its index ("lines[1].menuItemId: … sold out"); people know it by its dish. Answers the
 * message with each index replaced by the dish's name.
 */
export function explainLines(message: string, names: readonly string[]): string {
  return message.replace(/lines\[(\d+)\](\.\w+)?/g, (whole, index: string) => names[Number(index)] ?? whole);
}

/** A cart kept in sessionStorage, as read back: anything not shaped like one is dropped (an older app's, or edited). */
export function parseStoredCart(text: string | null, restaurantId: string): Cart {
  if (!text) return emptyCart(restaurantId);
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return emptyCart(restaurantId);
    const { lines, clientToken } = value as { lines?: unknown; clientToken?: unknown };
    if (!Array.isArray(lines)) return emptyCart(restaurantId);
    return { restaurantId, lines: lines.filter(isCartLine).slice(0, MAX_LINES), clientToken: typeof clientToken === 'string' ? clientToken : null };
  } catch {
    return emptyCart(restaurantId);
  }
}

function isCartLine(value: unknown): value is CartLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return (
    typeof line.menuItemId === 'string' &&
    typeof line.name === 'string' &&
    Number.isInteger(line.unitPrice) &&
    Number.isInteger(line.quantity) &&
    (line.quantity as number) >= 1 &&
    (line.quantity as number) <= MAX_QUANTITY &&
    typeof line.note === 'string'
  );
}
