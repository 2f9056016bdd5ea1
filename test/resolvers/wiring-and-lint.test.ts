import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { AppSyncJsRuntime } from '../../local/appsync-js/runtime.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const runtime = new AppSyncJsRuntime({ size: 1 });
afterAll(() => runtime.close());

const codeFiles = [...orderApi.functions.map((fn) => fn.code), ...orderApi.resolvers.map((resolver) => resolver.code)];

/** The root fields of schema.graphql, as `Type.field`. */
function schemaFields(): string[] {
  const document = parse(readFileSync(`${ROOT}${orderApi.schema}`, 'utf8'));
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OBJECT_TYPE_DEFINITION && ['Query', 'Mutation', 'Subscription'].includes(definition.name.value)
      ? (definition.fields ?? []).map((field) => `${definition.name.value}.${field.name.value}`)
      : [],
  );
}

describe('the order API wiring', () => {
  it('resolves every Query, Mutation and Subscription field of the schema exactly once', () => {
    const wired = orderApi.resolvers.map((resolver) => `${resolver.typeName}.${resolver.fieldName}`);
    expect(wired.toSorted()).toEqual(schemaFields().toSorted());
  });

  it('names each resolver file by its schema coordinate', () => {
    for (const resolver of orderApi.resolvers) {
      const coordinate = `resolvers/${resolver.typeName}.${resolver.fieldName}`;
      expect(resolver.code).toBe(resolver.kind === 'PIPELINE' ? `${coordinate}/index.ts` : `${coordinate}.ts`);
    }
  });

  it('declares every function a pipeline runs, and every numbered step file as a function', () => {
    const declared = new Set(orderApi.functions.map((fn) => fn.name));
    const codes = new Set(orderApi.functions.map((fn) => fn.code));
    for (const resolver of orderApi.resolvers) {
      if (resolver.kind !== 'PIPELINE') continue;
      for (const name of resolver.functions) expect(declared.has(name), name).toBe(true);
      const folder = resolver.code.replace(/\/index\.ts$/, '');
      for (const file of readdirSync(`${ROOT}${folder}`).filter((name) => /^\d+-/.test(name))) {
        expect(codes.has(`${folder}/${file}`), `${folder}/${file}`).toBe(true);
      }
    }
  });

  it.each(codeFiles)('%s loads in the APPSYNC_JS runtime and has request and response', async (file) => {
    expect(existsSync(`${ROOT}${file}`)).toBe(true);
    const compiled = await runtime.compile({ file: `${ROOT}${file}` });
    expect(compiled.bundle).toMatch(/export\s*\{[^}]*\brequest\b/);
    expect(compiled.bundle).toMatch(/export\s*\{[^}]*\bresponse\b/);
  });
});

describe('npm run lint', () => {
  it('passes on resolvers/ (the @aws-appsync/eslint-plugin rules)', () => {
    const run = spawnSync(`${ROOT}node_modules/.bin/eslint`, ['--no-error-on-unmatched-pattern', 'resolvers'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});
