import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { BY_DATE_INDEX, TABLE_KEYS } from '../functions/adapters/table-schema';
import { captureCustomResourceHandlerLogs } from './logs';
import { isProduction, type Stage } from './stage';

/** DynamoDB deletes an item some time after the epoch second in this attribute; the app sets it on transient items. */
export const TIME_TO_LIVE_ATTRIBUTE = 'expiresAt';
/** How long S3 server access logs are kept. */
export const ACCESS_LOG_EXPIRATION = Duration.days(90);

export interface DataStackProps extends StackProps {
  readonly stage: Stage;
}

/**
 * The stateful half of the service, kept apart so that the service stack can be
 * redeployed, or even deleted, without putting articles and uploads at risk.
 * Logical ids here name live data: renaming one replaces the resource.
 */
export class DataStack extends Stack {
  public readonly seedBucket: Bucket;
  /** Receives the seed bucket's server access logs. */
  public readonly accessLogBucket: Bucket;
  public readonly table: Table;
  /** The names of the table's global secondary indexes, which readers are granted one by one. */
  public readonly tableIndexNames: readonly string[];
  /**
   * The seed bucket's ARN, exported under a fixed name. A bucket's ARN never changes (its logical id
   * and CloudFormation-generated name stay fixed), so a strong import costs nothing, and it gives the
   * service stack's object-level grants (`<arn>/*`) a stable text for the cdk-nag acknowledgements.
   */
  public readonly seedBucketArnExportName: string;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    const production = isProduction(props.stage);
    super(scope, id, { ...props, terminationProtection: production });
    const removalPolicy = production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.accessLogBucket = new Bucket(this, 'AccessLogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // Server access logs can only be delivered to a bucket encrypted with S3 managed keys.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [
        {
          id: 'ExpireAccessLogs',
          expiration: ACCESS_LOG_EXPIRATION,
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      removalPolicy,
      autoDeleteObjects: !production,
    });

    this.seedBucket = new Bucket(this, 'SeedBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // Versions let an overwritten or deleted seed be recovered for a while, without keeping it forever.
      versioned: true,
      lifecycleRules: [
        {
          id: 'ExpireOldVersions',
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'seed-bucket/',
      removalPolicy,
      autoDeleteObjects: !production,
    });

    this.table = new Table(this, 'ArticleTable', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TIME_TO_LIVE_ATTRIBUTE,
      deletionProtection: production,
      removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: BY_DATE_INDEX.name,
      partitionKey: { name: BY_DATE_INDEX.partitionKey, type: AttributeType.STRING },
      sortKey: { name: BY_DATE_INDEX.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.INCLUDE,
      nonKeyAttributes: [...BY_DATE_INDEX.projectedAttributes],
    });
    this.tableIndexNames = [BY_DATE_INDEX.name];

    this.seedBucketArnExportName = `${this.stackName}-SeedBucketArn`;
    new CfnOutput(this, 'SeedBucketArn', {
      value: this.seedBucket.bucketArn,
      exportName: this.seedBucketArnExportName,
    });

    new CfnOutput(this, 'SeedBucketName', {
      value: this.seedBucket.bucketName,
      description: 'Upload seed files here to have them ingested',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });

    captureCustomResourceHandlerLogs(this, props.stage);
  }
}
