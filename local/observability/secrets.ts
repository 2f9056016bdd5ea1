/** Headers that carry credentials: never logged, and their values cut out of anything else that is. */
const CREDENTIAL_HEADERS = ['authorization', 'x-amz-security-token', 'x-api-key'];
const REDACTED = '<redacted>';
/** Shorter values cannot be credentials, and cutting them out would mangle unrelated text. */
const MIN_SECRET_LENGTH = 16;

/** The credential values among a request's headers (names in any case). */
export function credentialValues(headers: Record<string, string | undefined>): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || !CREDENTIAL_HEADERS.includes(name.toLowerCase())) continue;
    values.push(value);
    // A bearer scheme or SigV4's parts may be copied alone; the signature is the secret part of SigV4.
    const bare = value.replace(/^Bearer\s+/i, '');
    if (bare !== value) values.push(bare);
    const signature = /Signature=([0-9a-f]+)/i.exec(value)?.[1];
    if (signature) values.push(signature);
  }
  return values;
}

/** The headers as AppSync logs them: without the credential headers. */
export function loggableHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.includes(name.toLowerCase())));
}

/** `text` with every occurrence of each secret (and of a JWT's signature part) replaced. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    out = out.split(secret).join(REDACTED);
    const jwtSignature = /^[\w-]+\.[\w-]+\.([\w-]{16,})$/.exec(secret)?.[1];
    if (jwtSignature) out = out.split(jwtSignature).join(REDACTED);
  }
  return out;
}
