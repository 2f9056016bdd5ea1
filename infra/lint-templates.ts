import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CFN_LINT_METADATA_KEY, type CfnLintMetadata } from './cfn-lint-suppressions.js';
import type { StageName } from './stage.js';

/**
 * cfn-lint over the CloudFormation templates `npm run synth` produces for every stage, each stage synthesized
 * into a folder of its own (.tmp/cfn-lint/<stage>, or CFN_LINT_OUTDIR/<stage>). Any finding fails: cfn-lint's
 * exit code is non-zero for errors and warnings alike (and for informational rules, if options add them with
 * `--include-checks I`). Options given to this script go to cfn-lint. A finding that stands is ignored on its
 * resource, with a reason, in cfn-lint-suppressions.ts; this script also fails on an ignored rule without a
 * reason and on one that no longer finds anything on its resource (a stale suppression).
 *
 *   npx tsx infra/lint-templates.ts [cfn-lint options, e.g. --regions us-east-1 eu-west-1]
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAGES = ['dev', 'prod'] as const satisfies readonly StageName[];
const OUT_DIR = resolve(ROOT, process.env.CFN_LINT_OUTDIR ?? '.tmp/cfn-lint');
const CFN_LINT = process.env.CFN_LINT ?? 'cfn-lint';
const extraArgs = process.argv.slice(2);

interface Template {
  Metadata?: Record<string, unknown>;
  Resources?: Record<string, { Type?: string; Metadata?: Record<string, unknown> }>;
}

interface Suppression {
  resource: string;
  rule: string;
  reason: string | undefined;
}

interface Finding {
  Rule: { Id: string };
  Location: { Path: (string | number)[] };
}

const version = spawnSync(CFN_LINT, ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
  console.error(`${CFN_LINT} not found: install it with \`pip install cfn-lint\` (or set CFN_LINT to its path).`);
  process.exit(1);
}
console.log(`${version.stdout.trim()}, stages ${STAGES.join(', ')}, into ${relative(ROOT, OUT_DIR)}/`);

await Promise.all(STAGES.map(synthesize));

const problems: string[] = [];
for (const stage of STAGES) {
  for (const file of stackTemplates(join(OUT_DIR, stage))) {
    const name = relative(ROOT, file);
    const lint = spawnSync(CFN_LINT, [...extraArgs, '--', name], { cwd: ROOT, stdio: 'inherit' });
    if (lint.status !== 0) problems.push(`${name}: cfn-lint exited with ${lint.status ?? lint.signal}`);
    const stale = checkSuppressions(file);
    problems.push(...stale.map((problem) => `${name}: ${problem}`));
    if (lint.status === 0 && stale.length === 0) console.log(`${name}: clean`);
  }
}
if (problems.length > 0) {
  console.error(`\ncfn-lint failed:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}

/** `npm run synth -- -c stage=<stage>` into a fresh folder of the stage's own: exactly what CI synthesizes. */
async function synthesize(stage: StageName): Promise<void> {
  const outdir = join(OUT_DIR, stage);
  rmSync(outdir, { recursive: true, force: true });
  const child = spawn('npm', ['run', '--silent', 'synth', '--', '-c', `stage=${stage}`], {
    cwd: ROOT,
    env: { ...process.env, CDK_OUTDIR: outdir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  process.stdout.write(output);
  if (code !== 0) throw new Error(`npm run synth -- -c stage=${stage} exited with ${code}`);
}

/** The stack templates the cloud assembly names (not its asset manifests, tree or nag report). */
function stackTemplates(assemblyDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(assemblyDir, 'manifest.json'), 'utf8')) as {
    artifacts?: Record<string, { type: string; properties?: { templateFile?: string } }>;
  };
  const files = Object.values(manifest.artifacts ?? {}).flatMap((artifact) =>
    artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile
      ? [join(assemblyDir, artifact.properties.templateFile)]
      : [],
  );
  if (files.length === 0) throw new Error(`${assemblyDir}: the cloud assembly names no stack template`);
  return files;
}

/**
 * Each rule a resource ignores must say why, and must still find something there: cfn-lint is run again with
 * those rules mandatory (overriding the resources' ignore_checks) and every suppression must match a finding.
 */
function checkSuppressions(file: string): string[] {
  const template = JSON.parse(readFileSync(file, 'utf8')) as Template;
  const problems: string[] = [];
  if (template.Metadata?.[CFN_LINT_METADATA_KEY] !== undefined) {
    problems.push('template-wide cfn-lint configuration: ignore rules on the resources they are about');
  }
  const suppressions = Object.entries(template.Resources ?? {}).flatMap(([resource, { Metadata }]) => {
    const metadata = Metadata?.[CFN_LINT_METADATA_KEY] as Partial<CfnLintMetadata> | undefined;
    return (metadata?.config?.ignore_checks ?? []).map((rule): Suppression => ({ resource, rule, reason: metadata?.reasons?.[rule] }));
  });
  for (const { resource, rule, reason } of suppressions) {
    if (!reason?.trim()) problems.push(`${resource} ignores ${rule} without a reason`);
  }
  if (suppressions.length === 0) return problems;

  const rules = [...new Set(suppressions.map((s) => s.rule))];
  const lint = spawnSync(CFN_LINT, [...extraArgs, '--format', 'json', '--mandatory-checks', ...rules, '--', file], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let findings: Finding[];
  try {
    findings = JSON.parse(lint.stdout) as Finding[];
  } catch {
    return [...problems, `cfn-lint --mandatory-checks ${rules.join(' ')} gave no JSON report: ${lint.stderr.trim()}`];
  }
  // A resource's ignore_checks name whole rule ids (cfn-lint matches them exactly, unlike --ignore-checks).
  const found = new Set(findings.flatMap((f) => (f.Location.Path[0] === 'Resources' ? [`${f.Location.Path[1]} ${f.Rule.Id}`] : [])));
  for (const { resource, rule } of suppressions) {
    if (!found.has(`${resource} ${rule}`)) {
      problems.push(`${resource} ignores ${rule}, which finds nothing there any more: remove the suppression`);
    }
  }
  return problems;
}
