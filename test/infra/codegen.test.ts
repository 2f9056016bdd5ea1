import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './synth.js';

const GENERATED = `${ROOT}app/generated/graphql.ts`;

describe('the types generated from the schema (npm run codegen)', () => {
  it('are types only, so importing them adds nothing to a resolver bundle', () => {
    const source = ts.createSourceFile(GENERATED, readFileSync(GENERATED, 'utf8'), ts.ScriptTarget.Latest);
    const kinds = source.statements.map((statement) => ts.SyntaxKind[statement.kind]);
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.filter((kind) => kind !== 'TypeAliasDeclaration' && kind !== 'InterfaceDeclaration')).toEqual([]);
  });

  it('map the AppSync scalars the schema uses to what they are in JSON, with no `any`', () => {
    const text = readFileSync(GENERATED, 'utf8');
    expect(text).toMatch(/AWSDateTime: \{ input: string; output: string; \}/);
    expect(text).toMatch(/AWSTimestamp: \{ input: number; output: number; \}/);
    expect(text).not.toMatch(/(:|<|\|)\s*any\b/);
  });
});
