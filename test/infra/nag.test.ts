import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { bundleWiring } from '../../infra/bundles.js';
import { bundleLambdas } from '../../infra/lambda-bundles.js';
import { OrderApiStack } from '../../infra/order-api-stack.js';
import { stageConfig } from '../../infra/stage.js';
import { ROOT, synthesize, webDistFixture } from './synth.js';

const TIMEOUT = 180_000;

/** Every rule id acknowledged anywhere in the stack, with its reason. */
function acknowledgements(stack: OrderApiStack): { id: string; reason: string }[] {
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
    .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ id, reason })));
}

describe('cdk-nag AwsSolutions', () => {
  it.each(['dev', 'prod'] as const)('reports no unacknowledged finding in %s (synthesis would fail)', async (stage) => {
    const { app, stack } = await synthesize(stage);
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.resourceLogicalId).join(',')}`)).toEqual([]);
    expect(report.success).toBe(true);
  }, TIMEOUT);

  it.each(['dev', 'prod'] as const)('acknowledges in %s only findings that exist, each with a reason', async (stage) => {
    const { stack } = await synthesize(stage);
    const acknowledged = acknowledgements(stack as OrderApiStack);
    for (const { reason } of acknowledged) expect(reason.length).toBeGreaterThan(40);

    // The same stack without the acknowledgements: what cdk-nag finds there is what nag-suppressions.ts reasons about.
    const bare = new OrderApiStack(new App(), 'Bare', {
      wiring: orderApi,
      rootDir: ROOT,
      bundles: await bundleWiring(orderApi, ROOT),
      lambdaBundles: await bundleLambdas(orderApi, ROOT),
      webDistDir: webDistFixture(),
      stage: stageConfig(stage),
      callbackUrls: ['http://localhost:3000/'],
      logoutUrls: ['http://localhost:3000/'],
    });
    const findings = new AwsSolutionsChecks().validateScope(bare).violations.map((v) => v.ruleName);
    expect(findings.length).toBeGreaterThan(0);
    // CDK records an acknowledgement as `Annotation::<rule id>`.
    const ids = new Set(acknowledged.map((a) => a.id.replace(/^Annotation::/, '')));
    expect([...ids].sort()).toEqual([...new Set(findings)].sort());
  }, TIMEOUT);
});
