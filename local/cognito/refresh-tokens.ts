import { createHash, randomBytes } from 'node:crypto';
import { PoolDataError, RefreshTokenError } from './errors.js';
import { isRecord, readJsonFile, withFileLock, writeJsonFileAtomic } from './file-store.js';

/** One sign-in. Tokens refreshed from it keep its `origin_jti` and `auth_time`, as Cognito's do. */
export interface RefreshTokenRecord {
  /** Only a hash is kept: the data directory never holds a usable refresh token. */
  readonly tokenHash: string;
  readonly username: string;
  readonly clientId: string;
  readonly originJti: string;
  readonly authTime: number;
  readonly scopes: readonly string[];
  readonly expiresAt: number;
  readonly revoked: boolean;
}

interface RefreshTokensFile {
  readonly version: 1;
  readonly tokens: readonly RefreshTokenRecord[];
}

// Cognito's default refresh-token validity.
export const REFRESH_TOKEN_VALIDITY_SECONDS = 30 * 24 * 3600;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const nowSeconds = () => Math.floor(Date.now() / 1000);

export class RefreshTokenStore {
  constructor(
    private readonly path: string,
    private readonly lockPath: string,
  ) {}

  /** Stores a new opaque token for `session` and returns the token itself (its only copy). */
  issue(session: Omit<RefreshTokenRecord, 'tokenHash' | 'expiresAt' | 'revoked'>): string {
    const token = randomBytes(48).toString('base64url');
    const record = {
      ...session,
      tokenHash: hashToken(token),
      expiresAt: nowSeconds() + REFRESH_TOKEN_VALIDITY_SECONDS,
      revoked: false,
    };
    this.mutate((tokens) => [...tokens, record]);
    return token;
  }

  /** The session behind a token that is known, unexpired, unrevoked and held by `clientId`; throws otherwise. */
  redeem(token: string, clientId: string): RefreshTokenRecord {
    const record = this.find(token);
    if (!record) throw new RefreshTokenError('unknown', 'Invalid Refresh Token');
    if (record.clientId !== clientId) throw new RefreshTokenError('client-id', 'Invalid Refresh Token');
    if (record.revoked) throw new RefreshTokenError('revoked', 'Refresh Token has been revoked');
    if (record.expiresAt <= nowSeconds()) throw new RefreshTokenError('expired', 'Refresh Token has expired');
    return record;
  }

  find(token: string): RefreshTokenRecord | undefined {
    const tokenHash = hashToken(token);
    return this.read().tokens.find((record) => record.tokenHash === tokenHash);
  }

  /** Revokes the token; returns false when it is unknown. */
  revoke(token: string): boolean {
    const tokenHash = hashToken(token);
    let found = false;
    this.mutate((tokens) =>
      tokens.map((record) => {
        if (record.tokenHash !== tokenHash) return record;
        found = true;
        return { ...record, revoked: true };
      }),
    );
    return found;
  }

  revokeAllOf(username: string): void {
    this.mutate((tokens) => tokens.map((record) => (record.username === username ? { ...record, revoked: true } : record)));
  }

  /** Whether the sign-in that produced tokens with this `origin_jti` was revoked. */
  isOriginRevoked(originJti: string): boolean {
    return this.read().tokens.some((record) => record.originJti === originJti && record.revoked);
  }

  private mutate(change: (tokens: readonly RefreshTokenRecord[]) => readonly RefreshTokenRecord[]): void {
    withFileLock(this.lockPath, () => {
      const now = nowSeconds();
      // Expired sessions can never be redeemed again: dropping them keeps the file small.
      const tokens = change(this.read().tokens).filter((record) => record.expiresAt > now);
      writeJsonFileAtomic(this.path, { version: 1, tokens } satisfies RefreshTokensFile);
    });
  }

  private read(): RefreshTokensFile {
    const raw = readJsonFile(this.path);
    if (raw === undefined) return { version: 1, tokens: [] };
    if (isRecord(raw) && raw['version'] === 1 && Array.isArray(raw['tokens'])) return raw as unknown as RefreshTokensFile;
    throw new PoolDataError(`Unrecognised refresh-token file ${this.path}`);
  }
}
