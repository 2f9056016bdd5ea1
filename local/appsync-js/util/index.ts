import type { EvaluationScope } from '../evaluation.js';
import { dynamodbUtil } from './dynamodb.js';
import { encodingHelpers } from './encoding.js';
import { createErrorHelpers } from './errors-helpers.js';
import { createExtensions } from './extensions.js';
import { createHttpHelpers } from './http.js';
import { idHelpers } from './ids.js';
import { math } from './math.js';
import { runtime } from './runtime.js';
import { str } from './str.js';
import { time } from './time.js';
import { transform } from './transform.js';
import { typeHelpers } from './type-helpers.js';
import { xml } from './xml.js';
import * as dynamodbModule from '../modules/dynamodb.js';

/**
 * What `import ... from '@aws-appsync/utils'` and `'@aws-appsync/utils/dynamodb'` give resolver code. Built once
 * per worker; per-evaluation state lives in the scope.
 */
export function createModules(scope: EvaluationScope): Record<string, Record<string, unknown>> {
  const util = Object.freeze({
    ...typeHelpers,
    ...encodingHelpers,
    ...idHelpers,
    ...createErrorHelpers(scope),
    time,
    dynamodb: dynamodbUtil,
    transform,
    str,
    math,
    xml,
    http: createHttpHelpers(scope),
  });
  const extensions = Object.freeze(createExtensions(scope));
  return {
    '@aws-appsync/utils': { util, extensions, runtime },
    '@aws-appsync/utils/dynamodb': { ...dynamodbModule },
  };
}
