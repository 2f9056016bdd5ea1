import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post } from '../observability/log-capture.js';
import { miniApi } from '../fixtures/mini-api/wiring.js';
import { startTestServer, type TestServer } from './server-fixture.js';

/** The API_KEY mode on a non-order API: keys in `x-api-key`, beside the user pool (test/fixtures/mini-api). */
const root = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));
const HOUR_MS = 3_600_000;
let server: TestServer;
let now = Date.UTC(2026, 4, 10, 9, 41, 27);
let alice: string;

beforeAll(async () => {
  server = await startTestServer(root, miniApi, undefined, { clock: () => now });
  alice = await server.token('alice');
});
afterAll(() => server.close());

const keys = () => {
  const store = server.stack.apiKeys;
  if (!store) throw new Error('the mini API declares API_KEY: the stack must have keys');
  return store;
};
const ask = (query: string, headers: Record<string, string>) => post(server.stack.url, query, {}, headers);
const UNAUTHORIZED_KEY = { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] };

describe('API keys of a local API', () => {
  it('look like AppSync keys and expire after 7 days by default, 1 to 365 when asked, rounded down to the hour', () => {
    const plain = keys().create();
    expect(plain.id).toMatch(/^da2-[a-z0-9]{26}$/);
    expect(plain.expires * 1000).toBe(Math.floor((now + 7 * 24 * HOUR_MS) / HOUR_MS) * HOUR_MS);
    const long = keys().create({ days: 365, description: 'for the catalog' });
    expect(long).toMatchObject({ description: 'for the catalog', expires: Math.floor((now + 365 * 24 * HOUR_MS) / HOUR_MS) * 3600 });
    expect(keys().list().map((k) => k.id)).toEqual(expect.arrayContaining([plain.id, long.id]));
    for (const days of [0, 366, 1.5]) expect(() => keys().create({ days })).toThrow('An API key expires after 1 to 365 whole days');
  });
});

describe('requests with an x-api-key', () => {
  it('run the fields marked @aws_api_key with no identity and util.authType() "API Key Authorization"', async () => {
    const { id } = keys().create();
    const { status, body } = await ask('{ publicInfo }', { 'x-api-key': id });
    expect(status).toBe(200);
    expect(JSON.parse(body.data?.publicInfo as string)).toEqual({ authType: 'API Key Authorization', identity: null });
  });

  it('null a field without @aws_api_key, with the Unauthorized error of the other modes', async () => {
    const { id } = keys().create();
    const { status, body } = await ask('{ echo(text: "x") publicInfo }', { 'x-api-key': id });
    expect(status).toBe(200);
    expect(body.data).toEqual({ echo: null, publicInfo: expect.any(String) });
    expect(body.errors).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access echo on type Query', path: ['echo'] }),
    ]);
  });

  it('are refused a root field of the default mode even when its type (Note) admits keys', async () => {
    await server.graphql('mutation { addNote(id: "k1", text: "hello") { id } }', {}, alice);
    const { id } = keys().create();
    const note = await ask('{ note(id: "k1") { text } }', { 'x-api-key': id });
    expect(note.body.errors?.[0]).toMatchObject({ errorType: 'Unauthorized', message: 'Not Authorized to access note on type Query' });
  });

  it('answer 401 "Valid authorization header not provided." when no credential (or an empty key) comes', async () => {
    const cases: Record<string, string>[] = [{}, { 'x-api-key': '' }];
    for (const headers of cases) {
      const { status, body } = await ask('{ publicInfo }', headers);
      expect(status).toBe(401);
      expect(body).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }] });
    }
  });

  it('answer 401 "You are not authorized to make this call." for a key that is not one of the API\'s', async () => {
    for (const key of ['da2-aaaaaaaaaaaaaaaaaaaaaaaaaa', 'not-a-key']) {
      const response = await fetch(`${server.stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query: '{ publicInfo }' }),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
      expect(await response.json()).toEqual(UNAUTHORIZED_KEY);
    }
  });

  it('answer the same 401 once the key is revoked', async () => {
    const { id } = keys().create();
    expect((await ask('{ publicInfo }', { 'x-api-key': id })).status).toBe(200);
    keys().revoke(id);
    const { status, body } = await ask('{ publicInfo }', { 'x-api-key': id });
    expect({ status, body }).toEqual({ status: 401, body: UNAUTHORIZED_KEY });
    expect(keys().list().some((k) => k.id === id)).toBe(false);
  });

  it('answer the same 401 from the hour the key expires, on the server clock', async () => {
    const start = now;
    try {
      const key = keys().create({ days: 1 });
      now = key.expires * 1000 - 1;
      expect((await ask('{ publicInfo }', { 'x-api-key': key.id })).status).toBe(200);
      now = key.expires * 1000;
      const { status, body } = await ask('{ publicInfo }', { 'x-api-key': key.id });
      expect({ status, body }).toEqual({ status: 401, body: UNAUTHORIZED_KEY });
      // Still listed (AppSync keeps an expired key 60 days), marked by its expiry.
      expect(keys().list().find((k) => k.id === key.id)).toBeDefined();
      expect(keys().current()?.id).not.toBe(key.id);
    } finally {
      now = start;
    }
  });

  it('are API_KEY requests even with an Authorization header: the key is checked, the token ignored', async () => {
    const { id } = keys().create();
    const both = await ask('{ publicInfo echo(text: "x") }', { 'x-api-key': id, authorization: alice });
    expect(JSON.parse(both.body.data?.publicInfo as string)).toMatchObject({ authType: 'API Key Authorization', identity: null });
    expect(both.body.errors?.[0]).toMatchObject({ errorType: 'Unauthorized', path: ['echo'] });
    const badKey = await ask('{ publicInfo }', { 'x-api-key': 'da2-zzzzzzzzzzzzzzzzzzzzzzzzzz', authorization: alice });
    expect({ status: badKey.status, body: badKey.body }).toEqual({ status: 401, body: UNAUTHORIZED_KEY });
    const tokenOnly = await server.graphql('{ publicInfo }', {}, alice);
    expect(JSON.parse(tokenOnly.body.data?.publicInfo as string)).toMatchObject({ authType: 'User Pool Authorization' });
  });
});

describe('an API whose default mode is API_KEY', () => {
  let keyed: TestServer;
  beforeAll(async () => {
    keyed = await startTestServer(root, { ...miniApi, auth: { default: { type: 'API_KEY' }, additional: [{ type: 'AMAZON_COGNITO_USER_POOLS' }] } });
  });
  afterAll(() => keyed.close());

  it('lets a key read the fields without auth directives, and refuses it the ones limited to other modes', async () => {
    const id = keyed.stack.apiKeys?.create().id ?? '';
    const { body } = await post(keyed.stack.url, '{ echo(text: "open") adminOnly }', {}, { 'x-api-key': id });
    expect(body.data).toEqual({ echo: 'open', adminOnly: null });
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access adminOnly on type Query' })]);
  });
});
