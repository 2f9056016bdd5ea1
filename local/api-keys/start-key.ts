import { type ApiKeyRecord, type ApiKeyStore, MAX_KEY_DAYS } from './api-key-store.js';

/**
 * The key `npm start` prints: the one valid longest, or, when the data dir holds none that is valid, a new one for
 * the longest AppSync allows, so a local web app keeps working for a year without anyone managing keys.
 */
export function keyForStart(store: ApiKeyStore): { key: ApiKeyRecord; created: boolean } {
  const current = store.current();
  if (current) return { key: current, created: false };
  return { key: store.create({ days: MAX_KEY_DAYS, description: 'Created by npm start' }), created: true };
}

/** The banner's line about it. */
export function startKeyLine(start: { key: ApiKeyRecord; created: boolean }): string {
  const expires = new Date(start.key.expires * 1000).toISOString();
  return `  ${'apiKey'.padEnd(16)} ${start.key.id} (x-api-key; ${start.created ? 'created, ' : ''}expires ${expires}; npm run --silent api-key -- list)`;
}
