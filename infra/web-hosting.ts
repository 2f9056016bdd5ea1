import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionEventType,
  HttpVersion,
  type BehaviorOptions,
  type IOrigin,
  type IResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import type { StageConfig } from './stage.js';
import { addResponseHeaders, type AppEndpoints, contentSecurityPolicy, IMMUTABLE, REVALIDATE } from './web-headers.js';
import { addRoutingFunction, APP_PATH } from './web-routing.js';

/** Vite's `build.assetsDir` under the app's base: every file there has a content hash in its name. */
const ASSETS_PATTERN = `${APP_PATH.slice(1)}assets/*`;

export interface WebHostingProps {
  stage: StageConfig;
  /** What the app's Content-Security-Policy lets it connect to. */
  endpoints: AppEndpoints;
}

/**
 * Where the web app is served from: a private bucket that only this distribution may read (origin access
 * control), HTTPS only, with security headers on every response and access logs of both bucket and distribution.
 * The files and config.json are uploaded by deployWebApp (web-deployment.ts), once the app client exists: its
 * callback URLs include `url`, so the distribution comes first and depends on nothing of the user pool's.
 */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution domain>/app/`: where people open the app, and where sign-in sends them back. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    // S3 delivers the bucket's access logs under a bucket policy rather than the legacy LogDeliveryWrite ACL
    // (cfn-lint W3045). The app leaves CDK's feature flags at their defaults, so this one is set for these buckets.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    const { stage } = props;
    const removal = stage.retainWebBuckets
      ? { removalPolicy: RemovalPolicy.RETAIN }
      : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };

    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered through an ACL it grants itself: the bucket needs ACLs enabled.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(stage.logRetention) }],
      ...removal,
    });
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // No versioning: the contents are a build output, and rolling back means deploying the earlier commit.
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      ...removal,
    });

    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const csp = contentSecurityPolicy(props.endpoints);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `The web app (${stage.name})`,
      defaultBehavior: {
        ...behavior(origin, addResponseHeaders(this, 'RevalidateHeaders', csp, REVALIDATE)),
        functionAssociations: [{ function: addRoutingFunction(this, 'Routing'), eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: { [ASSETS_PATTERN]: behavior(origin, addResponseHeaders(this, 'ImmutableHeaders', csp, IMMUTABLE)) },
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    this.url = `https://${this.distribution.distributionDomainName}${APP_PATH}`;
  }
}

/**
 * Edge caching by CloudFront's managed policy (a day unless invalidated): each deployment invalidates the app's
 * paths, so index.html and config.json are never served stale for long; browsers follow Cache-Control.
 */
function behavior(origin: IOrigin, responseHeadersPolicy: IResponseHeadersPolicy): BehaviorOptions {
  return {
    origin,
    viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
    cachePolicy: CachePolicy.CACHING_OPTIMIZED,
    responseHeadersPolicy,
  };
}
