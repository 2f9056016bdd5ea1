import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

/**
 * The topic every alarm notifies, with an email subscription when an address is given (`-c alarmEmail=…`; the
 * address must confirm it once). Encrypted at rest with a key of its own, since CloudWatch alarms cannot publish
 * to a topic under the AWS-managed SNS key; only CloudWatch is let use it, and only over TLS.
 */
export function addAlarmTopic(scope: Construct, email: string | undefined): Topic {
  const key = new Key(scope, 'AlarmTopicKey', {
    description: 'Encrypts the alarm topic; CloudWatch alarms publish to it',
    enableKeyRotation: true,
  });
  key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
  const topic = new Topic(scope, 'AlarmTopic', { displayName: 'Order API alarms', masterKey: key, enforceSSL: true });
  if (email) topic.addSubscription(new EmailSubscription(email));
  return topic;
}
