import { createHash, createHmac, getDiffieHellman, hkdfSync, randomBytes } from 'node:crypto';

// Cognito's SRP-6a, as Amplify and amazon-cognito-identity-js compute it: the 3072-bit group of RFC 5054 (the same
// prime as RFC 3526's MODP group 15, which Node ships), g = 2, SHA-256, numbers hashed as the even-length,
// sign-safe hex of Java's BigInteger.toByteArray(), and a 16-byte HKDF key labelled "Caldera Derived Key".

const N = BigInt(`0x${getDiffieHellman('modp15').getPrime('hex')}`);
const G = 2n;
const K = hexToBigInt(hashHex(padHex(N) + padHex(G)));

/** Hex of a non-negative integer as Java's toByteArray(): even length, and a leading 00 when the top bit is set. */
function padHex(value: bigint): string {
  const hex = value.toString(16);
  const even = hex.length % 2 === 0 ? hex : `0${hex}`;
  return /^[89a-f]/.test(even) ? `00${even}` : even;
}

function hashHex(hex: string): string {
  return createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
}

function hexToBigInt(hex: string): bigint {
  return BigInt(`0x${hex}`);
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let square = base % modulus;
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
  }
  return result;
}

/** The pool "name" that SRP mixes into the password hash: the part of the pool id after the underscore. */
export const srpPoolName = (poolId: string) => poolId.split('_')[1] ?? '';

/** x = H(salt | H(poolName | username | ":" | password)), shared by the verifier and by clients. */
function srpPrivateKey(poolId: string, username: string, password: string, saltHex: string): bigint {
  const inner = createHash('sha256').update(`${srpPoolName(poolId)}${username}:${password}`, 'utf8').digest('hex');
  return hexToBigInt(hashHex(padHex(hexToBigInt(saltHex)) + inner));
}

/** Salt and verifier g^x to store with a user, so SRP can check the password the server no longer has. */
export function srpCredentials(poolId: string, username: string, password: string): { salt: string; verifier: string } {
  const salt = padHex(hexToBigInt(randomBytes(16).toString('hex')));
  return { salt, verifier: modPow(G, srpPrivateKey(poolId, username, password, salt), N).toString(16) };
}

/** The server's ephemeral pair: B = k·v + g^b. */
export function serverEphemeral(verifierHex: string): { b: bigint; B: bigint } {
  for (;;) {
    const b = hexToBigInt(randomBytes(128).toString('hex'));
    const B = (K * hexToBigInt(verifierHex) + modPow(G, b, N)) % N;
    if (B !== 0n) return { b, B };
  }
}

/** Whether a client's A is usable (SRP-6a aborts when A ≡ 0 mod N). */
export function isValidClientA(A: bigint): boolean {
  return A > 0n && A % N !== 0n;
}

/** The key both sides derive; the server computes it as (A·v^u)^b, the client as (B − k·g^x)^(a + u·x). */
export function serverSessionKey(A: bigint, B: bigint, b: bigint, verifierHex: string): Buffer {
  const u = hexToBigInt(hashHex(padHex(A) + padHex(B)));
  const S = modPow((A * modPow(hexToBigInt(verifierHex), u, N)) % N, b, N);
  return hkdf(S, u);
}

function hkdf(S: bigint, u: bigint): Buffer {
  const info = Buffer.from('Caldera Derived Key', 'utf8');
  return Buffer.from(hkdfSync('sha256', Buffer.from(padHex(S), 'hex'), Buffer.from(padHex(u), 'hex'), info, 16));
}

/** PASSWORD_CLAIM_SIGNATURE: HMAC-SHA256 over poolName | userId | secret block bytes | timestamp, in base64. */
export function passwordClaimSignature(key: Buffer, poolId: string, userId: string, secretBlock: string, timestamp: string): string {
  return createHmac('sha256', key)
    .update(srpPoolName(poolId), 'utf8')
    .update(userId, 'utf8')
    .update(Buffer.from(secretBlock, 'base64'))
    .update(timestamp, 'utf8')
    .digest('base64');
}
