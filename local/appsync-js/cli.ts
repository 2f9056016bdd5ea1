import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BadRequestError, evaluateCode } from './evaluate-code.js';

/**
 * `npm run --silent evaluate -- --code FILE --context FILE --function request|response`: prints what
 * `aws appsync evaluate-code` prints. Like the AWS CLI, FILE may be written `file://FILE`.
 */
const { values } = parseArgs({
  options: {
    code: { type: 'string' },
    context: { type: 'string' },
    function: { type: 'string', default: 'request' },
    runtime: { type: 'string', default: 'name=APPSYNC_JS,runtimeVersion=1.0.0' },
  },
  strict: true,
});

const usage = 'usage: npm run --silent evaluate -- --code FILE --context FILE [--function request|response]';
if (!values.code) fail(usage);

const path = (value: string): string => resolve(value.replace(/^file:\/\//, ''));
const codeFile = path(values.code ?? '');
const read = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`Error parsing parameter: unable to read ${file}: ${(error as Error).message}`);
  }
};
const runtime = Object.fromEntries((values.runtime ?? '').split(',').map((pair) => pair.split('=') as [string, string]));

try {
  const output = await evaluateCode({
    runtime: { name: runtime.name ?? '', runtimeVersion: runtime.runtimeVersion ?? '' },
    code: read(codeFile),
    sourcefile: codeFile,
    context: values.context ? read(path(values.context)) : '{}',
    function: values.function,
  });
  process.stdout.write(`${JSON.stringify(output, null, 4)}\n`);
} catch (error) {
  if (error instanceof BadRequestError) fail(`An error occurred (BadRequestException) when calling the EvaluateCode operation: ${error.message}`);
  throw error;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(252);
}
