/** Amplify's auth errors carry Cognito's exception name and message; the message is what a person can act on. */
export function messageOf(reason: unknown): string {
  if (reason instanceof Error) return reason.message || reason.name;
  return String(reason);
}
