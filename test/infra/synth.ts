import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, CfnElement, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { orderApi } from '../../app/wiring.js';
import { bundleWiring } from '../../infra/bundles.js';
import { addOrderApiStack, type OrderApiAppProps } from '../../infra/create-app.js';
import { bundleLambdas, type LambdaBundles } from '../../infra/lambda-bundles.js';
import type { StageName } from '../../infra/stage.js';
import type { ApiWiring } from '../../wiring/types.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Synthesized {
  app: App;
  stack: Stack;
  template: Template;
}

let lambdaBundles: Promise<LambdaBundles> | undefined;
const synthesized = new Map<string, Promise<Synthesized>>();

/** A web app build as build-app.ts leaves it in web/dist: index.html, a hashed asset and its staleness stamp. */
export const WEB_DIST_FIXTURE: Readonly<Record<string, string>> = {
  'index.html': '<!doctype html><script type="module" src="/app/assets/index-abc123.js"></script>\n',
  'assets/index-abc123.js': 'console.log("orders");\n',
  '.build-stamp.json': '{"startedAt":0}\n',
};

/**
 * WEB_DIST_FIXTURE on disk: the stack takes the build as an input, so the template tests need not wait for the real
 * one. A folder per content, staged whole and renamed into place (test files run in parallel workers; the loser of
 * the race drops its copy).
 */
export function webDistFixture(): string {
  const hash = createHash('sha256').update(JSON.stringify(WEB_DIST_FIXTURE)).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `order-api-web-dist-${hash}`);
  if (existsSync(join(dir, 'index.html'))) return dir;
  const staging = mkdtempSync(`${dir}-staging-`);
  for (const [file, content] of Object.entries(WEB_DIST_FIXTURE)) {
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    writeFileSync(join(staging, file), content);
  }
  try {
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

/**
 * The order API stack of a stage, as `npm run synth` builds it (cdk-nag included), once per test file; `context`
 * adds what `-c key=value` would (e.g. alarmEmail).
 */
export function synthesize(stage: StageName, context: Record<string, string> = {}): Promise<Synthesized> {
  const key = JSON.stringify([stage, context]);
  let result = synthesized.get(key);
  if (!result) {
    result = build(stage, context);
    synthesized.set(key, result);
  }
  return result;
}

async function build(stage: StageName, context: Record<string, string>): Promise<Synthesized> {
  return buildStack(stage, await stackInputs(), context);
}

/** What addOrderApiStack needs besides the app: the wiring, bundled (the Lambda bundles once per test file). */
export async function stackInputs(): Promise<OrderApiAppProps> {
  lambdaBundles ??= bundleLambdas(orderApi, ROOT);
  return {
    wiring: orderApi,
    rootDir: ROOT,
    bundles: await bundleWiring(orderApi, ROOT),
    lambdaBundles: await lambdaBundles,
    webDistDir: webDistFixture(),
  };
}

/**
 * The stack of a stage for another wiring than the order API's (e.g. one with a state machine), built as
 * `npm run synth` builds it (cdk-nag included), once per test file and wiring name.
 */
export function synthesizeWiring(stage: StageName, wiring: ApiWiring): Promise<Synthesized> {
  const key = JSON.stringify([stage, 'wiring', wiring.name, wiring.stateMachines?.map((m) => m.name)]);
  let result = synthesized.get(key);
  if (!result) {
    result = (async () => {
      const [bundles, lambdas] = await Promise.all([bundleWiring(wiring, ROOT), bundleLambdas(wiring, ROOT)]);
      return buildStack(stage, { wiring, rootDir: ROOT, bundles, lambdaBundles: lambdas, webDistDir: webDistFixture() });
    })();
    synthesized.set(key, result);
  }
  return result;
}

/** The stack of a stage built and synthesized synchronously, uncached: for tests that set the clock around it. */
export function buildStack(stage: StageName, inputs: OrderApiAppProps, context: Record<string, string> = {}): Synthesized {
  const app = new App({ context: { stage, ...context } });
  const stack = addOrderApiStack(app, inputs);
  return { app, stack, template: Template.fromStack(stack) };
}

/** The resources of one type, by logical id. */
export function resourcesOf(template: Template, type: string): [string, { Properties: Record<string, unknown> }][] {
  return Object.entries(template.findResources(type)) as [string, { Properties: Record<string, unknown> }][];
}

/** The logical id of the CloudFormation resource of a construct the stack holds directly. */
export function logicalIdOfChild(stack: Stack, id: string): string {
  const resource = stack.node.findChild(id).node.defaultChild;
  if (!(resource instanceof CfnElement)) throw new Error(`${id} has no CloudFormation resource`);
  return stack.getLogicalId(resource);
}

/** The statements of every IAM policy attached to a role, by the role's logical id. */
export function statementsOfRole(template: Template, roleId: string): Record<string, unknown>[] {
  return resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties['Roles'] as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => (p.Properties['PolicyDocument'] as { Statement: Record<string, unknown>[] }).Statement);
}
