import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCode } from '../../local/appsync-js/evaluate-code.js';
import { type ConformanceCase, CAPTURED_CASES_FILE, loadCases, localCaseFiles, normalise } from './conformance-cases.js';

const RUNTIME = { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' };

async function check(testCase: ConformanceCase): Promise<void> {
  const output = await evaluateCode({
    runtime: RUNTIME,
    code: testCase.code,
    context: JSON.stringify(testCase.context),
    function: testCase.function,
  });
  if (testCase.expected.error) {
    expect(output.evaluationResult).toBeUndefined();
    expect(output.error?.message).toBe(testCase.expected.error.message);
    return;
  }
  expect(output.error).toBeUndefined();
  expect(output.evaluationResult).toBeTypeOf('string');
  expect(normalise(JSON.parse(output.evaluationResult ?? ''))).toEqual(normalise(testCase.expected.evaluationResult));
}

describe('APPSYNC_JS conformance: cases captured from AWS and stated by the guide', () => {
  const cases = loadCases(CAPTURED_CASES_FILE);
  it('has the captured cases to run', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => check(testCase));
});

for (const file of localCaseFiles()) {
  describe(`APPSYNC_JS conformance: ${basename(file)} (cases from the guide)`, () => {
    it.each(loadCases(file).map((c) => [c.name, c] as const))('%s', async (_name, testCase) => check(testCase));
  });
}
