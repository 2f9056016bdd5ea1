/** A `days` or a description the local API keys refuse, as CreateApiKey refuses them. */
export class InvalidApiKeyInputError extends Error {
  override readonly name = 'InvalidApiKeyInputError';
}

/** Revoking a key the data dir does not hold. */
export class ApiKeyNotFoundError extends Error {
  override readonly name = 'ApiKeyNotFoundError';
  constructor(readonly id: string) {
    super(`No such API key: ${id}`);
  }
}

/** The keys file exists but is not what this module writes. */
export class ApiKeyDataError extends Error {
  override readonly name = 'ApiKeyDataError';
}
