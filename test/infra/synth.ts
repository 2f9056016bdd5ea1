import { fileURLToPath } from 'node:url';
import { App, CfnElement, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { orderApi } from '../../app/wiring.js';
import { bundleWiring } from '../../infra/bundles.js';
import { addOrderApiStack } from '../../infra/create-app.js';
import { bundleLambdas, type LambdaBundles } from '../../infra/lambda-bundles.js';
import type { StageName } from '../../infra/stage.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Synthesized {
  app: App;
  stack: Stack;
  template: Template;
}

let lambdaBundles: Promise<LambdaBundles> | undefined;
const synthesized = new Map<StageName, Promise<Synthesized>>();

/** The order API stack of a stage, as `npm run synth` builds it (cdk-nag included), once per test file. */
export function synthesize(stage: StageName): Promise<Synthesized> {
  let result = synthesized.get(stage);
  if (!result) {
    result = build(stage);
    synthesized.set(stage, result);
  }
  return result;
}

async function build(stage: StageName): Promise<Synthesized> {
  lambdaBundles ??= bundleLambdas(orderApi, ROOT);
  const app = new App({ context: { stage } });
  const stack = addOrderApiStack(app, {
    wiring: orderApi,
    rootDir: ROOT,
    bundles: await bundleWiring(orderApi, ROOT),
    lambdaBundles: await lambdaBundles,
  });
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
