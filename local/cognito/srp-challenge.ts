import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { isValidClientA, passwordClaimSignature, serverEphemeral, serverSessionKey } from './srp.js';
import type { UserRecord } from './users.js';

const CHALLENGE_TTL_MS = 5 * 60_000;

interface SealedState {
  readonly username: string;
  readonly A: string;
  readonly b: string;
  readonly B: string;
  readonly expiresAt: number;
}

export type SrpFailure = 'bad-srp-a' | 'bad-secret-block' | 'expired' | 'wrong-password';

/**
 * USER_SRP_AUTH's two steps. The server's secret `b` travels inside SECRET_BLOCK, sealed with AES-GCM under a key
 * derived from the pool's signing key, so no challenge state is kept and any process of the pool can finish it.
 */
export class SrpChallenges {
  constructor(
    private readonly sealKey: Buffer,
    private readonly poolId: string,
  ) {}

  /** ChallengeParameters of the PASSWORD_VERIFIER challenge, or a failure for an unusable SRP_A. */
  start(user: UserRecord & { srp: NonNullable<UserRecord['srp']> }, srpA: string): Record<string, string> | SrpFailure {
    if (!/^[0-9a-fA-F]{1,2048}$/.test(srpA) || !isValidClientA(BigInt(`0x${srpA}`))) return 'bad-srp-a';
    const { b, B } = serverEphemeral(user.srp.verifier);
    const state: SealedState = { username: user.username, A: srpA, b: b.toString(16), B: B.toString(16), expiresAt: Date.now() + CHALLENGE_TTL_MS };
    return {
      SALT: user.srp.salt,
      SECRET_BLOCK: this.seal(state),
      SRP_B: B.toString(16),
      USERNAME: user.username,
      USER_ID_FOR_SRP: user.username,
    };
  }

  /** The challenge a secret block stands for, when it is intact and unexpired. */
  open(secretBlock: string): SealedState | SrpFailure {
    const state = this.unseal(secretBlock);
    if (!state) return 'bad-secret-block';
    return state.expiresAt < Date.now() ? 'expired' : state;
  }

  /** Checks PASSWORD_CLAIM_SIGNATURE against the user's verifier. */
  verify(state: SealedState, user: UserRecord, responses: { secretBlock: string; timestamp: string; signature: string }): boolean {
    if (!user.srp) return false;
    const key = serverSessionKey(BigInt(`0x${state.A}`), BigInt(`0x${state.B}`), BigInt(`0x${state.b}`), user.srp.verifier);
    const expected = Buffer.from(passwordClaimSignature(key, this.poolId, user.username, responses.secretBlock, responses.timestamp), 'base64');
    const given = Buffer.from(responses.signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private seal(state: SealedState): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(state), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  private unseal(secretBlock: string): SealedState | undefined {
    try {
      const raw = Buffer.from(secretBlock, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', this.sealKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      return JSON.parse(json) as SealedState;
    } catch {
      return undefined;
    }
  }
}
