import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { BY_DATE_INDEX, TABLE_KEYS } from '../functions/adapters/table-schema';
import { isProduction, type Stage } from './stage';

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
  public readonly table: Table;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    const production = isProduction(props.stage);
    super(scope, id, { ...props, terminationProtection: production });
    const removalPolicy = production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

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
      removalPolicy,
      autoDeleteObjects: !production,
    });

    this.table = new Table(this, 'ArticleTable', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
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

    new CfnOutput(this, 'SeedBucketName', {
      value: this.seedBucket.bucketName,
      description: 'Upload seed files here to have them ingested',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}
