import { describe, expect, it } from 'vitest';
import { CFN_LINT_METADATA_KEY, type CfnLintMetadata } from '../../infra/cfn-lint-suppressions.js';
import { synthesize } from './synth.js';

const TIMEOUT = 120_000;

/**
 * infra/lint-templates.ts runs cfn-lint itself (CI has it); this pins what the template tells cfn-lint to ignore,
 * so widening a suppression shows up in review.
 */
describe('cfn-lint suppressions', () => {
  it.each([['dev', 6], ['prod', 5]] as const)('in %s, only W3005 on Lambda functions and state machines, per resource, each with a reason', async (stage, count) => {
    const template = (await synthesize(stage)).template.toJSON() as {
      Metadata?: Record<string, unknown>;
      Resources: Record<string, { Type: string; Metadata?: Record<string, unknown> }>;
    };
    expect(template.Metadata?.[CFN_LINT_METADATA_KEY]).toBeUndefined();

    const ignored = Object.entries(template.Resources).flatMap(([id, resource]) => {
      const metadata = resource.Metadata?.[CFN_LINT_METADATA_KEY] as CfnLintMetadata | undefined;
      return metadata ? [{ id, type: resource.Type, rules: metadata.config.ignore_checks, reasons: metadata.reasons }] : [];
    });
    // The order poller, the order journey's function and its state machine, CDK's log-retention handler and its web
    // app upload handler; in dev also the handler that empties the web app's buckets before deleting them
    // (autoDeleteObjects).
    expect(ignored).toHaveLength(count);
    for (const { type, rules, reasons } of ignored) {
      expect(['AWS::Lambda::Function', 'AWS::StepFunctions::StateMachine']).toContain(type);
      expect(rules).toEqual(['W3005']);
      expect(Object.keys(reasons)).toEqual(rules);
      for (const reason of Object.values(reasons)) expect(reason.length).toBeGreaterThan(40);
    }
  }, TIMEOUT);
});
