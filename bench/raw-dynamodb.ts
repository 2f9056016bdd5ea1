import { type AwsCredentials, signRequest } from '../functions/lib/sigv4.js';
import type { LoadTarget, OutgoingRequest } from './load.js';

/**
 * DynamoDB calls sent straight to a dynalite port. `signed` (the default): each request SigV4-signed as an SDK
 * client signs it, with node:crypto as the SDK uses it; `unsigned`: one fixed authorization header, since dynalite
 * checks that a signature is there and not what it signs, so that only the store's own work is measured.
 */
export type RawSigning = 'signed' | 'unsigned';

const CREDENTIALS: AwsCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const UNSIGNED = 'AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=bench';

export function rawDynamoDb(endpoint: string, signing: RawSigning): (operation: string, body: () => unknown) => LoadTarget {
  return (operation, body) => ({
    url: endpoint,
    next: async (): Promise<OutgoingRequest> => {
      const text = JSON.stringify(body());
      const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${operation}` };
      if (signing === 'unsigned') return { headers: { ...headers, authorization: UNSIGNED, 'x-amz-date': '20240101T000000Z' }, body: text };
      // The signer the poller and the HTTP data source use: the SDK's, with node:crypto and a cached signing key.
      const signed = await signRequest({ url: endpoint, method: 'POST', headers, body: text }, { service: 'dynamodb', region: 'us-east-1', credentials: CREDENTIALS });
      return { headers: signed, body: text };
    },
  });
}
