import { createHash, createHmac, getDiffieHellman, randomBytes } from 'node:crypto';

// The client half of Cognito's USER_SRP_AUTH written the way Amplify JS v6 computes it (AuthenticationHelper,
// calculateU/S, getHkdfKey with two explicit HMACs, getSignatureString, getNowString), independently of the server
// code under test, so the two meet only on the wire format.

const N = BigInt(`0x${getDiffieHellman('modp15').getPrime('hex')}`);
const g = 2n;

function toJavaHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return '89abcdef'.includes(hex[0] ?? '') ? `00${hex}` : hex;
}
const sha256Hex = (hex: string) => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
const big = (hex: string) => BigInt(`0x${hex}`);

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = ((base % N) + N) % N;
  let e = exponent;
  while (e > 0n) {
    if (e % 2n === 1n) result = (result * b) % N;
    b = (b * b) % N;
    e /= 2n;
  }
  return result;
}

function nowString(date = new Date()): string {
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getUTCMonth()];
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${day} ${month} ${date.getUTCDate()} ${time} UTC ${date.getUTCFullYear()}`;
}

export class SrpClient {
  private readonly a = big(randomBytes(128).toString('hex'));
  readonly A = power(g, this.a);

  constructor(private readonly poolId: string) {}

  get srpA(): string {
    return this.A.toString(16);
  }

  /** ChallengeResponses for PASSWORD_VERIFIER, given the challenge's parameters. */
  respond(password: string, params: Record<string, string>): Record<string, string> {
    const poolName = this.poolId.split('_')[1] ?? '';
    const userId = params['USER_ID_FOR_SRP'] ?? '';
    const B = big(params['SRP_B'] ?? '');
    const salt = big(params['SALT'] ?? '');
    const secretBlock = params['SECRET_BLOCK'] ?? '';
    const k = big(sha256Hex(toJavaHex(N) + toJavaHex(g)));
    const u = big(sha256Hex(toJavaHex(this.A) + toJavaHex(B)));
    const inner = createHash('sha256').update(`${poolName}${userId}:${password}`).digest('hex');
    const x = big(sha256Hex(toJavaHex(salt) + inner));
    const S = power(B - k * power(g, x), this.a + u * x);
    const prk = createHmac('sha256', Buffer.from(toJavaHex(u), 'hex')).update(Buffer.from(toJavaHex(S), 'hex')).digest();
    const key = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])])).digest().subarray(0, 16);
    const timestamp = nowString();
    const signature = createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from(poolName), Buffer.from(userId), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp)]))
      .digest('base64');
    return { USERNAME: userId, PASSWORD_CLAIM_SECRET_BLOCK: secretBlock, TIMESTAMP: timestamp, PASSWORD_CLAIM_SIGNATURE: signature };
  }
}
