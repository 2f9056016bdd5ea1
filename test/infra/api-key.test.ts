import type { Template } from 'aws-cdk-lib/assertions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { buildStack, logicalIdOfChild, resourcesOf, stackInputs, synthesize } from './synth.js';

const TIMEOUT = 120_000;
const HOUR_S = 3_600;
const DAY_S = 24 * HOUR_S;

type Resource = { Type: string; Properties: Record<string, unknown> };

/** The one API key of the template, by logical id. */
function apiKeyOf(template: Template): [string, { ApiId: unknown; Expires: number; Description?: string }] {
  const keys = resourcesOf(template, 'AWS::AppSync::ApiKey');
  expect(keys).toHaveLength(1);
  const [[id, key]] = keys as [[string, { Properties: { ApiId: unknown; Expires: number } }]];
  return [id, key.Properties];
}

/** The template as it is synthesized with the clock at `time` (only Date is faked: bundling is done beforehand). */
async function templateAt(time: Date): Promise<Record<string, unknown> & { Resources: Record<string, Resource> }> {
  const inputs = await stackInputs();
  vi.useFakeTimers({ toFake: ['Date'], now: time });
  try {
    return buildStack('dev', inputs).template.toJSON() as Record<string, unknown> & { Resources: Record<string, Resource> };
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the API key', () => {
  it('exists because the wiring declares API_KEY, on the API, expiring within 364 days on the hour', async () => {
    expect(orderApi.auth.additional).toContainEqual({ type: 'API_KEY' });
    const before = Date.now() / 1000;
    const { template, stack } = await synthesize('dev');
    const [, key] = apiKeyOf(template);
    expect(key.ApiId).toEqual({ 'Fn::GetAtt': [logicalIdOfChild(stack, 'Api'), 'ApiId'] });
    // AppSync keeps expiries rounded down to the hour, and takes 1 to 365 days from the deploy.
    expect(key.Expires % HOUR_S).toBe(0);
    expect(key.Expires).toBeLessThanOrEqual(Date.now() / 1000 + 364 * DAY_S);
    // The synthesis may have run (cached) a little before this test: an hour of rounding and ten minutes of slack.
    expect(key.Expires).toBeGreaterThan(before - HOUR_S - 600 + 364 * DAY_S);
  }, TIMEOUT);

  it('moves its expiry forward on every later synthesis, and nothing else, so a deploy renews the same key', async () => {
    const first = await templateAt(new Date('2027-03-01T10:45:00Z'));
    const month = await templateAt(new Date('2027-03-31T10:45:00Z'));
    const sameHour = await templateAt(new Date('2027-03-01T10:59:59Z'));
    const keyOf = (template: typeof first): [string, Resource] => {
      const keys = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::AppSync::ApiKey');
      expect(keys).toHaveLength(1);
      return keys[0] as [string, Resource];
    };
    const [firstId, firstKey] = keyOf(first);
    const [monthId, monthKey] = keyOf(month);
    // 364 days after 2027-03-01T10:45Z, rounded down to the hour: 2028-02-28T10:00Z.
    expect(firstKey.Properties['Expires']).toBe(Date.parse('2028-02-28T10:00:00Z') / 1000);
    expect(monthKey.Properties['Expires']).toBe((firstKey.Properties['Expires'] as number) + 30 * DAY_S);
    // The same logical id and only Expires changed: CloudFormation updates Expires with no interruption (the key,
    // and the value config.json carries, stay), where a new logical id would create a new key and delete the old one.
    expect(monthId).toBe(firstId);
    const withoutExpires = (template: typeof first): unknown =>
      JSON.parse(JSON.stringify(template), (key: string, value: unknown) => (key === 'Expires' ? undefined : value));
    expect(withoutExpires(month)).toEqual(withoutExpires(first));
    // Within the hour the template does not change at all.
    expect(sameHour).toEqual(first);
  }, TIMEOUT);

  it('is in no stack output, in either stage (config.json carries it: web-app.test.ts)', async () => {
    for (const stage of ['dev', 'prod'] as const) {
      const { template } = await synthesize(stage);
      const [keyId] = apiKeyOf(template);
      const outputs = JSON.stringify(template.toJSON().Outputs);
      expect(outputs).not.toContain(`"${keyId}"`);
      expect(outputs).not.toContain('"ApiKey"');
    }
  }, TIMEOUT);
});
