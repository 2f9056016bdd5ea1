/** asl-validator ships no types; this is the part of its API the definition loader uses. */
declare module 'asl-validator' {
  interface AslValidationError {
    'Error code': string;
    Message: string;
  }

  function aslValidator(definition: object, options?: { checkPaths?: boolean; checkArn?: boolean }): { isValid: boolean; errors: AslValidationError[] };
  export = aslValidator;
}
