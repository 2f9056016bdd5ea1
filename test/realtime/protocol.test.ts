import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_ORDER_STATUS_CHANGED, RealtimeServer } from './fixture.js';
import { RealtimeClient } from './realtime-client.js';

// The protocol as the AppSync developer guide describes it:
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
const GUIDE = 'https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html';

/** The same claims with another signature: what a client that edits its token sends. */
const tamper = (token: string): string => `${token.slice(0, -6)}AAAAAA`;

let server: RealtimeServer;
let alice: string;

beforeAll(async () => {
  server = await RealtimeServer.start();
  alice = await server.token('alice');
});

afterAll(async () => {
  await server.close();
});

describe(`the handshake (${GUIDE})`, () => {
  it('selects the graphql-ws subprotocol and acknowledges connection_init with the connection timeout', async () => {
    const client = await RealtimeClient.connect(server.realtimeUrl, { authorization: alice });
    expect(client.protocol).toBe('graphql-ws');
    expect(await client.init()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300_000 } });
    // Keep-alives follow the acknowledgement.
    expect(await client.next()).toEqual({ type: 'ka' });
    client.close();
  });

  it('takes the credentials from a header-<base64url> subprotocol, as Amplify JS sends them', async () => {
    const client = await RealtimeClient.connect(server.realtimeUrl, { authorization: alice, via: 'subprotocol' });
    expect(client.protocol).toBe('graphql-ws');
    expect(await client.init()).toMatchObject({ type: 'connection_ack' });
    client.close();
  });

  it('refuses a handshake that does not offer graphql-ws', async () => {
    await expect(RealtimeClient.connect(server.realtimeUrl, { authorization: alice, protocols: ['graphql-transport-ws'] })).rejects.toThrow('HTTP 400');
  });

  it.each([
    ['no credentials', (): string | undefined => undefined],
    ['a tampered token', () => tamper(alice)],
    ['a string that is no token', () => 'not-a-token'],
  ])('answers connection_init with connection_error 401 for %s, then closes', async (_case, credentials) => {
    const authorization = credentials();
    const client = await RealtimeClient.connect(server.realtimeUrl, authorization === undefined ? {} : { authorization });
    expect(await client.init()).toEqual({
      type: 'connection_error',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 401 }] },
    });
    expect((await client.closed).code).toBe(1008);
  });
});

describe('start and stop', () => {
  it('acknowledges a start, and answers stop with complete', async () => {
    const client = await server.client(alice);
    expect(await client.start('s-1', ON_ORDER_STATUS_CHANGED, {}, alice)).toEqual({ type: 'start_ack', id: 's-1' });
    client.send({ type: 'stop', id: 's-1' });
    expect(await client.nextFor('s-1')).toEqual({ type: 'complete', id: 's-1' });
    client.close();
  });

  it('verifies the token of each start: a tampered one is refused with UnauthorizedException', async () => {
    const client = await server.client(alice);
    const tampered = tamper(alice);
    expect(await client.start('s-1', ON_ORDER_STATUS_CHANGED, {}, tampered)).toEqual({
      type: 'error',
      id: 's-1',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Unable to parse JWT token.' }] },
    });
    expect(await client.start('s-2', ON_ORDER_STATUS_CHANGED, {}, undefined)).toMatchObject({
      type: 'error',
      payload: { errors: [{ errorType: 'UnauthorizedException' }] },
    });
    client.close();
  });

  it('refuses a query or a mutation: only subscriptions go through the real-time channel', async () => {
    const client = await server.client(alice);
    expect(await client.start('q', '{ listMyOrders { nextToken } }', {}, alice)).toEqual({
      type: 'error',
      id: 'q',
      payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'query not supported through the realtime channel' }] },
    });
    client.close();
  });

  // The message alone, worded by graphql-java: https://github.com/aws-amplify/amplify-android/issues/1822
  // ("Validation error of type FieldUndefined: Field '_deleted' in type 'Post' is undefined @ 'onCreatePost/_deleted'").
  it('refuses a start whose document does not validate, with the GraphQL error', async () => {
    const client = await server.client(alice);
    const reply = await client.start('bad', 'subscription { onOrderStatusChanged { nope } }', {}, alice);
    expect(reply).toEqual({
      type: 'error',
      id: 'bad',
      payload: { errors: [{ message: "Validation error of type FieldUndefined: Field 'nope' in type 'Order' is undefined @ 'onOrderStatusChanged/nope'" }] },
    });
    client.close();
  });

  it('refuses a second start with an id already in use', async () => {
    const client = await server.client(alice);
    await client.start('same', ON_ORDER_STATUS_CHANGED, {}, alice);
    expect(await client.start('same', ON_ORDER_STATUS_CHANGED, {}, alice)).toMatchObject({
      type: 'error',
      id: 'same',
      payload: { errors: [{ errorType: 'DuplicatedOperationError' }] },
    });
    client.close();
  });

  it('answers a message it cannot read with UnsupportedOperation', async () => {
    const client = await server.client(alice);
    client.send({ type: 'subscribe', id: 'x', payload: {} });
    expect(await client.next((m) => m.type === 'error')).toEqual({
      type: 'error',
      payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'unknown not supported through the realtime channel' }] },
    });
    client.send('not json');
    expect(await client.next((m) => m.type === 'error')).toMatchObject({ payload: { errors: [{ errorType: 'UnsupportedOperation' }] } });
    client.close();
  });

  it('allows 100 subscriptions on one connection, AppSync\'s default quota, and refuses the 101st', async () => {
    const client = await server.client(alice);
    const acks = await Promise.all(Array.from({ length: 100 }, (_, i) => client.start(`s-${i}`, ON_ORDER_STATUS_CHANGED, {}, alice)));
    expect(acks.every((m) => m.type === 'start_ack')).toBe(true);
    expect(await client.start('s-100', ON_ORDER_STATUS_CHANGED, {}, alice)).toEqual({
      type: 'error',
      id: 's-100',
      payload: { errors: [{ errorType: 'MaxSubscriptionsReachedError', message: 'Max number of 100 subscriptions reached' }] },
    });
    client.close();
  });

  it('ends the subscriptions of a connection that closes', async () => {
    // The clients of the other cases are gone once the server has seen them close.
    await expect.poll(() => server.stack.subscriptions.size).toBe(0);
    const client = await server.client(alice);
    await client.start('s-1', ON_ORDER_STATUS_CHANGED, {}, alice);
    await client.start('s-2', ON_ORDER_STATUS_CHANGED, {}, alice);
    expect(server.stack.subscriptions.size).toBe(2);
    client.close();
    await expect.poll(() => server.stack.subscriptions.size).toBe(0);
  });
});

describe('the header parameter', () => {
  it('reads base64 whose + was sent unencoded in the query string (it arrives as a space)', async () => {
    const url = new URL(server.realtimeUrl);
    // '>>>' encodes to 'Pj4+' at one of the three alignments a base64 string has.
    const encodings = ['>>>', 'x>>>', 'xx>>>'].map((pad) => Buffer.from(JSON.stringify({ Authorization: alice, host: url.host, pad })).toString('base64'));
    const encoded = encodings.find((text) => text.includes('+')) ?? '';
    expect(encoded).toContain('+');
    const client = await RealtimeClient.connect(`${server.realtimeUrl}?header=${encoded}&payload=e30=`);
    expect(await client.init()).toMatchObject({ type: 'connection_ack' });
    client.close();
  });
});
