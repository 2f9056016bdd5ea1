import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniApi } from '../fixtures/mini-api/wiring.js';
import { startTestServer, type TestServer } from './server-fixture.js';

// AppSync's guide, "Configuring GraphQL run complexity, query depth, and introspection": a field past the depth
// limit gets a QueryDepthLimitReached error, which a non-null field passes to its first nullable parent; each
// resolver past the count limit gets ResolverExecutionLimitReached and does not run.
const root = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));
let shallow: TestServer;
let few: TestServer;
/** alice's token on each server (each has a user pool of its own). */
const alice = new Map<TestServer, string>();

beforeAll(async () => {
  [shallow, few] = await Promise.all([
    startTestServer(root, { ...miniApi, limits: { queryDepth: 3 } }),
    startTestServer(root, { ...miniApi, limits: { resolverCount: 3 } }),
  ]);
  for (const server of [shallow, few]) {
    alice.set(server, await server.token('alice'));
    // n3 answers n2, which answers n1.
    const notes = 'a: addNote(id: "n1", text: "first") { id } b: addNote(id: "n2", text: "second", replyTo: "n1") { id } c: addNote(id: "n3", text: "third", replyTo: "n2") { id }';
    await send(server, `mutation { ${notes} }`);
  }
}, 60_000);
const send = (server: TestServer, query: string) => server.graphql(query, {}, alice.get(server));

afterAll(async () => {
  await Promise.all([shallow?.close(), few?.close()]);
});

describe('a query depth limit', () => {
  it('answers a query as deep as the limit', async () => {
    const { body } = await send(shallow, '{ note(id: "n3") { id replyTo { text } } }');
    expect(body).toEqual({ data: { note: { id: 'n3', replyTo: { text: 'second' } } } });
  });

  it('fails the field one level past it, up to its first nullable parent', async () => {
    const { status, body } = await send(shallow, '{ note(id: "n3") { id replyTo { id replyTo { id } } } }');
    expect(status).toBe(200);
    // The ID! at level 4 fails; its nullable parent at level 3 becomes null; the levels above keep their data.
    expect(body.data).toEqual({ note: { id: 'n3', replyTo: { id: 'n2', replyTo: null } } });
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ['note', 'replyTo', 'replyTo', 'id'], errorType: 'QueryDepthLimitReached', data: null, errorInfo: null }),
    ]);
  });

  it('runs no resolver past the limit', async () => {
    // Run, n1's replyTo resolver would answer null without error; refused, the field reports the limit instead.
    const { body } = await send(shallow, '{ note(id: "n3") { replyTo { replyTo { replyTo { id } } } } }');
    expect(body.errors).toEqual([expect.objectContaining({ path: ['note', 'replyTo', 'replyTo', 'replyTo'], errorType: 'QueryDepthLimitReached' })]);
  });
});

describe('a resolver count limit', () => {
  it('runs as many resolvers as the limit', async () => {
    const { body } = await send(few, '{ a: echo(text: "1") b: echo(text: "2") c: echo(text: "3") }');
    expect(body).toEqual({ data: { a: '1', b: '2', c: '3' } });
  });

  it('refuses the invocation one past it and answers the rest', async () => {
    const { body } = await send(few, '{ a: echo(text: "1") b: echo(text: "2") c: echo(text: "3") d: echo(text: "4") }');
    expect(body.data).toEqual({ a: '1', b: '2', c: '3', d: null });
    expect(body.errors).toEqual([expect.objectContaining({ path: ['d'], errorType: 'ResolverExecutionLimitReached', data: null })]);
  });

  it('counts invocations of nested resolvers, not fields', async () => {
    const { body } = await send(few, '{ note(id: "n2") { replyTo { replyTo { id } } } }');
    // note (1), n2's replyTo (2), n1's replyTo (3): within the limit.
    expect(body).toEqual({ data: { note: { replyTo: { replyTo: null } } } });
    const twice = await send(few, '{ a: note(id: "n2") { replyTo { id } } b: note(id: "n2") { replyTo { id } } }');
    expect(twice.body.errors).toEqual([expect.objectContaining({ errorType: 'ResolverExecutionLimitReached' })]);
  });

  it('writes nothing for a mutation field past the limit', async () => {
    const fields = ['m1', 'm2', 'm3', 'm4'].map((id) => `${id}: addNote(id: "${id}", text: "t") { id }`).join(' ');
    const { body } = await send(few, `mutation { ${fields} }`);
    expect(body.errors).toEqual([expect.objectContaining({ path: ['m4'], errorType: 'ResolverExecutionLimitReached' })]);
    const read = await send(few, '{ m3: note(id: "m3") { id } m4: note(id: "m4") { id } }');
    expect(read.body).toEqual({ data: { m3: { id: 'm3' }, m4: null } });
  });
});
