import { join } from 'node:path';
import { bundleResolver } from '../../wiring/bundle.js';
import type { ApiWiring, DataSourceDecl } from '../../wiring/types.js';
import type { AppSyncJsRuntime, CompiledCode } from '../appsync-js/runtime.js';
import type { DataSource } from './data-sources.js';
import { LocalApi } from './local-api.js';
import { loadSchema } from './load-schema.js';
import type { LoadedResolver } from './resolver-executor.js';

/** Makes the data source a declaration names; the server supplies it (DynamoDB on dynalite, HTTP, NONE, …). */
export type DataSourceFactory = (decl: DataSourceDecl) => DataSource;

export class WiringError extends Error {
  override readonly name = 'WiringError';
}

/**
 * Builds a runnable API from a wiring declaration: the schema, every resolver and function compiled once (and
 * refused if AppSync would refuse it), each bound to its data source.
 */
export async function loadApi(
  rootDir: string,
  wiring: ApiWiring,
  runtime: AppSyncJsRuntime,
  makeDataSource: DataSourceFactory,
  /** The API's environment variables as deployed values resolve locally (`ctx.env`). */
  env: Record<string, string> = {},
): Promise<LocalApi> {
  const schema = loadSchema(join(rootDir, wiring.schema));
  const dataSources = new Map(wiring.dataSources.map((decl) => [decl.name, makeDataSource(decl)]));
  const dataSourceNames = new Map([...dataSources].map(([name, source]) => [source, name]));
  const dataSource = (name: string): DataSource => {
    const found = dataSources.get(name);
    if (!found) throw new WiringError(`No data source named ${name} is declared`);
    return found;
  };
  const compile = async (file: string): Promise<CompiledCode> => {
    const path = join(rootDir, file);
    return runtime.compileBundle(await bundleResolver({ file: path }), path);
  };
  const functions = new Map(
    await Promise.all(
      wiring.functions.map(async (fn) => [fn.name, { name: fn.name, code: await compile(fn.code), dataSource: dataSource(fn.dataSource) }] as const),
    ),
  );
  const resolvers = new Map<string, LoadedResolver>();
  for (const decl of wiring.resolvers) {
    const coordinate = `${decl.typeName}.${decl.fieldName}`;
    const type = schema.getType(decl.typeName);
    if (!type || !('getFields' in type) || !(decl.fieldName in type.getFields())) {
      throw new WiringError(`A resolver is declared for ${coordinate}, which the schema does not have`);
    }
    const code = await compile(decl.code);
    if (decl.kind === 'UNIT') {
      resolvers.set(coordinate, { kind: 'UNIT', code, dataSource: dataSource(decl.dataSource) });
    } else {
      const steps = decl.functions.map((name) => {
        const fn = functions.get(name);
        if (!fn) throw new WiringError(`The pipeline of ${coordinate} names an undeclared function ${name}`);
        return fn;
      });
      resolvers.set(coordinate, { kind: 'PIPELINE', code, functions: steps });
    }
  }
  return new LocalApi(schema, wiring.auth.default.type, resolvers, runtime, env, wiring.limits, dataSourceNames);
}
