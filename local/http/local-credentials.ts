import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AwsCredentials } from '../../functions/lib/sigv4.js';

/** The account of every local resource: fauxqs uses it in queue URLs and ARNs. */
export const LOCAL_ACCOUNT_ID = '000000000000';

/**
 * The one IAM principal of the local stack, an IAM user whose long-term key stands for every service role on AWS
 * (AppSync's role for the SQS data source, the poller's execution role). Generated once per data dir and kept in
 * `<dataDir>/iam/credentials.json` (mode 600), so signatures made before a restart still verify after it.
 */
export interface LocalPrincipal extends AwsCredentials {
  accountId: string;
  /** The IAM user's unique id (AIDA…): `ctx.identity.username` for IAM callers. */
  userId: string;
  userArn: string;
}

export function loadOrCreateLocalPrincipal(dataDir: string): LocalPrincipal {
  const dir = join(dataDir, 'iam');
  const file = join(dir, 'credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalPrincipal;
  mkdirSync(dir, { recursive: true });
  const principal: LocalPrincipal = {
    accessKeyId: `AKIA${upperAlphanumeric(16)}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    accountId: LOCAL_ACCOUNT_ID,
    userId: `AIDA${upperAlphanumeric(17)}`,
    userArn: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/local-services`,
  };
  writeFileSync(file, `${JSON.stringify(principal, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return principal;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function upperAlphanumeric(length: number): string {
  return [...randomBytes(length)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
}
