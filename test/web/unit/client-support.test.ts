import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/src/api/api-error.js';
import { groupsOf } from '../../../web/src/auth/session.js';
import { installPlainWebSocketFor, realtimeUrlFor } from '../../../web/src/local-websocket.js';
import { parseRuntimeConfig, RuntimeConfigError } from '../../../web/src/runtime-config.js';
import { linkStateOf, needsReread } from '../../../web/src/state/connection.js';

describe('the runtime config', () => {
  const config = { region: 'eu-west-1', userPoolId: 'eu-west-1_abc', userPoolClientId: 'client', graphqlUrl: 'https://api.example.com/graphql' };

  it('takes the four keys, and the local user-pool endpoint when there is one', () => {
    expect(parseRuntimeConfig(config)).toEqual(config);
    expect(parseRuntimeConfig({ ...config, userPoolEndpoint: 'http://localhost:4000/cognito' }).userPoolEndpoint).toBe('http://localhost:4000/cognito');
  });

  it('names every problem at once', () => {
    expect(() => parseRuntimeConfig({ region: 'x', graphqlUrl: 'ftp://x', userPoolEndpoint: 3 })).toThrow(
      new RuntimeConfigError('config.json: userPoolId is missing; userPoolClientId is missing; userPoolEndpoint must be a string; graphqlUrl must be an http(s) URL'),
    );
    expect(() => parseRuntimeConfig([])).toThrow(RuntimeConfigError);
  });

  it('takes the API key when there is one, and refuses one that is empty or not a string', () => {
    expect(parseRuntimeConfig({ ...config, apiKey: 'da2-abc123' }).apiKey).toBe('da2-abc123');
    expect(parseRuntimeConfig(config)).not.toHaveProperty('apiKey');
    for (const apiKey of ['', 42, null]) {
      expect(() => parseRuntimeConfig({ ...config, apiKey })).toThrow(new RuntimeConfigError('config.json: apiKey must be a non-empty string'));
    }
  });
});

describe('the plain WebSocket for a local http endpoint', () => {
  it("rewrites Amplify's wss:// to ws:// for the API's own host only, and only when the API is plain http", () => {
    const local = 'http://localhost:4000/graphql';
    expect(realtimeUrlFor('wss://localhost:4000/graphql/realtime?x=1', local)).toBe('ws://localhost:4000/graphql/realtime?x=1');
    expect(realtimeUrlFor('wss://elsewhere:4000/graphql/realtime', local)).toBe('wss://elsewhere:4000/graphql/realtime');
    expect(realtimeUrlFor('wss://api.example.com/graphql/realtime', 'https://api.example.com/graphql')).toBe('wss://api.example.com/graphql/realtime');
  });

  it('is installed only for http endpoints, and opens the rewritten URL with the protocols given', () => {
    const opened: [string, string | string[] | undefined][] = [];
    class FakeSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        opened.push([String(url), protocols]);
      }
    }
    const deployed = { WebSocket: FakeSocket as unknown as new (url: string | URL, protocols?: string | string[]) => WebSocket };
    installPlainWebSocketFor('https://api.example.com/graphql', deployed);
    expect(deployed.WebSocket).toBe(FakeSocket);
    const local = { WebSocket: FakeSocket as unknown as new (url: string | URL, protocols?: string | string[]) => WebSocket };
    installPlainWebSocketFor('http://localhost:4000/graphql', local);
    const socket = new local.WebSocket('wss://localhost:4000/graphql/realtime', ['graphql-ws', 'header-abc']);
    expect(socket).toBeInstanceOf(FakeSocket);
    expect(opened).toEqual([['ws://localhost:4000/graphql/realtime', ['graphql-ws', 'header-abc']]]);
  });
});

describe('the link state', () => {
  it("maps Amplify's connection states and re-reads each time the link becomes live", () => {
    expect(['Connected', 'Connecting', 'ConnectionDisrupted', 'Disconnected'].map(linkStateOf)).toEqual(['live', 'connecting', 'lost', 'lost']);
    expect(needsReread(null, 'live')).toBe(true);
    expect(needsReread('lost', 'live')).toBe(true);
    expect(needsReread('live', 'live')).toBe(false);
    expect(needsReread('live', 'lost')).toBe(false);
  });
});

describe('API errors and groups', () => {
  it('reads AppSync errors out of what Amplify rejects with', () => {
    const conflict = ApiError.from({ data: null, errors: [{ message: 'Order x is at version 2, not 1', errorType: 'ConflictError' }] });
    expect(conflict).toMatchObject({ message: 'Order x is at version 2, not 1', errorType: 'ConflictError', isConflict: true });
    expect(ApiError.from({ errors: [{ message: 'no', errorType: 'InvalidStatusTransition' }] }).isConflict).toBe(true);
    expect(ApiError.from(new TypeError('Failed to fetch'))).toMatchObject({ message: 'Failed to fetch', errorType: 'TypeError', isConflict: false });
  });

  it('takes cognito:groups from the ID token, absent meaning none', () => {
    expect(groupsOf({ 'cognito:groups': ['staff', 'admin'] })).toEqual(['staff', 'admin']);
    expect(groupsOf({})).toEqual([]);
  });
});
