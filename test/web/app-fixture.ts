import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { orderApi } from '../../app/wiring.js';
import { keyForStart } from '../../local/api-keys/start-key.js';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../local/server/local-stack.js';
import type { Clock } from '../../local/stepfunctions/clock.js';
import { ensureWebAppBuilt } from '../../web/build-app.js';
import { employ } from '../support/employ.js';
import { portForRestarts } from '../support/restart-port.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Building the app (when stale) and starting a stack, while other test files do the same on 2 cores. */
export const WEB_SETUP_TIMEOUT = 180_000;
export const PASSWORD = 'Corr3ct-horse!';

/** A menu item as addMenuItem takes it (price in the currency's minor unit). */
export interface Dish {
  name: string;
  category: string;
  price: number;
  description?: string;
  available?: boolean;
}

/** What a dish named without a price costs: 9.50 in the restaurant's currency. */
export const DISH_PRICE = 950;

const ALWAYS_OPEN = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, opens: '00:00', closes: '24:00' }));

/**
 * The order API as `npm start` runs it, web app included, with a fresh data dir; `restart()` stops it and starts it
 * again on the same port and data, as a server restart would (so the port is not one of port 0's: portForRestarts).
 */
export class WebAppServer {
  /** While set, the order poller waits before handling a batch (see holdQueue). */
  private static held: Promise<void> | undefined;

  private constructor(
    public stack: LocalStack,
    private readonly options: LocalStackOptions,
  ) {}

  /**
   * `stepFunctionsClock`: the clock the order journey's timers read (a restaurant's time to accept, its waits), so a
   * test moves it past a deadline instead of waiting for it; the API's own times (acceptBy) stay on the real clock.
   */
  static async start(settings: { stepFunctionsClock?: Clock } = {}): Promise<WebAppServer> {
    const dir = await ensureWebAppBuilt({ log: () => undefined });
    const options: LocalStackOptions = {
      ...(settings.stepFunctionsClock ? { stepFunctionsClock: settings.stepFunctionsClock } : {}),
      rootDir: root,
      wiring: orderApi,
      dataDir: mkdtempSync(join(tmpdir(), 'web-app-')),
      port: await portForRestarts(),
      webApp: { dir },
      onCodeDelivery: false,
      // Quick redeliveries and a quiet poller, as the queue tests run it.
      queues: {
        visibilityTimeoutSeconds: 1,
        functionTimeoutSeconds: 5,
        functionEnv: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
        // Shown by vitest only for a failing test.
        log: (line) => console.log(line),
        wrapHandler: (_name, handler) => async (event, context) => {
          await WebAppServer.held;
          return handler(event, context);
        },
      },
    };
    const stack = await startLocalStack(options);
    // As npm start does: a key for visitors, which config.json hands the app (kept in the data dir across restarts).
    if (stack.apiKeys) keyForStart(stack.apiKeys);
    return new WebAppServer(stack, options);
  }

  get appUrl(): string {
    return this.stack.endpoints.app ?? '';
  }

  /** A user who signs in with PASSWORD. */
  addUser(username: string, groups: string[] = []): string {
    this.stack.pool.addUser(username, { password: PASSWORD, groups });
    return username;
  }

  /** One GraphQL request as the stack's admin (`web-admin`); answers the body, errors included. */
  async asAdmin(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: Record<string, unknown> | null; errors?: { errorType?: string | null; message?: string }[] }> {
    this.stack.pool.ensureUser('web-admin', { groups: ['admin'] });
    const { idToken } = await this.stack.pool.issueTokens('web-admin');
    return this.send(query, variables, idToken);
  }

  /** One GraphQL request with `token` (or the API key when null). */
  async send(query: string, variables: Record<string, unknown>, token: string | null) {
    const auth: Record<string, string> = token === null ? { 'x-api-key': this.stack.apiKeys?.current()?.id ?? '' } : { authorization: token };
    const response = await fetch(`${this.stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { errorType?: string | null; message?: string }[] };
  }

  /** `username` works for the restaurants named (created first when missing), as an admin names staff. */
  async employ(username: string, restaurantIds: readonly string[]): Promise<void> {
    this.stack.pool.ensureUser('web-admin', { groups: ['admin'] });
    const { idToken } = await this.stack.pool.issueTokens('web-admin');
    await employ((query, variables, token) => this.send(query, variables, token), idToken, username, restaurantIds);
  }

  /**
   * A restaurant open around the clock (unless `fields` say otherwise), with its dishes, made by an admin; answers
   * the dishes' menu item ids by name.
   */
  async addRestaurant(fields: { id: string; name: string; currency: string } & Record<string, unknown>, dishes: readonly (Dish | string)[] = []): Promise<Record<string, string>> {
    const input = { description: '', timeZone: 'UTC', openingHours: ALWAYS_OPEN, preparationMinutes: 15, ...fields };
    const created = await this.asAdmin('mutation($input: CreateRestaurantInput!) { createRestaurant(input: $input) { id } }', { input });
    if (created.errors) throw new Error(`createRestaurant ${fields.id}: ${JSON.stringify(created.errors)}`);
    return this.addDishes(fields.id, dishes);
  }

  /** Dishes on a restaurant's menu (a name alone: 9.50 in category Dishes), added by an admin; answers their ids by name. */
  async addDishes(restaurantId: string, dishes: readonly (Dish | string)[]): Promise<Record<string, string>> {
    const ids: Record<string, string> = {};
    for (const dish of dishes) {
      const input = typeof dish === 'string' ? { name: dish, category: 'Dishes', price: DISH_PRICE } : dish;
      const added = await this.asAdmin('mutation($input: AddMenuItemInput!) { addMenuItem(input: $input) { id } }', { input: { restaurantId, ...input } });
      const item = added.data?.addMenuItem as { id: string } | undefined;
      if (added.errors || !item) throw new Error(`addMenuItem ${input.name}: ${JSON.stringify(added.errors)}`);
      ids[input.name] = item.id;
    }
    return ids;
  }

  /**
   * Holds queued orders back until the returned function is called, so a test can see one as queued before the
   * poller stores it (a batch held past the function timeout is simply redelivered).
   */
  holdQueue(): () => void {
    let release = (): void => undefined;
    WebAppServer.held = new Promise((resolve) => {
      release = () => {
        WebAppServer.held = undefined;
        resolve();
      };
    });
    return release;
  }

  async restart(): Promise<void> {
    await this.stack.close();
    this.stack = await startLocalStack(this.options);
  }

  async close(): Promise<void> {
    await this.stack.close();
    rmSync(this.options.dataDir, { recursive: true, force: true });
  }
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Requests for anything not on the server: refused, and recorded. */
  foreignRequests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** A fresh browser profile on the app, with every request leaving the server refused and recorded. */
export async function openApp(browser: Browser, server: WebAppServer): Promise<AppPage> {
  // en-US: prices are formatted in the browser's locale, and the tests read them.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  const origin = new URL(server.appUrl).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(server.appUrl);
  return { page, context, foreignRequests, errors };
}

/** Signs in from wherever the page is: the header's "Sign in" link first unless the sign-in form is already shown. */
export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  const form = page.getByRole('region', { name: 'Sign in' });
  const link = page.getByRole('banner').getByRole('link', { name: 'Sign in' });
  await form.or(link).first().waitFor({ timeout: 30_000 });
  if (!(await form.isVisible())) await link.click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 30_000 });
}
