import type { SendGraphql } from './employ.js';

const ADD_ITEM = `mutation($input: AddMenuItemInput!) { addMenuItem(input: $input) { id name } }`;
const MENU = `query($id: ID!) { getMenu(restaurantId: $id) { categories { items { id name } } } }`;

/** What a test orders: a dish by name (its menu item made when the restaurant has none of that name), how many. */
export interface DishLine {
  dish: string;
  quantity: number;
  note?: string;
}

/** The default price of a dish a test names without one: 9.50 in the restaurant's currency. */
export const DISH_PRICE = 950;

/**
 * A restaurant's menu as the tests stock it, through the API as its staff would (addMenuItem): each dish named once
 * per restaurant, and its id remembered, so that tests write orders by dish name and get lines by menu item id.
 */
export class TestMenus {
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly send: SendGraphql,
    private readonly staffToken: string,
  ) {}

  /** The menu item id of `dish` at `restaurantId`, added (available, at `price`) when the menu has none. */
  async itemId(restaurantId: string, dish: string, price = DISH_PRICE): Promise<string> {
    const key = `${restaurantId}\u0000${dish}`;
    const known = this.ids.get(key);
    if (known) return known;
    const menu = (await this.send(MENU, { id: restaurantId }, this.staffToken)) as { data?: { getMenu: { categories: { items: { id: string; name: string }[] }[] } | null } };
    const existing = menu.data?.getMenu?.categories.flatMap((category) => category.items).find((item) => item.name === dish);
    const id = existing?.id ?? (await this.add(restaurantId, dish, price));
    this.ids.set(key, id);
    return id;
  }

  /** Order lines for dishes by name. */
  async lines(restaurantId: string, dishes: readonly DishLine[]): Promise<{ menuItemId: string; quantity: number; note?: string }[]> {
    const lines = [];
    for (const { dish, quantity, note } of dishes) lines.push({ menuItemId: await this.itemId(restaurantId, dish), quantity, ...(note ? { note } : {}) });
    return lines;
  }

  private async add(restaurantId: string, name: string, price: number): Promise<string> {
    const input = { restaurantId, name, category: 'Dishes', price };
    const added = (await this.send(ADD_ITEM, { input }, this.staffToken)) as { data?: { addMenuItem: { id: string } | null }; errors?: unknown[] };
    if (!added.data?.addMenuItem) throw new Error(`addMenuItem ${restaurantId}/${name}: ${JSON.stringify(added.errors)}`);
    return added.data.addMenuItem.id;
  }
}
