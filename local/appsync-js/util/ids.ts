import { randomBytes, randomFillSync, randomUUID } from 'node:crypto';
import { ulid } from 'ulid';

/** ID generation utils of https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html. */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// KSUID spec (segmentio/ksuid): 32-bit seconds since this epoch, then a 128-bit random payload.
const KSUID_EPOCH_SECONDS = 1_400_000_000;
const KSUID_LENGTH = 27;

function autoKsuid(): string {
  const bytes = Buffer.alloc(20);
  bytes.writeUInt32BE(Math.floor(Date.now() / 1000) - KSUID_EPOCH_SECONDS, 0);
  randomBytes(16).copy(bytes, 4);
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(KSUID_LENGTH, '0');
}

// The ulid package's own source of randomness reads one byte from node:crypto per character (16 calls per id);
// the same bytes, drawn from a pool that is refilled a block at a time, cost a fraction of that.
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

function pooledRandom(): number {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  // As the package's default: a byte over 256, so each character is one of the 32 with equal odds.
  return (pool[poolAt++] ?? 0) / 256;
}

export const idHelpers = {
  autoId: (): string => randomUUID(),
  autoUlid: (): string => ulid(undefined, pooledRandom),
  autoKsuid,
};
