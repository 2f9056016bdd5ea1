import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../functions/lib/node-sha256.js';
import type { LoadTarget, OutgoingRequest } from './load.js';

/**
 * DynamoDB calls sent straight to a dynalite port. `signed` (the default): each request SigV4-signed as an SDK
 * client signs it, with node:crypto as the SDK uses it; `unsigned`: one fixed authorization header, since dynalite
 * checks that a signature is there and not what it signs, so that only the store's own work is measured.
 */
export type RawSigning = 'signed' | 'unsigned';

const UNSIGNED = 'AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=bench';

export function rawDynamoDb(endpoint: string, signing: RawSigning): (operation: string, body: () => unknown) => LoadTarget {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: 'dynamodb', region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, sha256: NodeSha256 });
  return (operation, body) => ({
    url: endpoint,
    next: async (): Promise<OutgoingRequest> => {
      const text = JSON.stringify(body());
      const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${operation}` };
      if (signing === 'unsigned') return { headers: { ...headers, authorization: UNSIGNED, 'x-amz-date': '20240101T000000Z' }, body: text };
      const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', query: {}, headers: { ...headers, host: url.host }, body: text });
      return { headers: signed.headers, body: text };
    },
  });
}
