import { fetchAuthSession, getCurrentUser } from 'aws-amplify/auth';

export interface Session {
  username: string;
  /** The Cognito sub: an order's userId. */
  sub: string;
  groups: readonly string[];
}

/** Who is signed in (Amplify keeps the tokens in localStorage, so this survives a reload), or null. */
export async function currentSession(): Promise<Session | null> {
  try {
    const user = await getCurrentUser();
    const { tokens } = await fetchAuthSession();
    if (!tokens?.idToken) return null;
    return { username: user.username, sub: user.userId, groups: groupsOf(tokens.idToken.payload) };
  } catch {
    // No tokens, or a refresh token that no longer works: signed out.
    return null;
  }
}

/** `cognito:groups` from the ID token's claims; absent (not empty) for a user in no group. */
export function groupsOf(claims: Record<string, unknown>): string[] {
  const groups = claims['cognito:groups'];
  return Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [];
}

export const isKitchenStaff = (session: Session): boolean => session.groups.includes('staff') || session.groups.includes('admin');
export const isAdmin = (session: Session): boolean => session.groups.includes('admin');
