import { Match } from 'aws-cdk-lib/assertions';
import { BY_DATE_INDEX, keys, TABLE_KEYS } from '../../functions/adapters/table-schema';
import { onlyResource, type Resource, resourcesOf, synth } from './synth';

const dev = synth('dev');
const prod = synth('prod');

const SEED_BUCKET = 'SeedBucket6B8F2A02';
const ACCESS_LOG_BUCKET = 'AccessLogBucketDA470295';
const TABLE = 'ArticleTable461E2A86';

const bucket = (synthesized: typeof dev, id: string): Resource => {
  const found = resourcesOf(synthesized.data, 'AWS::S3::Bucket')[id];
  if (!found) throw new Error(`no bucket ${id}`);
  return found;
};
const bucketPolicyStatements = (synthesized: typeof dev, bucketId: string) =>
  Object.values(resourcesOf(synthesized.data, 'AWS::S3::BucketPolicy')).find(
    (policy) => policy.Properties.Bucket.Ref === bucketId,
  )?.Properties.PolicyDocument.Statement;

const PRIVATE = {
  BlockPublicAcls: true,
  BlockPublicPolicy: true,
  IgnorePublicAcls: true,
  RestrictPublicBuckets: true,
};
const SSE_S3 = { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] };

describe('data stack', () => {
  it('keeps the logical ids of the bucket and the table, which name live data', () => {
    // A changed id makes CloudFormation replace the resource: a new, empty bucket or table.
    expect(Object.keys(resourcesOf(dev.data, 'AWS::S3::Bucket')).sort()).toEqual([ACCESS_LOG_BUCKET, SEED_BUCKET]);
    expect(onlyResource(dev.data, 'AWS::DynamoDB::Table')[0]).toBe(TABLE);
  });

  it('lets CloudFormation name the buckets and the table', () => {
    for (const [, resource] of Object.entries(resourcesOf(dev.data, 'AWS::S3::Bucket'))) {
      expect(resource.Properties?.BucketName).toBeUndefined();
    }
    expect(onlyResource(dev.data, 'AWS::DynamoDB::Table')[1].Properties?.TableName).toBeUndefined();
  });

  it("exports the seed bucket's ARN under a fixed name, which the service stack imports", () => {
    dev.data.hasOutput('SeedBucketArn', {
      Value: { 'Fn::GetAtt': [SEED_BUCKET, 'Arn'] },
      Export: { Name: 'HeadlineDigest-Dev-Data-SeedBucketArn' },
    });
    expect(dev.stacks.data.seedBucketArnExportName).toBe('HeadlineDigest-Dev-Data-SeedBucketArn');
  });

  describe('seed bucket', () => {
    it('is private, encrypted and versioned with old versions expiring', () => {
      expect(bucket(dev, SEED_BUCKET).Properties).toMatchObject({
        PublicAccessBlockConfiguration: PRIVATE,
        BucketEncryption: SSE_S3,
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: {
          Rules: expect.arrayContaining([
            expect.objectContaining({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
          ]),
        },
      });
    });

    it('refuses requests that are not over TLS', () => {
      expect(bucketPolicyStatements(dev, SEED_BUCKET)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      );
    });

    it('writes its server access logs to the access log bucket', () => {
      expect(bucket(dev, SEED_BUCKET).Properties.LoggingConfiguration).toEqual({
        DestinationBucketName: { Ref: ACCESS_LOG_BUCKET },
        LogFilePrefix: 'seed-bucket/',
      });
    });
  });

  describe('access log bucket', () => {
    it('is private, encrypted with S3 managed keys, and expires logs', () => {
      expect(bucket(dev, ACCESS_LOG_BUCKET).Properties).toMatchObject({
        PublicAccessBlockConfiguration: PRIVATE,
        // Server access logs cannot be delivered to a KMS-encrypted bucket.
        BucketEncryption: SSE_S3,
        LifecycleConfiguration: { Rules: [expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 90 })] },
      });
    });

    it('refuses plain HTTP and lets only S3 log delivery, for the seed bucket of this account, write', () => {
      const statements = bucketPolicyStatements(dev, ACCESS_LOG_BUCKET);
      expect(statements).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      );
      // In dev the auto-delete handler may also empty the bucket; no other service principal may write.
      const services = statements.filter(
        (statement: { Effect: string; Principal: { Service?: string } }) =>
          statement.Effect === 'Allow' && statement.Principal.Service,
      );
      expect(services).toEqual([
        expect.objectContaining({
          Action: 's3:PutObject',
          Principal: { Service: 'logging.s3.amazonaws.com' },
          Condition: {
            ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [SEED_BUCKET, 'Arn'] } },
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          },
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [ACCESS_LOG_BUCKET, 'Arn'] }, '/seed-bucket/*']] },
        }),
      ]);
    });
  });

  describe('article table', () => {
    it('has the keys and the byDate index of the shared table schema', () => {
      dev.data.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: BY_DATE_INDEX.name,
            KeySchema: [
              { AttributeName: BY_DATE_INDEX.partitionKey, KeyType: 'HASH' },
              { AttributeName: BY_DATE_INDEX.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...BY_DATE_INDEX.projectedAttributes] },
          },
        ],
      });
    });

    it("keeps the name index in the table's own keys: NAME#<name>#<shard> / <date>#<article>, no index of its own", () => {
      // An index would write every name item twice; the name items' keys are the table's pk and sk.
      const table = onlyResource(dev.data, 'AWS::DynamoDB::Table')[1].Properties;
      expect(table.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      expect(table.GlobalSecondaryIndexes.map((index: { IndexName: string }) => index.IndexName)).toEqual(['byDate']);
      expect(
        table.AttributeDefinitions.map((attribute: { AttributeName: string }) => attribute.AttributeName).sort(),
      ).toEqual(['gsi1pk', 'gsi1sk', 'pk', 'sk']);
      expect(keys.nameArticle('vladimir-putin', '2021-12', '1f593337c9f3638e')).toEqual({
        pk: 'NAME#vladimir-putin#1',
        sk: '2021-12#1f593337c9f3638e',
      });
    });

    it('is on demand, encrypted with the AWS managed key and recoverable to a point in time', () => {
      dev.data.hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        // Enabled without a key of our own means the AWS managed aws/dynamodb key.
        SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      });
    });

    it('expires transient items through TTL on expiresAt', () => {
      dev.data.hasResourceProperties('AWS::DynamoDB::Table', {
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      });
    });

    it('names its global secondary indexes for the grants of the service stack', () => {
      const indexes = onlyResource(dev.data, 'AWS::DynamoDB::Table')[1].Properties.GlobalSecondaryIndexes;
      expect(dev.stacks.data.tableIndexNames).toEqual(indexes.map((index: { IndexName: string }) => index.IndexName));
    });
  });

  it('outputs the bucket and table names', () => {
    dev.data.hasOutput('SeedBucketName', { Value: { Ref: SEED_BUCKET } });
    dev.data.hasOutput('TableName', { Value: { Ref: TABLE } });
  });

  describe('in prod', () => {
    it('retains the buckets and the table and protects the table from deletion', () => {
      for (const resource of [
        bucket(prod, SEED_BUCKET),
        bucket(prod, ACCESS_LOG_BUCKET),
        onlyResource(prod.data, 'AWS::DynamoDB::Table')[1],
      ]) {
        expect(resource).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      }
      prod.data.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
    });

    it('protects the stack from termination and never empties the bucket', () => {
      expect(prod.stacks.data.terminationProtection).toBe(true);
      expect(Object.keys(resourcesOf(prod.data, 'Custom::S3AutoDeleteObjects'))).toHaveLength(0);
    });
  });

  describe('in dev', () => {
    it('deletes the buckets, their objects and the table with the stack', () => {
      for (const resource of [
        bucket(dev, SEED_BUCKET),
        bucket(dev, ACCESS_LOG_BUCKET),
        onlyResource(dev.data, 'AWS::DynamoDB::Table')[1],
      ]) {
        expect(resource).toMatchObject({ DeletionPolicy: 'Delete' });
      }
      const emptied = Object.values(resourcesOf(dev.data, 'Custom::S3AutoDeleteObjects')).map(
        (resource) => resource.Properties.BucketName.Ref,
      );
      expect(emptied.sort()).toEqual([ACCESS_LOG_BUCKET, SEED_BUCKET]);
      dev.data.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
      expect(dev.stacks.data.terminationProtection).toBe(false);
    });
  });
});
