import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  Mfa,
  OAuthScope,
  type PasswordPolicy,
  ResourceServerScope,
  type UserPoolClient,
  UserPool,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { PasswordPolicyDecl } from '../wiring/types.js';

/** The groups the resolvers check (resolvers/lib/caller.ts); precedence decides the role of a user in several. */
const GROUPS = [
  { name: 'admin', precedence: 0, description: 'Deletes any order, and everything staff do' },
  { name: 'staff', precedence: 10, description: 'Lists restaurant orders and moves orders through their statuses' },
  { name: 'customers', precedence: 20, description: 'Orders for themselves' },
] as const;

/** `orders/delete`: the access-token scope Mutation.deleteOrder accepts for deleting the caller's own order. */
const RESOURCE_SERVER = 'orders';
const DELETE_SCOPE = 'delete';

export interface OrderUserPoolProps {
  /** A Cognito domain prefix for the hosted sign-in pages, needed by the OAuth flows; none when omitted. */
  domainPrefix?: string;
  retain: boolean;
  /** The wiring's policy (the local pool enforces the same one at sign-up); Cognito's default when omitted. */
  passwordPolicy?: PasswordPolicyDecl;
}

export interface AppClientProps {
  /** Where the hosted sign-in sends users back to (OAuth code grant); a web client's own URLs. */
  callbackUrls: string[];
  logoutUrls: string[];
}

/**
 * The user pool the API's default auth mode trusts: username sign-in (the local pool's too), a strong password
 * policy, optional TOTP, and one public app client for web and mobile apps. Access tokens from
 * USER_PASSWORD_AUTH/SRP carry only Cognito's own scope; `orders/delete` comes through the OAuth flows, which
 * is why the client lists it among its allowed scopes.
 *
 * The client is added apart (addAppClient) because its callback URLs include the hosted web app's, whose
 * distribution is built after the API that trusts this pool (the app's CSP names the API's endpoints).
 */
export class OrderUserPool extends Construct {
  readonly userPool: UserPool;
  private readonly deleteScope: OAuthScope;

  constructor(scope: Construct, id: string, props: OrderUserPoolProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Pool', {
      selfSignUpEnabled: true,
      signInAliases: { username: true, email: true },
      autoVerify: { email: true },
      ...(props.passwordPolicy ? { passwordPolicy: cdkPasswordPolicy(props.passwordPolicy) } : {}),
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const group of GROUPS) {
      this.userPool.addGroup(`Group-${group.name}`, {
        groupName: group.name,
        precedence: group.precedence,
        description: group.description,
      });
    }
    const deleteScope = new ResourceServerScope({ scopeName: DELETE_SCOPE, scopeDescription: 'Delete your own orders' });
    const server = this.userPool.addResourceServer('Orders', { identifier: RESOURCE_SERVER, scopes: [deleteScope] });
    this.deleteScope = OAuthScope.resourceServer(server, deleteScope);
    if (props.domainPrefix) this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
  }

  /** The one public app client web and mobile apps sign in with. */
  addAppClient(props: AppClientProps): UserPoolClient {
    return this.userPool.addClient('AppClient', {
      authFlows: { userPassword: true, userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, this.deleteScope],
        callbackUrls: props.callbackUrls,
        logoutUrls: props.logoutUrls,
      },
    });
  }
}

function cdkPasswordPolicy(policy: PasswordPolicyDecl): PasswordPolicy {
  return {
    minLength: policy.minimumLength,
    requireUppercase: policy.requireUppercase,
    requireLowercase: policy.requireLowercase,
    requireDigits: policy.requireNumbers,
    requireSymbols: policy.requireSymbols,
  };
}
