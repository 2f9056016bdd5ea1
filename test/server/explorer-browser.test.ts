import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../engine/server-fixture.js';
import { miniApi } from '../fixtures/mini-api/wiring.js';
import { launchBrowser } from '../support/launch-browser.js';

const root = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));

let server: TestServer;
let browser: Browser;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];
const policyViolations: string[] = [];

interface CodeMirrorElement {
  CodeMirror: { getValue(): string; setValue(text: string): void };
}

async function openExplorer(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Anything not from our server is recorded and refused: the explorer must work with no network at all.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.stack.url}/`) || url.startsWith('data:')) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
  });
  await page.goto(`${server.stack.url}/`);
  await page.locator('.graphiql-container').waitFor();
  return page;
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function runQuery(page: Page, query: string): Promise<{ body: unknown; authorization: string | undefined; apiKey: string | undefined }> {
  // CodeMirror 5 hangs its editor object on its wrapper element; setting the text there is what typing would do.
  await page.locator('.graphiql-query-editor .CodeMirror').evaluate((element: unknown, text) => (element as CodeMirrorElement).CodeMirror.setValue(text), query);
  const sent = page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postDataJSON() as { query?: string } | null)?.query === query);
  await page.locator('.graphiql-execute-button').click();
  const request = await sent;
  const answer = (await (await request.response())?.json()) as unknown;
  // The pane may still show an earlier result: wait until it shows exactly what the server answered.
  const shown = () =>
    page.locator('.graphiql-response .CodeMirror').evaluate((element: unknown) => {
      const text = (element as CodeMirrorElement).CodeMirror.getValue();
      return text.startsWith('{') ? (JSON.parse(text) as unknown) : text;
    });
  await expect.poll(shown).toEqual(answer);
  const body = answer;
  const headers = await request.allHeaders();
  return { body, authorization: headers.authorization, apiKey: headers['x-api-key'] };
}

const session = (page: Page) =>
  page.evaluate(() => ({ id: sessionStorage.getItem('explorer.idToken'), access: sessionStorage.getItem('explorer.accessToken') }));

beforeAll(async () => {
  server = await startTestServer(root, miniApi);
  server.stack.pool.addUser('alice', { password: 'Passw0rd!' });
  server.stack.pool.addUser('root', { password: 'Sup3rPass!', groups: ['admin', 'staff'] });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the explorer in a browser, offline', () => {
  it('signs in through the form and runs a query in GraphiQL with the ID token', async () => {
    const page = await openExplorer();
    await signIn(page, 'alice', 'Passw0rd!');
    await expect.poll(() => page.locator('#who').innerText()).toContain('Signed in as alice');
    expect(await page.locator('#who').innerText()).toContain('no groups');
    const { body, authorization } = await runQuery(page, '{ echo(text: "hi") }');
    expect(body).toEqual({ data: { echo: 'hi' } });
    await expect.poll(() => page.locator('.graphiql-response').innerText()).toContain('"echo": "hi"');
    const tokens = await session(page);
    expect(authorization).toBe(tokens.id);
    // Signing in reloads the schema with the token, so the docs list the API's fields.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText()).toContain('echo');
    await page.screenshot({ path: '/tmp/explorer-signed-in.png' });
    await page.context().close();
  }, 60_000);

  it('shows the groups from the token and switches to sending the access token', async () => {
    const page = await openExplorer();
    await signIn(page, 'root', 'Sup3rPass!');
    await expect.poll(() => page.locator('#who').innerText()).toContain('groups: admin, staff');
    await page.getByLabel('access token').check();
    const { body, authorization } = await runQuery(page, '{ adminOnly }');
    expect(body).toEqual({ data: { adminOnly: 'for admins' } });
    const tokens = await session(page);
    expect(authorization).toBe(tokens.access);
    const payload = JSON.parse(Buffer.from(authorization?.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(payload.token_use).toBe('access');
    await page.context().close();
  }, 60_000);

  it('says why a sign-in failed, and signs out by forgetting the tokens', async () => {
    const page = await openExplorer();
    await expect.poll(() => page.locator('.graphiql-response').innerText()).toContain('Sign in or use an API key above to load the schema');
    await signIn(page, 'alice', 'wrong-password');
    await expect.poll(() => page.locator('#message').innerText()).toBe('Sign-in failed: Incorrect username or password. (NotAuthorizedException)');
    expect(await session(page)).toEqual({ id: null, access: null });
    await page.screenshot({ path: '/tmp/explorer-failed.png' });
    await signIn(page, 'alice', 'Passw0rd!');
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await session(page)).toEqual({ id: null, access: null });
    expect(await page.getByLabel('Username').isVisible()).toBe(true);
    const { body, authorization } = await runQuery(page, '{ echo(text: "anyone?") }');
    expect(authorization).toBeUndefined();
    expect(body).toMatchObject({ errors: [{ errorType: 'UnauthorizedException' }] });
    await page.context().close();
  }, 60_000);

  it('sends the prefilled API key instead of a token, for queries and subscriptions, until told to stop', async () => {
    const key = server.stack.apiKeys?.create().id ?? '';
    const page = await openExplorer();
    expect(await page.getByLabel('API key').inputValue()).toBe(key);
    await page.getByRole('button', { name: 'Use API key' }).click();
    await expect.poll(() => page.locator('#api-key-who').innerText()).toContain(key.slice(-6));
    expect(await page.getByLabel('Username').isVisible()).toBe(false);
    const { body, authorization, apiKey } = await runQuery(page, '{ publicInfo }');
    expect({ authorization, apiKey }).toEqual({ authorization: undefined, apiKey: key });
    expect(JSON.parse((body as { data: { publicInfo: string } }).data.publicInfo)).toEqual({ authType: 'API Key Authorization', identity: null });

    await page.locator('.graphiql-query-editor .CodeMirror').evaluate((element: unknown) => (element as CodeMirrorElement).CodeMirror.setValue('subscription { onNoteAdded { id text } }'));
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => server.stack.subscriptions.size, { timeout: 10_000 }).toBe(1);
    await server.graphql('mutation { addNote(id: "from-explorer", text: "keyed") { id text } }', {}, await server.token('alice'));
    const shown = () => page.locator('.graphiql-response .CodeMirror').evaluate((element: unknown) => (element as CodeMirrorElement).CodeMirror.getValue());
    await expect.poll(shown).toContain('from-explorer');
    expect(JSON.parse(await shown())).toEqual({ data: { onNoteAdded: { id: 'from-explorer', text: 'keyed' } } });
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => server.stack.subscriptions.size).toBe(0);

    await page.getByRole('button', { name: 'Stop using the key' }).click();
    expect(await page.getByLabel('Username').isVisible()).toBe(true);
    expect((await runQuery(page, '{ echo(text: "who?") }')).apiKey).toBeUndefined();
    await page.context().close();
  }, 60_000);

  it('fetched nothing from outside the server and broke no page policy', () => {
    expect(foreignRequests).toEqual([]);
    expect(policyViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
