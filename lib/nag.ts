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
