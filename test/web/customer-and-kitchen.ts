import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/launch-browser.js';
import type { Clock } from '../../local/stepfunctions/clock.js';
import { type AppPage, type Dish, openApp, signIn, WebAppServer } from './app-fixture.js';
import { openKitchen } from './page-helpers.js';

export interface CustomerAndKitchen {
  server: WebAppServer;
  browser: Browser;
  customer: AppPage;
  kitchen: AppPage;
  close(): Promise<void>;
}

export interface TwoUsers {
  customer: string;
  kitchen: string;
  kitchenGroup: 'staff' | 'admin';
  /** The restaurant whose board the kitchen page shows (named "Restaurant <id>", in EUR). */
  restaurant: string;
  /** Its menu: the customer orders from it (a name alone: 9.50 in category Dishes). */
  dishes: readonly (Dish | string)[];
  /** More of the restaurant's fields (acceptanceTimeoutSeconds, preparationMinutes…). */
  restaurantFields?: Record<string, unknown>;
  /** The clock of the order journey's timers (see WebAppServer.start). */
  stepFunctionsClock?: Clock;
}

/**
 * The stack with the built app, and two browser profiles on it: a customer signed in, and a kitchen member signed
 * in with the restaurant's board open. Not yet waited for "Live": each test waits as long as its steps allow.
 */
export async function customerAndKitchen(users: TwoUsers): Promise<CustomerAndKitchen> {
  const server = await WebAppServer.start(users.stepFunctionsClock ? { stepFunctionsClock: users.stepFunctionsClock } : {});
  let browser: Browser | undefined;
  try {
    server.addUser(users.customer);
    server.addUser(users.kitchen, [users.kitchenGroup]);
    await server.addRestaurant({ id: users.restaurant, name: `Restaurant ${users.restaurant}`, currency: 'EUR', ...users.restaurantFields }, users.dishes);
    // Staff pick from the restaurants they work for; admins from every restaurant.
    if (users.kitchenGroup === 'staff') await server.employ(users.kitchen, [users.restaurant]);
    browser = await launchBrowser();
    const customer = await openApp(browser, server);
    const kitchen = await openApp(browser, server);
    await signIn(customer.page, users.customer);
    await signIn(kitchen.page, users.kitchen);
    await openKitchen(kitchen.page, users.restaurant);
    const opened = browser;
    return { server, browser, customer, kitchen, close: async () => {
      await opened.close();
      await server.close();
    } };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}
