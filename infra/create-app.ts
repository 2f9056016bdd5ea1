import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { ApiWiring } from '../wiring/types.js';
import type { WiringBundles } from './bundles.js';
import { suppressReviewedLintFindings } from './cfn-lint-suppressions.js';
import type { LambdaBundles } from './lambda-bundles.js';
import { suppressReviewedFindings } from './nag-suppressions.js';
import { OrderApiStack } from './order-api-stack.js';
import { stageConfig } from './stage.js';

/** Where a web app runs while being developed: the hosted sign-in may send users back there. */
const DEFAULT_CALLBACK_URL = 'http://localhost:3000/';

export interface OrderApiAppProps {
  wiring: ApiWiring;
  rootDir: string;
  bundles: WiringBundles;
  lambdaBundles: LambdaBundles;
  /** The web app's build output, served at AppUrl. */
  webDistDir: string;
}

/**
 * The order API stack in an app, configured from the app's context (`-c stage=prod`, `-c callbackUrls=a,b`,
 * `-c logoutUrls=a,b`, `-c authDomainPrefix=name`, `-c alarmEmail=address`), with cdk-nag's AwsSolutions checks run at synthesis
 * (a finding that is neither fixed nor acknowledged in nag-suppressions.ts fails `app.synth()`), and the cfn-lint
 * findings reviewed in cfn-lint-suppressions.ts ignored on their resources (infra/lint-templates.ts lints the rest).
 * STAGE in the environment stands in for `-c stage` when no context names one.
 */
export function addOrderApiStack(app: App, props: OrderApiAppProps): OrderApiStack {
  const context = (key: string): unknown => app.node.tryGetContext(key);
  const stage = stageConfig(context('stage') ?? process.env.STAGE ?? 'dev');
  const callbackUrls = list(context('callbackUrls')) ?? [DEFAULT_CALLBACK_URL];
  const domainPrefix = context('authDomainPrefix');
  const alarmEmail = context('alarmEmail');
  const stack = new OrderApiStack(app, `OrderApi-${stage.name}`, {
    ...props,
    stage,
    callbackUrls,
    logoutUrls: list(context('logoutUrls')) ?? callbackUrls,
    ...(typeof domainPrefix === 'string' && domainPrefix !== '' ? { authDomainPrefix: domainPrefix } : {}),
    ...(typeof alarmEmail === 'string' && alarmEmail !== '' ? { alarmEmail } : {}),
    description: `The ${props.wiring.name} GraphQL API (${stage.name})`,
  });
  suppressReviewedFindings(stack, stage);
  suppressReviewedLintFindings(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return stack;
}

function list(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value !== '') return value.split(',').map((item) => item.trim());
  return undefined;
}
