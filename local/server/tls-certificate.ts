import { randomUUID, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** A certificate and key for HTTPS/WSS, and where the certificate is, for NODE_EXTRA_CA_CERTS. */
export interface TlsCredentials {
  cert: string;
  key: string;
  certPath: string;
}

const VALID_DAYS = 365;
const RENEW_BEFORE_MS = 24 * 3600 * 1000;

/**
 * The self-signed certificate `TLS=1` serves, made once under `$DATA_DIR/tls/` and reused, so a client trusts it
 * once (NODE_EXTRA_CA_CERTS, the OS store). It names localhost, 127.0.0.1, ::1 and the configured host; a new
 * one is made when it is about to expire or does not name that host.
 */
export async function selfSignedCertificate(dataDir: string, host: string | undefined): Promise<TlsCredentials> {
  const dir = join(dataDir, 'tls');
  const certPath = join(dir, 'localhost-cert.pem');
  const keyPath = join(dir, 'localhost-key.pem');
  const names = subjectNames(host);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8');
    if (stillGood(cert, names)) return { cert, key: readFileSync(keyPath, 'utf8'), certPath };
  }
  const notBeforeDate = new Date();
  // Each certificate its own issuer name: trust stores find a self-signed certificate's issuer by name, and two
  // trusted ones named alike (two data dirs, or a renewal) would have one checked against the other's key.
  const subject = [
    { name: 'commonName', value: 'localhost' },
    { name: 'organizationName', value: `Order API offline ${randomUUID()}` },
  ];
  const pems = await generate(subject, {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + VALID_DAYS * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map((name) => (isIP(name) ? { type: 7, ip: name } : { type: 2, value: name })) },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  writeFileSync(certPath, pems.cert);
  return { cert: pems.cert, key: pems.private, certPath };
}

function subjectNames(host: string | undefined): string[] {
  const names = ['localhost', '127.0.0.1', '::1'];
  if (host && !['0.0.0.0', '::'].includes(host) && !names.includes(host)) names.push(host);
  return names;
}

function stillGood(pem: string, names: string[]): boolean {
  try {
    const cert = new X509Certificate(pem);
    if (Date.parse(cert.validTo) - Date.now() < RENEW_BEFORE_MS) return false;
    return names.every((name) => (isIP(name) ? cert.checkIP(name) : cert.checkHost(name)) !== undefined);
  } catch {
    return false;
  }
}

