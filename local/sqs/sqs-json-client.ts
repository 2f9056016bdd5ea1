import { httpRequest } from '../../functions/lib/http-request.js';
import { type AwsCredentials, signRequest } from '../../functions/lib/sigv4.js';

/** A message attribute as SQS's JSON protocol carries it: binaries as base64 text. */
export interface WireMessageAttribute {
  DataType?: string;
  StringValue?: string;
  BinaryValue?: string;
  StringListValues?: string[];
  BinaryListValues?: string[];
}

/** A received message as SQS's JSON protocol answers ReceiveMessage. */
export interface WireMessage {
  MessageId?: string;
  ReceiptHandle?: string;
  MD5OfBody?: string;
  Body?: string;
  Attributes?: Record<string, string>;
  MessageAttributes?: Record<string, WireMessageAttribute>;
  MD5OfMessageAttributes?: string;
}

/** SQS answered with an error: `code` is the error type (`QueueDoesNotExist`, `InvalidParameterValue`...). */
export class SqsCallError extends Error {
  override readonly name = 'SqsCallError';
  constructor(readonly code: string, message: string, readonly status: number) {
    super(`${code}: ${message}`);
  }
}

export interface SqsJsonClientOptions {
  endpoint: string;
  region: string;
  credentials: AwsCredentials;
}

/**
 * SQS's AWS JSON 1.0 protocol (`POST /`, `X-Amz-Target: AmazonSQS.<Action>`), SigV4-signed, on node:http with
 * keep-alive: how the local event source mapping receives and deletes, as Lambda's pollers do. Not the SDK's
 * SQSClient: against the local queue its middleware stack cost ~1 ms of CPU per call, four times the queue's own
 * work, on the same two cores (docs/performance.md); the signing and HTTP are the ones the HTTP data source uses.
 */
export class SqsJsonClient {
  constructor(private readonly options: SqsJsonClientOptions) {}

  async call<T>(action: string, input: object, exchange: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<T> {
    const url = `${this.options.endpoint.replace(/\/+$/, '')}/`;
    const request = {
      url,
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${action}` },
      body: JSON.stringify(input),
    };
    const headers = await signRequest(request, { service: 'sqs', region: this.options.region, credentials: this.options.credentials });
    const answer = await httpRequest(url, {
      method: 'POST',
      headers,
      body: request.body,
      timeoutMs: exchange.timeoutMs ?? 30_000,
      ...(exchange.signal ? { signal: exchange.signal } : {}),
    });
    const body = (answer.body === '' ? {} : JSON.parse(answer.body)) as T & { __type?: string; message?: string; Message?: string };
    if (answer.status >= 300) {
      throw new SqsCallError((body.__type ?? `HTTP ${answer.status}`).replace(/^.*#/, ''), body.message ?? body.Message ?? answer.body, answer.status);
    }
    return body;
  }
}
