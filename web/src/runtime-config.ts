/**
 * What the app reads at start from `config.json` next to index.html, so one build serves every stage: infra writes
 * it from the stack's outputs, the local server from its own endpoints. Never baked into the bundle.
 */
export interface RuntimeConfig {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  graphqlUrl: string;
  /** Offline only: the local server's Cognito JSON API (`<server>/cognito`). */
  userPoolEndpoint?: string;
  /** The API key for public reads (AppSync's API_KEY mode), on stages that deploy one. */
  apiKey?: string;
}

export class RuntimeConfigError extends Error {
  override readonly name = 'RuntimeConfigError';
}

const REQUIRED = ['region', 'userPoolId', 'userPoolClientId', 'graphqlUrl'] as const;

/** Checks a parsed config.json; names every missing or malformed key at once. */
export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RuntimeConfigError('config.json must hold a JSON object');
  const record = value as Record<string, unknown>;
  const problems = REQUIRED.filter((key) => typeof record[key] !== 'string' || record[key] === '').map((key) => `${key} is missing`);
  if (record.userPoolEndpoint !== undefined && typeof record.userPoolEndpoint !== 'string') problems.push('userPoolEndpoint must be a string');
  if (record.apiKey !== undefined && (typeof record.apiKey !== 'string' || record.apiKey === '')) problems.push('apiKey must be a non-empty string');
  for (const key of ['graphqlUrl', 'userPoolEndpoint'] as const) {
    const url = record[key];
    if (typeof url === 'string' && !/^https?:\/\//.test(url)) problems.push(`${key} must be an http(s) URL`);
  }
  if (problems.length > 0) throw new RuntimeConfigError(`config.json: ${problems.join('; ')}`);
  const config: RuntimeConfig = {
    region: record.region as string,
    userPoolId: record.userPoolId as string,
    userPoolClientId: record.userPoolClientId as string,
    graphqlUrl: record.graphqlUrl as string,
  };
  if (typeof record.userPoolEndpoint === 'string') config.userPoolEndpoint = record.userPoolEndpoint;
  if (typeof record.apiKey === 'string') config.apiKey = record.apiKey;
  return config;
}
