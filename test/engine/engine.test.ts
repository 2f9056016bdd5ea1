import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniApi } from '../fixtures/mini-api/wiring.js';
import { startTestServer, type TestServer } from './server-fixture.js';

const root = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));
let server: TestServer;
let alice: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer(root, miniApi);
  alice = await server.token('alice');
  admin = await server.token('root', { groups: ['admin'] });
});
afterAll(() => server.close());

describe('the local AppSync engine on a non-order API', () => {
  it('runs a unit resolver on a NONE data source', async () => {
    const { status, body } = await server.graphql('query($t: String!) { echo(text: $t) }', { t: 'hi' }, alice);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { echo: 'hi' } });
  });

  it('builds ctx.identity and util.authType as AppSync does', async () => {
    const { body } = await server.graphql('{ whoami }', {}, admin);
    const who = JSON.parse(body.data?.whoami as string) as Record<string, unknown>;
    expect(who).toMatchObject({ groups: ['admin'], authType: 'User Pool Authorization', field: 'whoami' });
    expect(who.sub).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('runs a pipeline with a shared stash', async () => {
    const { body } = await server.graphql('{ shout(text: "ready") }', {}, alice);
    expect(body.data).toEqual({ shout: 'READY!' });
  });

  it('writes and reads DynamoDB, enforcing a condition in the table', async () => {
    const add = 'mutation { addNote(id: "n1", text: "first") { id owner text at } }';
    const first = await server.graphql(add, {}, alice);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.addNote).toMatchObject({ id: 'n1', text: 'first' });
    const again = await server.graphql('mutation { addNote(id: "n1", text: "second") { id } }', {}, alice);
    expect(again.body.errors?.[0]).toMatchObject({ errorType: 'DynamoDB:ConditionalCheckFailedException', path: ['addNote'] });
    const read = await server.graphql('{ note(id: "n1") { text } }', {}, alice);
    expect(read.body.data).toEqual({ note: { text: 'first' } });
  });

  it('enforces group directives per field, nulling only the refused field', async () => {
    const denied = await server.graphql('{ adminOnly echo(text: "x") }', {}, alice);
    expect(denied.body.data).toEqual({ adminOnly: null, echo: 'x' });
    expect(denied.body.errors).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access adminOnly on type Query', path: ['adminOnly'] }),
    ]);
    const allowed = await server.graphql('{ adminOnly }', {}, admin);
    expect(allowed.body).toEqual({ data: { adminOnly: 'for admins' } });
  });

  it('reports util.error with errorType, data and errorInfo, and appended errors beside it', async () => {
    const { body } = await server.graphql('{ failing }', {}, alice);
    expect(body.data).toEqual({ failing: null });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: 'failed after partial', errorType: 'CustomError', data: { detail: 1 }, errorInfo: { hint: 'x' } }),
        expect.objectContaining({ message: 'a warning', errorType: 'Warning', path: ['failing'] }),
      ]),
    );
  });

  // Worded as AppSync words it (https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/554): see request-errors.test.ts.
  it('validates AWS scalars before any resolver runs', async () => {
    const { body } = await server.graphql('{ echo(text: "x", when: "yesterday") }', {}, alice);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.message).toBe(
      "Validation error of type WrongType: argument 'when' with value 'StringValue{value='yesterday'}' is not a valid 'AWSDateTime' @ 'echo'",
    );
  });

  it('answers 401 without a token, with a forged token and with an expired one', async () => {
    const query = '{ echo(text: "x") }';
    const missing = await server.graphql(query, {}, null);
    expect(missing.status).toBe(401);
    expect(missing.body.errors?.[0]?.errorType).toBe('UnauthorizedException');
    const [header, payload] = alice.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await server.graphql(query, {}, forged)).status).toBe(401);
    const expired = await server.token('alice', { expiresIn: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const late = await server.graphql(query, {}, expired);
    expect(late.status).toBe(401);
    expect(late.body.errors?.[0]?.message).toBe('Token has expired.');
  });

  it('sends headers added with util.http.addResponseHeader, refusing restricted ones as an error', async () => {
    const response = await fetch(`${server.stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: alice },
      body: JSON.stringify({ query: '{ withHeader }' }),
    });
    expect(response.headers.get('itemscount')).toBe('7');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { data: unknown; errors: { errorType: string }[] };
    expect(body.data).toEqual({ withHeader: 'ok' });
    expect(body.errors.map((e) => e.errorType)).toEqual(['ResponseHeaderError']);
  });

  it('accepts an access token as AppSync does', async () => {
    const access = await server.token('alice', { access: true });
    const { status, body } = await server.graphql('{ echo(text: "a") }', {}, access);
    expect(status).toBe(200);
    expect(body.data).toEqual({ echo: 'a' });
  });
});
