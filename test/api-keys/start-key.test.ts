import { describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../local/api-keys/api-key-store.js';
import { keyForStart, startKeyLine } from '../../local/api-keys/start-key.js';
import { tempDirs } from '../cognito/helpers.js';

/** What `npm start` does with the keys of an API that has the API_KEY mode (app/start.ts). */
const newDir = tempDirs();
const DAY_MS = 24 * 3_600_000;

describe('the key npm start prints', () => {
  it('is a new 365-day key when the data dir holds none, then the same key on the next start', () => {
    let now = Date.UTC(2026, 0, 1, 12, 30);
    const store = new ApiKeyStore(newDir(), () => now);
    const first = keyForStart(store);
    expect(first).toMatchObject({ created: true, key: { description: 'Created by npm start', expires: (Date.UTC(2026, 0, 1, 12) + 365 * DAY_MS) / 1000 } });
    expect(startKeyLine(first)).toBe(`  apiKey           ${first.key.id} (x-api-key; created, expires 2027-01-01T12:00:00.000Z; npm run --silent api-key -- list)`);
    now += 100 * DAY_MS;
    expect(keyForStart(store)).toEqual({ key: first.key, created: false });
  });

  it('is the valid key that lasts longest, and a new one once every key has expired or was revoked', () => {
    let now = Date.UTC(2026, 5, 1);
    const store = new ApiKeyStore(newDir(), () => now);
    const short = store.create({ days: 1 });
    const week = store.create();
    expect(keyForStart(store).key.id).toBe(week.id);
    store.revoke(week.id);
    expect(keyForStart(store).key.id).toBe(short.id);
    now += 2 * DAY_MS;
    const fresh = keyForStart(store);
    expect(fresh.created).toBe(true);
    expect(store.list().map((k) => k.id)).toEqual([short.id, fresh.key.id]);
  });
});
