import { randomUUID } from 'node:crypto';
import type { PendingConfirmation } from './confirmation-codes.js';
import { InvalidUserInputError, PoolDataError, UserExistsError, UserNotFoundError } from './errors.js';
import { isRecord, readJsonFile, withFileLock, writeJsonFileAtomic } from './file-store.js';

export interface UserRecord {
  readonly username: string;
  /** Fixed at creation: resolvers key data on it, so it must survive restarts and re-issued tokens. */
  readonly sub: string;
  readonly passwordHash?: string;
  /** SRP salt and verifier (hex), derived from the password when it is set; see srp.ts. */
  readonly srp?: { readonly salt: string; readonly verifier: string };
  readonly groups: readonly string[];
  readonly email?: string;
  readonly createdAt: string;
  // The fields below came with self sign-up; users written before it lack them, which reads as confirmed.
  /** Absent means CONFIRMED: users added by the CLI or the API of the pool can sign in at once. */
  readonly status?: 'UNCONFIRMED' | 'CONFIRMED';
  /** Absent means verified: an address the developer gave is trusted. */
  readonly emailVerified?: boolean;
  /** Standard attributes other than email, by name. */
  readonly attributes?: Readonly<Record<string, string>>;
  readonly confirmation?: PendingConfirmation;
}

export const isConfirmed = (user: UserRecord): boolean => user.status !== 'UNCONFIRMED';

interface UsersFile {
  readonly version: 1;
  readonly users: readonly UserRecord[];
}

// Cognito's pattern for user and group names: letters, marks, symbols, numbers, punctuation; 1 to 128 of them.
const NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;

export function checkName(kind: 'user' | 'group', name: string): void {
  if (!NAME.test(name)) throw new InvalidUserInputError(`Invalid ${kind} name: ${JSON.stringify(name)}`);
}

/** Users in one JSON file. Every read goes to disk, so a user added by the CLI is seen by a running server. */
export class UserStore {
  constructor(
    private readonly path: string,
    private readonly lockPath: string,
  ) {}

  list(): readonly UserRecord[] {
    return this.read().users;
  }

  find(username: string): UserRecord | undefined {
    return this.list().find((user) => user.username === username);
  }

  get(username: string): UserRecord {
    const user = this.find(username);
    if (!user) throw new UserNotFoundError(username);
    return user;
  }

  create(username: string, fields: Omit<UserRecord, 'username' | 'sub' | 'createdAt'>): UserRecord {
    checkName('user', username);
    fields.groups.forEach((group) => checkName('group', group));
    return this.mutate((users) => {
      if (users.some((user) => user.username === username)) throw new UserExistsError(username);
      const user: UserRecord = { username, sub: randomUUID(), ...fields, createdAt: new Date().toISOString() };
      return { users: [...users, user], result: user };
    });
  }

  /** Applies `change` to the freshest copy of the user, under the lock. */
  update(username: string, change: (user: UserRecord) => UserRecord): UserRecord {
    return this.mutate((users) => {
      const index = users.findIndex((user) => user.username === username);
      const current = users[index];
      if (!current) throw new UserNotFoundError(username);
      const updated = change(current);
      return { users: users.map((user, i) => (i === index ? updated : user)), result: updated };
    });
  }

  /** Runs `change` on the user list read under the lock, so concurrent writers never lose an update. */
  mutate<T>(change: (users: readonly UserRecord[]) => { users: readonly UserRecord[]; result: T }): T {
    return withFileLock(this.lockPath, () => {
      const { users, result } = change(this.read().users);
      writeJsonFileAtomic(this.path, { version: 1, users } satisfies UsersFile);
      return result;
    });
  }

  private read(): UsersFile {
    const raw = readJsonFile(this.path);
    if (raw === undefined) return { version: 1, users: [] };
    if (isRecord(raw) && raw['version'] === 1 && Array.isArray(raw['users'])) return raw as unknown as UsersFile;
    throw new PoolDataError(`Unrecognised users file ${this.path}`);
  }
}
