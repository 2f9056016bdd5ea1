import aslValidator from 'asl-validator';

/**
 * What `local/` (when the stack starts) and `infra/` (at synthesis) both check in a state machine's ASL file: every
 * `${Key}` has a value, the text is JSON, and asl-validator accepts it. One check, so a definition `npm start` refuses
 * never deploys, and the other way round.
 */
export type CheckedDefinition = { ok: true; text: string; definition: Record<string, unknown> } | { ok: false; problem: string };

/**
 * Makes the `${Key}` substitutions as CloudFormation does for `DefinitionSubstitutions` (every occurrence, literal
 * text), then checks the result. `file` and `machine` only name the definition in the problem.
 */
export function checkDefinition(file: string, machine: string, text: string, values: Readonly<Record<string, string>>): CheckedDefinition {
  let substituted = text;
  for (const [key, value] of Object.entries(values)) substituted = substituted.replaceAll(`\${${key}}`, value);
  const left = /\$\{([A-Za-z0-9_]+)\}/.exec(substituted);
  if (left) return { ok: false, problem: `${file}: \${${left[1]}} has no value in definitionSubstitutions of ${machine}` };
  let definition: Record<string, unknown>;
  try {
    definition = JSON.parse(substituted) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, problem: `${file} is not JSON: ${(error as Error).message}` };
  }
  // asl-validator may annotate what it is given: it gets a copy.
  const { isValid, errors } = aslValidator(structuredClone(definition));
  if (!isValid) return { ok: false, problem: `${file} is not a valid state machine: ${errors.map((e) => e.Message).join('; ')}` };
  return { ok: true, text: substituted, definition };
}
