import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';

/** An order's row (list item) by its dish name, wherever it is on the page. */
export const orderRow = (scope: Page | Locator, dish: string): Locator => scope.getByRole('listitem').filter({ hasText: dish });

/** A kitchen column (a region named by its heading: New, Accepted, Preparing, Ready). */
export const column = (page: Page, title: string): Locator => page.getByRole('region', { name: new RegExp(`^${title}\\b`) });

export const newOrderForm = (page: Page): Locator => page.getByRole('form', { name: 'New order' });

export async function placeOrder(page: Page, order: { restaurant: string; dish: string; quantity?: number; queue?: boolean }): Promise<void> {
  const form = newOrderForm(page);
  await form.getByLabel('Restaurant').fill(order.restaurant);
  await form.getByLabel('Dish').fill(order.dish);
  await form.getByLabel('Quantity').fill(String(order.quantity ?? 1));
  if (order.queue) await form.getByLabel(/Queue it/).check();
  await form.getByRole('button', { name: 'Place order' }).click();
}

/** The kitchen's own section (its heading names the restaurant shown: "Kitchen: Trattoria Roma"). */
export const kitchenSection = (page: Page): Locator => page.getByRole('region', { name: /^Kitchen/ });

/** Opens the kitchen and picks a restaurant (by id or name) from its picker: the caller's restaurants only. */
export async function openKitchen(page: Page, restaurant: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Kitchen' }).click();
  // Scoped to the kitchen's own section: until the view switches, the page still shows the New order form, whose
  // Restaurant field has the same label.
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
