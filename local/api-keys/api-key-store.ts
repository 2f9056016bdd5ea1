import { randomInt } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord, readJsonFile, withFileLock, writeJsonFileAtomic } from '../cognito/file-store.js';
import { ApiKeyDataError, ApiKeyNotFoundError, InvalidApiKeyInputError } from './errors.js';

/** One key, as AppSync's ApiKey describes it: `expires` and `deletes` in seconds since the epoch, on the hour. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly description?: string;
  readonly expires: number;
  /** AppSync keeps an expired key 60 days (it can be extended meanwhile); offline it is only listed until then. */
  readonly deletes: number;
}

export interface CreateApiKeyOptions {
  /** 1 to 365; AppSync's default is 7. */
  days?: number;
  description?: string;
}

export const DEFAULT_KEY_DAYS = 7;
export const MAX_KEY_DAYS = 365;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const KEPT_AFTER_EXPIRY_S = 60 * 24 * 3600;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** AppSync's second key format (da2, since February 2018): `da2-` and 26 lower-case letters or digits. */
export const API_KEY_PATTERN = /^da2-[a-z0-9]{26}$/;

interface KeysFile {
  readonly version: 1;
  readonly keys: readonly ApiKeyRecord[];
}

/**
 * The API keys of a local API, in `<dataDir>/api-keys/keys.json` (mode 600). The server and `npm run api-key` are
 * different processes over the same file: writes are atomic renames under a lock (as the user pool's files), and
 * the server reads the file again whenever it changed, so a key created or revoked by the CLI counts at once.
 */
export class ApiKeyStore {
  private readonly path: string;
  private readonly lockPath: string;
  private cached: { stamp: string; file: KeysFile } | undefined;

  constructor(
    dataDir: string,
    /** Milliseconds since the epoch; tests move it to expire keys. */
    private readonly now: () => number = Date.now,
  ) {
    this.path = join(dataDir, 'api-keys', 'keys.json');
    this.lockPath = `${this.path}.lock`;
  }

  /** Every key still held, expired ones included, soonest expiry first. */
  list(): readonly ApiKeyRecord[] {
    const nowS = this.now() / 1000;
    return this.read().keys.filter((key) => key.deletes > nowS).toSorted((a, b) => a.expires - b.expires);
  }

  /** The key record when `id` is a key that has not expired; undefined otherwise. */
  valid(id: string): ApiKeyRecord | undefined {
    const key = this.read().keys.find((candidate) => candidate.id === id);
    return key && !this.isExpired(key) ? key : undefined;
  }

  isExpired(key: ApiKeyRecord): boolean {
    return key.expires * 1000 <= this.now();
  }

  /** The unexpired key that lasts longest, if any: what `npm start` prints and the web app's config carries. */
  current(): ApiKeyRecord | undefined {
    return this.list().filter((key) => !this.isExpired(key)).at(-1);
  }

  create(options: CreateApiKeyOptions = {}): ApiKeyRecord {
    const days = options.days ?? DEFAULT_KEY_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > MAX_KEY_DAYS) {
      throw new InvalidApiKeyInputError(`An API key expires after 1 to ${MAX_KEY_DAYS} whole days, not ${days}`);
    }
    // AppSync rounds the expiry down to the hour (ApiKey.expires in the API reference).
    const expires = Math.floor((this.now() + days * DAY_MS) / HOUR_MS) * (HOUR_MS / 1000);
    const key: ApiKeyRecord = {
      id: `da2-${Array.from({ length: 26 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`,
      ...(options.description ? { description: options.description } : {}),
      expires,
      deletes: expires + KEPT_AFTER_EXPIRY_S,
    };
    this.update((keys) => [...keys, key]);
    return key;
  }

  /** Deletes a key at once (DeleteApiKey): requests carrying it are refused from now on. */
  revoke(id: string): void {
    this.update((keys) => {
      if (!keys.some((key) => key.id === id)) throw new ApiKeyNotFoundError(id);
      return keys.filter((key) => key.id !== id);
    });
  }

  private update(change: (keys: readonly ApiKeyRecord[]) => readonly ApiKeyRecord[]): void {
    withFileLock(this.lockPath, () => {
      const file: KeysFile = { version: 1, keys: change(this.readFromDisk().keys) };
      writeJsonFileAtomic(this.path, file);
      this.cached = undefined;
    });
  }

  private read(): KeysFile {
    const stats = statSync(this.path, { throwIfNoEntry: false });
    if (!stats) return { version: 1, keys: [] };
    const stamp = `${stats.ino}:${stats.mtimeMs}:${stats.size}`;
    if (this.cached?.stamp !== stamp) this.cached = { stamp, file: this.readFromDisk() };
    return this.cached.file;
  }

  private readFromDisk(): KeysFile {
    const value = readJsonFile(this.path);
    if (value === undefined) return { version: 1, keys: [] };
    if (!isRecord(value) || value.version !== 1 || !Array.isArray(value.keys)) throw new ApiKeyDataError(`Not an API keys file: ${this.path}`);
    return value as unknown as KeysFile;
  }
}
