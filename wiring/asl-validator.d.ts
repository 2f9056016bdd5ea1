/** asl-validator ships no types; this is the part of its API wiring/asl-definition.ts uses (offline and at synth). */
declare module 'asl-validator' {
  interface AslValidationError {
    'Error code': string;
    Message: string;
  }

  function aslValidator(definition: object, options?: { checkPaths?: boolean; checkArn?: boolean }): { isValid: boolean; errors: AslValidationError[] };
  export = aslValidator;
}
