import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';

/**
 * An order's row by its summary ("Margherita", "Margherita + 1 more"; the text given is matched within it), wherever
 * it is on the page: rows are list items named by their summary, unlike the lists of dishes and steps inside them.
 */
export const orderRow = (scope: Page | Locator, dish: string): Locator => scope.getByRole('listitem', { name: dish });

/** Every order row in `scope` (named list items: the lines and steps inside a row have no name). */
export const orderRows = (scope: Page | Locator): Locator => scope.getByRole('listitem', { name: /\S/ });

/** A kitchen column (a region named by its heading: New, Accepted, Preparing, Ready). */
export const column = (page: Page, title: string): Locator => page.getByRole('region', { name: new RegExp(`^${title}\\b`) });

/** The steps of an order's journey as its row lists them, oldest first ("12:03 Placed"). */
export const timeline = (row: Locator): Locator => row.getByRole('list', { name: 'Timeline' });

/** The steps of an order's journey in words, without their times of day. */
export async function timelineSteps(row: Locator): Promise<string[]> {
  return (await timeline(row).getByRole('listitem').allInnerTexts()).map((text) => text.replace(/^\d\d:\d\d\s+/, '').trim());
}

/** The customer's cart on a menu page. */
export const cart = (page: Page): Locator => page.getByRole('region', { name: 'Your order' });

/** A dish's line in the cart. */
export const cartLine = (page: Page, dish: string): Locator => cart(page).getByRole('listitem', { name: dish, exact: true });

/** Opens a restaurant's menu by its id, as its link in the restaurant list would. */
export async function openMenu(page: Page, restaurantId: string): Promise<void> {
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#/restaurants/${encodeURIComponent(restaurantId)}`);
}

export interface OrderToPlace {
  restaurant: string;
  dish: string;
  quantity?: number;
  note?: string;
  queue?: boolean;
  /** More dishes, one of each. */
  more?: string[];
}

/**
 * Orders from a restaurant's menu as a customer does: its dishes into the cart, the quantity with "+", a note, then
 * "Place order" (queued when asked); and on to "My orders", where the order is.
 */
export async function placeOrder(page: Page, order: OrderToPlace): Promise<void> {
  await openMenu(page, order.restaurant);
  for (const dish of [order.dish, ...(order.more ?? [])]) {
    // The menu's row (the cart's line of the same dish has no "Add to cart").
    const add = page.getByRole('button', { name: 'Add to cart' });
    await menuRow(page, dish).filter({ has: add }).getByRole('button', { name: 'Add to cart' }).click();
  }
  const line = cartLine(page, order.dish);
  for (let count = 1; count < (order.quantity ?? 1); count += 1) await line.getByRole('button', { name: `One more ${order.dish}` }).click();
  if (order.note) await line.getByLabel(`Note for ${order.dish}`).fill(order.note);
  if (order.queue) await cart(page).getByLabel(/Queue it/).check();
  await cart(page).getByRole('button', { name: 'Place order' }).click();
  const done = page.getByRole('status').filter({ hasText: /^Order (placed|queued)/ });
  const refused = cart(page).getByRole('alert');
  await done.or(refused).first().waitFor({ timeout: 15_000 });
  if (await refused.isVisible()) throw new Error(await refused.innerText());
  await done.getByRole('link', { name: 'See my orders' }).click();
}

/** The kitchen's own section (its heading names the restaurant shown: "Kitchen: Trattoria Roma"). */
export const kitchenSection = (page: Page): Locator => page.getByRole('region', { name: /^Kitchen/ });

/** Opens the kitchen and picks a restaurant (by id or name) from its picker: the caller's restaurants only. */
export async function openKitchen(page: Page, restaurant: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Kitchen' }).click();
  // Scoped to the kitchen's own section: its picker is the one field labelled Restaurant there.
  await kitchenSection(page).getByLabel('Restaurant').selectOption(restaurant);
}

/** The options of the kitchen's restaurant picker, as shown (waits until its restaurants are read). */
export async function kitchenChoices(page: Page): Promise<string[]> {
  const picker = kitchenSection(page).getByLabel('Restaurant');
  await picker.waitFor();
  return (await picker.getByRole('option').allInnerTexts()).map((text) => text.trim());
}

/** A dish's row on a menu (the customer's or the editor's), by its name. */
export function menuRow(scope: Page | Locator, dish: string): Locator {
  // The inner locator of `has` is matched inside each row, and must be made from the page itself.
  const page = 'mainFrame' in scope ? scope : scope.page();
  return scope.getByRole('listitem').filter({ has: page.getByText(dish, { exact: true }) });
}

/** The kitchen's menu editor (a region named "Menu of <restaurant>"). */
export const menuEditor = (page: Page): Locator => page.getByRole('region', { name: /^Menu of / });

/** The page says its real-time link is up (Amplify's subscription acknowledged). */
export const live = (page: Page): Locator => page.getByRole('status').filter({ hasText: 'Live' });

/** The names of the buttons a row offers. */
export async function buttonsOf(row: Locator): Promise<string[]> {
  return (await row.getByRole('button').allInnerTexts()).map((text) => text.trim());
}

/** axe-core's serious and critical findings on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}
