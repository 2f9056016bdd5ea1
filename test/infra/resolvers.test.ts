import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { checkResolversMatchSchema, loadApiSchema, WiringSchemaMismatchError } from '../../infra/schema.js';
import { bundleResolver } from '../../wiring/bundle.js';
import { resourcesOf, ROOT, synthesize } from './synth.js';

const TIMEOUT = 120_000;
/** AWS::AppSync::Resolver / FunctionConfiguration Runtime for JavaScript resolvers (AppSync's guide). */
const APPSYNC_JS = { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' };

type Props = Record<string, unknown>;

async function resolversByCoordinate(): Promise<Map<string, Props>> {
  const { template } = await synthesize('dev');
  return new Map(
    resourcesOf(template, 'AWS::AppSync::Resolver').map(([, r]) => [`${r.Properties['TypeName']}.${r.Properties['FieldName']}`, r.Properties]),
  );
}

async function functionsByName(): Promise<Map<string, { id: string; props: Props }>> {
  const { template } = await synthesize('dev');
  return new Map(
    resourcesOf(template, 'AWS::AppSync::FunctionConfiguration').map(([id, f]) => [String(f.Properties['Name']), { id, props: f.Properties }]),
  );
}

describe('resolvers and pipeline functions', () => {
  it.each(orderApi.resolvers.map((r) => [`${r.typeName}.${r.fieldName}`, r] as const))(
    '%s runs APPSYNC_JS 1.0.0 with the bundleResolver output of its file',
    async (coordinate, decl) => {
      const resolver = (await resolversByCoordinate()).get(coordinate);
      expect(resolver?.['Runtime']).toEqual(APPSYNC_JS);
      expect(resolver?.['Code']).toBe((await bundleResolver({ file: resolve(ROOT, decl.code) })).code);
      expect(resolver?.['Kind']).toBe(decl.kind);
    },
    TIMEOUT,
  );

  it.each(orderApi.functions.map((fn) => [fn.name, fn] as const))(
    'function %s runs APPSYNC_JS 1.0.0 with the bundleResolver output of its file',
    async (name, decl) => {
      const fn = (await functionsByName()).get(name);
      expect(fn?.props['Runtime']).toEqual(APPSYNC_JS);
      expect(fn?.props['Code']).toBe((await bundleResolver({ file: resolve(ROOT, decl.code) })).code);
    },
    TIMEOUT,
  );

  it('runs each pipeline\'s functions in the declared order', async () => {
    const [resolvers, functions] = await Promise.all([resolversByCoordinate(), functionsByName()]);
    for (const decl of orderApi.resolvers) {
      if (decl.kind !== 'PIPELINE') continue;
      const expected = decl.functions.map((name) => ({ 'Fn::GetAtt': [functions.get(name)?.id, 'FunctionId'] }));
      expect(resolvers.get(`${decl.typeName}.${decl.fieldName}`)?.['PipelineConfig']).toEqual({ Functions: expected });
    }
  }, TIMEOUT);

  it('puts a resolver on every Query and Mutation field, and only on fields the schema has', async () => {
    const schema = loadApiSchema(orderApi, ROOT);
    const rootFields = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}).map((field) => `${type?.name}.${field}`),
    );
    const deployed = [...(await resolversByCoordinate()).keys()];
    for (const field of rootFields) expect(deployed, field).toContain(field);
    for (const coordinate of deployed) {
      const [typeName = '', fieldName = ''] = coordinate.split('.');
      const type = schema.getType(typeName);
      expect(type && 'getFields' in type ? Object.keys(type.getFields()) : [], coordinate).toContain(fieldName);
    }
  }, TIMEOUT);

  it('refuses to build from a wiring with a resolver on a missing field or a root field without one', () => {
    const schema = loadApiSchema(orderApi, ROOT);
    const [first, ...rest] = orderApi.resolvers;
    expect(() => checkResolversMatchSchema({ ...orderApi, resolvers: rest }, schema)).toThrow(
      new RegExp(`${first?.typeName}\\.${first?.fieldName} has 0 resolvers`),
    );
    const extra = { typeName: 'Query', fieldName: 'noSuchField', kind: 'UNIT', dataSource: 'OrdersTable', code: 'x.ts' } as const;
    expect(() => checkResolversMatchSchema({ ...orderApi, resolvers: [...orderApi.resolvers, extra] }, schema)).toThrow(
      WiringSchemaMismatchError,
    );
  });
});
