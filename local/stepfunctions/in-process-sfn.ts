import type { AwsCredentials } from '../../functions/lib/sigv4.js';
import type { DataSource } from '../engine/data-sources.js';
import { httpDataSource } from '../http/http-data-source.js';
import type { LocalStepFunctions } from './local-step-functions.js';

/**
 * An AppSync HTTP data source whose endpoint is Step Functions (`{ awsService: 'states' }`): its requests are
 * answered by the local engine in this process, as the SQS data source's are (local/sqs/in-process-sqs.ts). The
 * endpoint is known only once the server listens, so the data source is made at its first request.
 */
export function stepFunctionsDataSource(sfn: LocalStepFunctions, signing?: { service: string; region: string; credentials: AwsCredentials }): DataSource {
  let inner: DataSource | undefined;
  return (request) => {
    inner ??= httpDataSource({ endpoint: sfn.endpoint(), dispatch: sfn.dispatch, ...(signing ? { signing } : {}) });
    return inner(request);
  };
}
