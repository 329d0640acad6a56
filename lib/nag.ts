import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { type App, DefaultStackSynthesizer, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { HeadlineDigestStacks } from './app';
import type { ServiceFunction } from './service-function';

/** The cdk-nag pack, and the plugin name CDK files its findings and acknowledgements under. */
export const NAG_PACK = 'AwsSolutions';

export interface NagAcknowledgement {
  /** The CloudFormation resource the finding is about: the acknowledgement covers nothing else. */
  readonly scope: IConstruct;
  /** The rule, with the finding in brackets for rules that report one per wildcard: `AwsSolutions-IAM5[Resource::*]`. */
  readonly rule: string;
  readonly reason: string;
}

/**
 * Runs cdk-nag's AwsSolutions pack on every synthesis (`cdk synth`, `cdk deploy` and the tests),
 * as a CDK policy validation plugin: a finding that is not acknowledged below fails synthesis.
 */
export function checkWithCdkNag(app: App, stacks: HeadlineDigestStacks): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  for (const { scope, rule, reason } of nagAcknowledgements(stacks)) {
    // CDK files a plugin's findings under `<plugin name>::<rule>`, and only this form is recorded,
    // with its reason, as an acknowledged finding in the validation report.
    Validations.of(scope).acknowledge({ id: `${NAG_PACK}::${rule}`, reason });
  }
}

/** The plugin name CDK files cfn-guard's findings under, and the rules it runs: AWS Control Tower's proactive controls. */
export const GUARD_PACK = 'cdk-validator-cfnguard';

/**
 * Runs cfn-guard 3.1.1 with AWS Control Tower's proactive-control rules (both ship in @cdklabs/cdk-validator-cfnguard)
 * beside cdk-nag, as a second policy validation plugin: a failure not acknowledged below fails synthesis.
 */
export function checkWithControlTower(app: App, stacks: HeadlineDigestStacks): void {
  Validations.of(app).addPlugins(new CfnGuardValidator({ controlTowerRulesEnabled: true }));
  for (const { scope, rule, reason } of guardAcknowledgements(stacks)) {
    Validations.of(scope).acknowledge({ id: `${GUARD_PACK}::${rule}`, reason });
  }
}

/** Every Control Tower control this app does not meet, each on the resource it concerns, with why. */
export function guardAcknowledgements({ data, service, settings }: HeadlineDigestStacks): NagAcknowledgement[] {
  const distribution = resourceOf(service.site.distribution);
  const notifications = childStartingWith(service, 'BucketNotificationsHandler');
  const deployment = resourceOf(childStartingWith(service, 'Custom::CDKBucketDeployment'));
  const logGroups = [
    ...Object.values(service.functions).map((fn: ServiceFunction) => fn.logGroup),
    service.apiAccessLogs,
    service.node.findChild('SeedDeploymentLogs'),
    notifications.node.findChild('ResourceLogs'),
  ].map(resourceOf);
  // A dev data stack empties its buckets on `cdk destroy` through aws-cdk-lib's auto-delete provider.
  const autoDelete = data.node.tryFindChild('Custom::S3AutoDeleteObjectsCustomResourceProvider');
  if (autoDelete) logGroups.push(resourceOf(autoDelete.node.findChild('HandlerLogs')));
  const functions = [
    ...Object.values(service.functions).map((fn: ServiceFunction) => resourceOf(fn.function)),
    ...(autoDelete ? [autoDelete.node.findChild('Handler')] : []),
  ];
  const routes = [...service.publicRoutes, ...service.adminRoutes, service.defaultRoute];
  const at = (scope: IConstruct, rule: string, reason: string) => ({ scope, rule, reason });
  return [
    // CT.APIGATEWAY.PR.5
    ...service.publicRoutes.map((route) =>
      at(
        resourceOf(route),
        'api_gw_v2_authorization_type_configured_check',
        `GET and HEAD ${route.path} serve the published digests read-only to anonymous readers, as the site is meant to: there is no one to authorize. The admin routes use IAM authorization.`,
      ),
    ),
    at(
      resourceOf(service.defaultRoute),
      'api_gw_v2_authorization_type_configured_check',
      "The $default route only lets the API function answer what no other route matches (405 with Allow, or 404) in the API's JSON error shape; it serves no data, and the admin paths match their IAM-authorized routes first.",
    ),
    // CT.LAMBDA.PR.2
    ...routes.map((route) =>
      at(
        route.node.findChild('ApiIntegration-Permission'),
        'lambda_function_public_access_prohibited_check',
        `The permission of ${route === service.defaultRoute ? 'the $default route' : `the route of ${route.path}`} lets only API Gateway (apigateway.amazonaws.com) invoke the API function, and only from this API's own route ARN (SourceArn); the control wants an account condition that a service principal with a source ARN already implies.`,
      ),
    ),
    // CT.LAMBDA.PR.3
    ...[...functions, deployment, resourceOf(notifications)].map((fn) =>
      at(
        fn,
        'lambda_inside_vpc_check',
        `${ownerName(fn)} reaches only AWS APIs (DynamoDB, S3, SQS, X-Ray, CloudWatch) and no private network: in a VPC it would need a NAT gateway or five interface endpoints, each costing more a month than the whole service at a million seeds.`,
      ),
    ),
    // CT.CLOUDWATCH.PR.2 and PR.3
    ...logGroups.map((group) =>
      at(
        group,
        'cloudwatch_log_group_retention_period_check',
        `${ownerName(group)} keeps its logs for LOG_RETENTION (one month, lib/logs.ts): logs here serve debugging and alarms, not audit, and a year of them would multiply their storage cost twelvefold; raise LOG_RETENTION where a policy needs a year.`,
      ),
    ),
    ...logGroups.map((group) =>
      at(
        group,
        'cloudwatch_log_group_encrypted_check',
        `${ownerName(group)} is encrypted at rest by CloudWatch Logs with its service key; it holds no personal or secret data (object keys, article ids, timings), and a customer key would add a monthly key cost and a KMS call per write.`,
      ),
    ),
    // CT.KMS.PR.3
    at(
      resourceOf(service.monitoring.alarmKey),
      'kms_create_grant_aws_service_check',
      'The alarm topic key lets CloudWatch (cloudwatch.amazonaws.com) use it to publish alarms to its encrypted SNS topic; that is its only purpose, and no grant to anyone else is made on it.',
    ),
    // CT.SQS.PR.1
    at(
      resourceOf(service.deadLetterQueue),
      'sqs_dlq_check',
      'This queue is itself the dead-letter queue of the ingest queue: messages that failed three receives stay here for an operator (14 days), and a dead-letter queue of its own would only move them on.',
    ),
    // CT.S3.PR.2, PR.4, PR.9, PR.10, PR.11
    at(
      resourceOf(data.accessLogBucket),
      's3_bucket_logging_enabled_check',
      'This is the bucket that receives the seed bucket’s server access logs; logging its own access would need a third bucket, and so on without end.',
    ),
    ...[data.seedBucket, data.accessLogBucket].map((bucket) =>
      at(
        resourceOf(bucket),
        's3_event_notifications_enabled_check',
        bucket === data.seedBucket
          ? 'The seed bucket’s event notifications go to the ingest queue, configured by aws-cdk-lib’s notifications custom resource at deployment rather than in the bucket’s own NotificationConfiguration, which the control reads.'
          : 'Nothing acts on a new access-log object: the logs are read when needed, and a notification would cost a delivery per log object for no consumer.',
      ),
    ),
    ...[data.seedBucket, data.accessLogBucket].map((bucket) =>
      at(
        resourceOf(bucket),
        's3_bucket_object_lock_enabled_check',
        bucket === data.seedBucket
          ? 'Seeds must be replaceable and deletable by design: deleting an object removes its article (README: Ingestion). Object lock would make a wrong upload undeletable; versioning keeps every earlier version instead.'
          : 'Access logs expire by a lifecycle rule; object lock would keep them past it and block the rule, for logs that are no audit record here.',
      ),
    ),
    ...[data.seedBucket, data.accessLogBucket].map((bucket) =>
      at(
        resourceOf(bucket),
        's3_bucket_default_encryption_kms_check',
        `${bucket === data.seedBucket ? 'Seed files are published news text' : 'Access logs hold request metadata only'} and are encrypted with S3-managed keys (SSE-S3); a KMS key would add a key cost and a KMS request per object read and written.`,
      ),
    ),
    at(
      resourceOf(data.accessLogBucket),
      's3_bucket_versioning_enabled_check',
      'Access-log objects are written once by the S3 logging service and never changed; versions would only keep deleted ones past their lifecycle expiry.',
    ),
    // CT.CLOUDFRONT.PR.1, 4, 5, 6, 7, 9
    at(
      distribution,
      'cloudfront_default_root_object_configured_check',
      'The origin is the API, whose route / answers the index itself (a page or JSON by Accept); a default root object names a file in an S3 origin, and there is none.',
    ),
    at(
      distribution,
      'cloudfront_origin_failover_enabled_check',
      'There is one origin, the regional HTTP API, and no second copy of it to fail over to; a second region would double the data stack for a read-only news digest.',
    ),
    at(
      distribution,
      'cloudfront_access_logs_enabled_check',
      "CloudFront's standard logs need an S3 bucket with ACLs enabled, which this project has nowhere else. Every cache miss is in the API access log, and the distribution's CloudWatch metrics count all requests.",
    ),
    ...(
      [
        'cloudfront_custom_ssl_certificate_check',
        'cloudfront_security_policy_check',
        'cloudfront_sni_enabled_check',
      ] as const
    ).flatMap((rule) =>
      settings.customDomain
        ? []
        : [
            at(
              distribution,
              rule,
              `Without a custom domain (${rule}) the distribution answers on its *.cloudfront.net name with CloudFront's default certificate, whose TLS policy and SNI CloudFront fixes; with domainName and certificateArn it uses that certificate with SNI and TLSv1.2_2021, and this acknowledgement is not made.`,
            ),
          ],
    ),
  ];
}

/** Every finding of the AwsSolutions pack this app accepts, each on the construct it concerns, with why. */
export function nagAcknowledgements({ data, service, settings }: HeadlineDigestStacks): NagAcknowledgement[] {
  const seedObjects = `${data.seedBucketArnExportName}/*`;
  const assetObjects = `arn:<AWS::Partition>:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-<AWS::Region>/*`;
  const deploymentPolicy = defaultPolicyOf(service.seedDeploymentRole);
  const distribution = resourceOf(service.site.distribution);
  const deploymentGrant =
    "is in the fixed grant aws-cdk-lib's BucketDeployment gives its handler (grantRead on the CDK asset bucket, grantReadWrite on the destination); only that handler assumes this role, and only while a deployment copies seeds/ into the seed bucket";

  return [
    ...Object.values(service.functions).map((fn: ServiceFunction) => ({
      scope: defaultPolicyOf(fn.role),
      rule: 'AwsSolutions-IAM5[Resource::*]',
      reason: `X-Ray active tracing of the ${fn.serviceName} function: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permissions, so IAM requires Resource "*". A test checks that no other statement of this policy has a "*" resource.`,
    })),
    {
      scope: defaultPolicyOf(service.functions.ingest.role),
      rule: `AwsSolutions-IAM5[Resource::${seedObjects}]`,
      reason:
        'The ingest function may s3:GetObject (and nothing else) on any object of the seed bucket: seeds are uploaded under arbitrary keys, and an object ARN can name them only as <bucket ARN>/*.',
    },
    ...service.publicRoutes.map((route) => ({
      scope: resourceOf(route),
      rule: 'AwsSolutions-APIG4',
      reason: `GET and HEAD ${route.path} are public by design: they serve published digests read-only to anonymous readers, behind the stage's throttling. The admin routes use IAM authorization.`,
    })),
    {
      scope: resourceOf(service.defaultRoute),
      rule: 'AwsSolutions-APIG4',
      reason:
        "The $default route only lets the API function answer what no other route matches (another method: 405 with Allow; an unknown path: 404) in the API's JSON error shape. It serves no data: GET and HEAD on the admin paths still match their IAM-authorized routes first.",
    },
    {
      scope: resourceOf(childStartingWith(service, 'BucketNotificationsHandler').node.findChild('Role')),
      rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "aws-cdk-lib's S3 bucket-notifications handler attaches AWSLambdaBasicExecutionRole (logs only) to its role even when given one. Only that handler assumes the role, while a deployment configures the seed bucket's notifications; its only other permissions are s3:GetBucketNotification and s3:PutBucketNotification on the seed bucket.",
    },
    ...['s3:GetBucket*', 's3:GetObject*', 's3:List*'].map((action) => ({
      scope: deploymentPolicy,
      rule: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `${action} ${deploymentGrant}.`,
    })),
    {
      scope: deploymentPolicy,
      rule: 'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
      reason: `s3:DeleteObject* ${deploymentGrant}. With prune: false and retainOnDelete: true the handler never deletes an object.`,
    },
    {
      scope: deploymentPolicy,
      rule: 'AwsSolutions-IAM5[Action::s3:Abort*]',
      reason: `s3:Abort* (aborting its own multipart uploads) ${deploymentGrant}.`,
    },
    {
      scope: deploymentPolicy,
      rule: `AwsSolutions-IAM5[Resource::${assetObjects}]`,
      reason: `The objects of the CDK bootstrap asset bucket: the deployment reads the zip of seeds/ that cdk deploy uploaded there, under a key that changes with its content. This ${deploymentGrant}.`,
    },
    {
      scope: deploymentPolicy,
      rule: `AwsSolutions-IAM5[Resource::${seedObjects}]`,
      reason: `The objects of the seed bucket, where the deployment writes each seed under its own key. This ${deploymentGrant}.`,
    },
    {
      scope: resourceOf(childStartingWith(service, 'Custom::CDKBucketDeployment')),
      rule: 'AwsSolutions-L1',
      reason:
        "The handler of aws-cdk-lib's BucketDeployment, whose Python runtime its generated provider pins (python3.13 in aws-cdk-lib 2.276) with no option to change it; it moves with aws-cdk-lib upgrades. Every function of this project runs on Node.js 24, checked by a test.",
    },
    {
      scope: distribution,
      rule: 'AwsSolutions-CFR1',
      reason:
        'The digests are published for anyone to read, wherever they are: no country is to be kept out of a public, read-only site.',
    },
    ...(settings.webAcl
      ? []
      : [
          {
            scope: distribution,
            rule: 'AwsSolutions-CFR2',
            reason:
              'The WAF web ACL (a rate limit per client IP) is the setting webAcl, off by default for its monthly cost (README: What it costs). Without it the API stage throttle still caps what reaches the functions, and cached answers cost the origin nothing.',
          },
        ]),
    {
      scope: distribution,
      rule: 'AwsSolutions-CFR3',
      reason:
        "CloudFront's standard logs need an S3 bucket with ACLs enabled, which this project has nowhere else. Every request that reaches the API (each cache miss) is in the API access log, and the distribution's CloudWatch metrics count all requests, bytes and error rates.",
    },
    ...(settings.customDomain
      ? []
      : [
          {
            scope: distribution,
            rule: 'AwsSolutions-CFR4',
            reason:
              'Without a custom domain the distribution answers on its *.cloudfront.net name with the CloudFront default certificate, whose security policy CloudFront fixes (TLSv1) and no setting changes. With domainName and certificateArn the minimum is TLSv1.2_2021, and this acknowledgement is not made.',
          },
        ]),
  ];
}

/** Where a CloudFormation resource stands in its stack, for a reason to name it: `Ingest/Function`, `Api/Logs`. */
function ownerName(resource: IConstruct): string {
  return resource.node.path.split('/').slice(1, -1).join('/');
}

/** The CloudFormation resource of the role's default policy, which holds every grant made to the role. */
function defaultPolicyOf(role: IConstruct): IConstruct {
  return resourceOf(role.node.findChild('DefaultPolicy'));
}

function resourceOf(construct: IConstruct): IConstruct {
  const resource = construct.node.defaultChild;
  if (!resource) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return resource;
}

/** A construct that aws-cdk-lib adds once per stack, under an id it suffixes with a fixed hash. */
function childStartingWith(scope: IConstruct, prefix: string): IConstruct {
  const matches = scope.node.children.filter((child) => child.node.id.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`expected one ${prefix}* in ${scope.node.path}, found ${matches.length}`);
  return matches[0] as IConstruct;
}
