import { util } from '@aws-appsync/utils';
import type { AppSyncIdentityCognito, Identity } from '@aws-appsync/utils';

/**
 * Who is calling, from `ctx.identity` (Cognito user pools): the sub is the partition key of everything the caller
 * owns. Groups `staff` and `admin` may name another owner; everyone else is a customer.
 */
export function cognitoCaller(identity: Identity): AppSyncIdentityCognito {
  const caller = identity as AppSyncIdentityCognito | null | undefined;
  if (!caller || typeof caller.sub !== 'string' || caller.sub === '') util.unauthorized();
  return caller;
}

export function isInGroup(caller: AppSyncIdentityCognito, group: string): boolean {
  return (caller.groups ?? []).includes(group);
}

export function isStaff(caller: AppSyncIdentityCognito): boolean {
  return isInGroup(caller, 'staff') || isInGroup(caller, 'admin');
}

/** The partition the caller acts on: staff and admins may name an owner; a customer's `userId` is ignored. */
export function ownerFor(caller: AppSyncIdentityCognito, userId: string | null | undefined): string {
  if (!isStaff(caller) || userId == null) return caller.sub;
  return namedOwner(userId);
}

/** An owner named by the caller: DynamoDB refuses an empty key, and its own error is no answer for a client. */
export function namedOwner(userId: string): string {
  if (userId.trim() === '') util.error('userId must not be empty', 'ValidationError');
  return userId;
}

/** Whether the caller presented an ACCESS token granting `scope` (ID tokens carry no scopes). */
export function hasAccessScope(caller: AppSyncIdentityCognito, scope: string): boolean {
  const claims = caller.claims as { token_use?: unknown; scope?: unknown } | null | undefined;
  if (!claims || claims.token_use !== 'access' || typeof claims.scope !== 'string') return false;
  return claims.scope.split(' ').includes(scope);
}
