import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { orderApi } from '../app/wiring.js';
import { ensureWebAppBuilt } from '../web/build-app.js';
import { bundleWiring } from './bundles.js';
import { addOrderApiStack } from './create-app.js';
import { bundleLambdas } from './lambda-bundles.js';

/**
 * The CDK app: `npx cdk deploy` runs it (cdk.json), and `npm run synth` runs it directly, offline, into cdk.out/.
 * The stack is environment-agnostic (account and region stay unresolved until deployment), so synthesis needs no
 * AWS account, credentials or network.
 */
const rootDir = fileURLToPath(new URL('..', import.meta.url));
// Bundles name their sources relative to the working directory; the root makes them those `npm start` runs.
process.chdir(rootDir);

const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out', context: contextFromArgv(process.argv.slice(2)) });
// The web app is built like the bundles, beforehand (when its sources changed): the stack uploads its output.
const [bundles, lambdaBundles, webDistDir] = await Promise.all([
  bundleWiring(orderApi, rootDir),
  bundleLambdas(orderApi, rootDir),
  ensureWebAppBuilt(),
]);
const stack = addOrderApiStack(app, { wiring: orderApi, rootDir, bundles, lambdaBundles, webDistDir });
const assembly = app.synth();
process.stdout.write(`Synthesized ${stack.stackName} into ${assembly.directory}\n`);

/** `-c key=value` / `--context key=value`, as the CDK CLI takes them, for runs without the CLI. */
function contextFromArgv(args: string[]): Record<string, string> {
  const context: Record<string, string> = {};
  args.forEach((arg, i) => {
    const pair = arg === '-c' || arg === '--context' ? args[i + 1] : undefined;
    const eq = pair?.indexOf('=') ?? -1;
    if (pair !== undefined && eq > 0) context[pair.slice(0, eq)] = pair.slice(eq + 1);
  });
  return context;
}
