import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';

/**
 * cfn-lint on one synthesized template, as `npm run lint:cfn` runs it on the stacks (a Python tool CI installs):
 * clean, ignoring only the rules the template's metadata suppresses with a reason.
 */
export function expectCfnLintClean(template: Template, name: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'cfn-lint-'));
  const file = join(dir, `${name}.template.json`);
  writeFileSync(file, JSON.stringify(template.toJSON(), null, 1));
  const lint = spawnSync(process.env.CFN_LINT ?? 'cfn-lint', ['--', file], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  expect(lint.error, 'cfn-lint not found: pip install cfn-lint (or set CFN_LINT), as npm run lint:cfn needs').toBeUndefined();
  expect(`${lint.stdout}${lint.stderr}`.trim()).toBe('');
  expect(lint.status).toBe(0);
}
