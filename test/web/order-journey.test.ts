import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../local/stepfunctions/clock.js';
import { type AppPage, WEB_SETUP_TIMEOUT } from './app-fixture.js';
import { type CustomerAndKitchen, customerAndKitchen } from './customer-and-kitchen.js';
import { buttonsOf, cart, column, live, menuRow, openMenu, orderRow, placeOrder, seriousViolations, timeline, timelineSteps } from './page-helpers.js';

// An order's journey seen from both sides: the customer's timeline and the kitchen's countdown, accept and reject.
// The journey's timers run on a clock the test moves, so the restaurant's minute to accept runs out on demand.
const clock = new ManualClock(Date.now());
const RESTAURANT = 'r-journey';
/** The shortest time to accept a restaurant may have (resolvers/lib/validate-catalog.ts). */
const ACCEPT_SECONDS = 60;
const STEP = { timeout: 15_000 };
let setup: CustomerAndKitchen | undefined;
let customer: AppPage;
let kitchen: AppPage;

beforeAll(async () => {
  setup = await customerAndKitchen({
    customer: 'jo',
    kitchen: 'kim',
    kitchenGroup: 'staff',
    restaurant: RESTAURANT,
    dishes: ['Pizza bianca', 'Calzone', 'Focaccia', 'Lasagne', 'Arancini'],
    restaurantFields: { acceptanceTimeoutSeconds: ACCEPT_SECONDS, preparationMinutes: 20 },
    stepFunctionsClock: clock,
  });
  ({ customer, kitchen } = setup);
  await Promise.all([live(customer.page).waitFor(STEP), live(kitchen.page).waitFor(STEP)]);
}, WEB_SETUP_TIMEOUT);

afterAll(() => setup?.close());

const newCard = (dish: string) => orderRow(column(kitchen.page, 'New'), dish);
const finished = (dish: string) => orderRow(kitchen.page.getByRole('region', { name: 'Recently delivered or cancelled' }), dish);
const countdownOf = (card: ReturnType<typeof newCard>) => card.getByRole('timer', { name: 'Time left to accept' });
const SENT = /^Sent to the restaurant — accept by \d\d:\d\d$/;

/** Places an order and waits until the journey has asked the restaurant: the kitchen's card counts down. */
async function placeAndAsk(dish: string): Promise<void> {
  await placeOrder(customer.page, { restaurant: RESTAURANT, dish });
  await countdownOf(newCard(dish)).waitFor(STEP);
}

describe('an order accepted and delivered', () => {
  it("asks the restaurant with a live countdown, and the customer's timeline follows every step to Delivered", async () => {
    await placeOrder(customer.page, { restaurant: RESTAURANT, dish: 'Pizza bianca', quantity: 2 });
    const card = newCard('Pizza bianca');
    const countdown = countdownOf(card);
    await countdown.waitFor(STEP);
    // A minute to accept, counting down each second.
    const first = await countdown.innerText();
    expect(first).toMatch(/^0[01]:\d\d$/);
    await expect.poll(() => countdown.innerText(), { timeout: 3_000 }).not.toBe(first);
    expect(await buttonsOf(card)).toEqual(['Accept', 'Reject']);
    expect(await card.getByRole('list', { name: 'Dishes' }).innerText()).toMatch(/2 × Pizza bianca\s*€19\.00/);

    const mine = orderRow(customer.page, 'Pizza bianca');
    await timeline(mine).getByText(SENT).waitFor(STEP);
    expect(await timelineSteps(mine)).toEqual(['Placed', 'Checked', expect.stringMatching(SENT)]);

    await card.getByRole('button', { name: 'Accept' }).click();
    await mine.getByText('ACCEPTED', { exact: true }).waitFor(STEP);
    // Once answered, the deadline is gone: the step reads plainly, and the estimate is the restaurant's 20 minutes.
    await timeline(mine).getByText(/^Accepted — ready around \d\d:\d\d$/).waitFor(STEP);
    for (const [button, status] of [['Start preparing', 'PREPARING'], ['Ready', 'READY'], ['Delivered', 'DELIVERED']] as const) {
      await orderRow(kitchen.page, 'Pizza bianca').getByRole('button', { name: button }).click();
      await mine.getByText(status, { exact: true }).waitFor(STEP);
    }
    expect(await timelineSteps(mine)).toEqual(['Placed', 'Checked', 'Sent to the restaurant', expect.stringMatching(/^Accepted — ready around/), 'Preparing', 'Ready', 'Delivered']);
    expect(await buttonsOf(mine)).toEqual(['Order again']);
    await finished('Pizza bianca').getByText('DELIVERED', { exact: true }).waitFor(STEP);
  }, 90_000);
});

describe('an order the restaurant rejects', () => {
  it('asks the kitchen why, and shows the customer the reason', async () => {
    await placeAndAsk('Calzone');
    const card = newCard('Calzone');
    await card.getByRole('button', { name: 'Reject' }).click();
    const form = card.getByRole('form', { name: 'Reject Calzone' });
    const reason = form.getByLabel('Reason');
    // Focus follows the click to the reason; nothing is sent without one.
    await expect.poll(() => reason.evaluate((field) => field === (field.ownerDocument as { activeElement: unknown }).activeElement)).toBe(true);
    expect(await form.getByRole('button', { name: 'Confirm rejection' }).isDisabled()).toBe(true);
    expect(await seriousViolations(kitchen.page)).toEqual([]);
    // Changing one's mind puts Accept and Reject back.
    await form.getByRole('button', { name: "Don't reject" }).click();
    expect(await buttonsOf(card)).toEqual(['Accept', 'Reject']);
    await card.getByRole('button', { name: 'Reject' }).click();
    await reason.fill('Out of ricotta');
    await form.getByRole('button', { name: 'Confirm rejection' }).click();

    await expect.poll(() => card.count(), STEP).toBe(0);
    expect(await finished('Calzone').innerText()).toMatch(/CANCELLED[\s\S]*rejected/);
    const mine = orderRow(customer.page, 'Calzone');
    await mine.getByText('CANCELLED', { exact: true }).waitFor(STEP);
    await timeline(mine).getByText('Rejected by the restaurant: Out of ricotta').waitFor(STEP);
    expect(await buttonsOf(mine)).toEqual(['Order again']);
  }, 60_000);
});

describe('an order the customer cancels before the restaurant answers', () => {
  it('leaves the kitchen, saying who cancelled it', async () => {
    await placeAndAsk('Focaccia');
    const mine = orderRow(customer.page, 'Focaccia');
    await mine.getByRole('button', { name: 'Cancel' }).click();
    await mine.getByText('CANCELLED', { exact: true }).waitFor(STEP);
    expect((await timelineSteps(mine)).at(-1)).toBe('You cancelled');
    await expect.poll(() => newCard('Focaccia').count(), STEP).toBe(0);
    expect(await finished('Focaccia').innerText()).toContain('by the customer');
  }, 60_000);
});

describe('an order nobody accepts in time', () => {
  it('is cancelled at the deadline, and the customer is told the restaurant did not accept in time', async () => {
    const armed = clock.pending;
    await placeAndAsk('Lasagne');
    // The journey's wait for the restaurant is armed on the test's clock: move it past the minute.
    await expect.poll(() => clock.pending, STEP).toBeGreaterThan(armed);
    clock.advance(ACCEPT_SECONDS * 1000 + 1000);

    const mine = orderRow(customer.page, 'Lasagne');
    await mine.getByText('CANCELLED', { exact: true }).waitFor(STEP);
    expect(await timelineSteps(mine)).toEqual(['Placed', 'Checked', 'Sent to the restaurant', 'The restaurant did not accept in time']);
    expect(await buttonsOf(mine)).toEqual(['Order again']);
    await expect.poll(() => newCard('Lasagne').count(), STEP).toBe(0);
    expect(await finished('Lasagne').innerText()).toContain('not accepted in time');
  }, 60_000);
});

describe('the journey pages', () => {
  it('pass an accessibility scan (a filled cart, the timelines, the board) and logged no error', async () => {
    await openMenu(customer.page, RESTAURANT);
    await menuRow(customer.page, 'Arancini').getByRole('button', { name: 'Add to cart' }).click();
    await cart(customer.page).getByText('€9.50').first().waitFor(STEP);
    expect(await seriousViolations(customer.page)).toEqual([]);
    await customer.page.getByRole('link', { name: 'My orders' }).click();
    await orderRow(customer.page, 'Lasagne').waitFor(STEP);
    expect(await seriousViolations(customer.page)).toEqual([]);
    expect(await seriousViolations(kitchen.page)).toEqual([]);
    expect([...customer.foreignRequests, ...kitchen.foreignRequests]).toEqual([]);
    expect([...customer.errors, ...kitchen.errors]).toEqual([]);
  }, 60_000);
});
