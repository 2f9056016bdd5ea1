import {
  AppsyncFunction,
  type BaseDataSource,
  Code,
  FunctionRuntime,
  type GraphqlApi,
  Resolver,
} from 'aws-cdk-lib/aws-appsync';
import type { Construct } from 'constructs';
import type { ApiWiring } from '../wiring/types.js';
import { bundleFor, type WiringBundles } from './bundles.js';

export class ResolverWiringError extends Error {
  override readonly name = 'ResolverWiringError';
}

/** Every pipeline function and resolver of the wiring, as APPSYNC_JS 1.0.0 code from the shared bundles. */
export function addResolvers(
  scope: Construct,
  api: GraphqlApi,
  wiring: ApiWiring,
  dataSources: ReadonlyMap<string, BaseDataSource>,
  bundles: WiringBundles,
): void {
  const runtime = FunctionRuntime.JS_1_0_0;
  const code = (file: string): Code => Code.fromInline(bundleFor(bundles, file).code);
  const dataSource = (name: string, user: string): BaseDataSource => {
    const source = dataSources.get(name);
    if (!source) throw new ResolverWiringError(`${user} uses data source ${name}, which is not declared`);
    return source;
  };

  const functions = new Map<string, AppsyncFunction>();
  for (const fn of wiring.functions) {
    functions.set(
      fn.name,
      new AppsyncFunction(scope, `Function-${fn.name}`, {
        api,
        name: fn.name,
        dataSource: dataSource(fn.dataSource, `function ${fn.name}`),
        runtime,
        code: code(fn.code),
      }),
    );
  }

  for (const resolver of wiring.resolvers) {
    const coordinate = `${resolver.typeName}.${resolver.fieldName}`;
    const common = { api, typeName: resolver.typeName, fieldName: resolver.fieldName, runtime, code: code(resolver.code) };
    if (resolver.kind === 'UNIT') {
      new Resolver(scope, `Resolver-${coordinate}`, { ...common, dataSource: dataSource(resolver.dataSource, coordinate) });
      continue;
    }
    const pipelineConfig = resolver.functions.map((name) => {
      const fn = functions.get(name);
      if (!fn) throw new ResolverWiringError(`${coordinate} runs function ${name}, which is not declared`);
      return fn;
    });
    new Resolver(scope, `Resolver-${coordinate}`, { ...common, pipelineConfig });
  }
}
