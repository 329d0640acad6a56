import { Match } from 'aws-cdk-lib/assertions';
import { BY_DATE_INDEX, TABLE_KEYS } from '../../functions/adapters/table-schema';
import { onlyResource, resourcesOf, synth } from './synth';

const dev = synth('dev');
const prod = synth('prod');

describe('data stack', () => {
  it('keeps the logical ids of the bucket and the table, which name live data', () => {
    // A changed id makes CloudFormation replace the resource: a new, empty bucket or table.
    expect(onlyResource(dev.data, 'AWS::S3::Bucket')[0]).toBe('SeedBucket6B8F2A02');
    expect(onlyResource(dev.data, 'AWS::DynamoDB::Table')[0]).toBe('ArticleTable461E2A86');
  });

  it('lets CloudFormation name the bucket and the table', () => {
    expect(onlyResource(dev.data, 'AWS::S3::Bucket')[1].Properties?.BucketName).toBeUndefined();
    expect(onlyResource(dev.data, 'AWS::DynamoDB::Table')[1].Properties?.TableName).toBeUndefined();
  });

  describe('seed bucket', () => {
    it('is private, encrypted and versioned with old versions expiring', () => {
      dev.data.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: Match.anyValue() } }),
          ]),
        },
      });
    });

    it('refuses requests that are not over TLS', () => {
      dev.data.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
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

    it('is on demand, encrypted with the AWS managed key and recoverable to a point in time', () => {
      dev.data.hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        // Enabled without a key of our own means the AWS managed aws/dynamodb key.
        SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      });
    });
  });

  it('outputs the bucket and table names', () => {
    dev.data.hasOutput('SeedBucketName', { Value: { Ref: 'SeedBucket6B8F2A02' } });
    dev.data.hasOutput('TableName', { Value: { Ref: 'ArticleTable461E2A86' } });
  });

  describe('in prod', () => {
    it('retains the bucket and the table and protects the table from deletion', () => {
      for (const type of ['AWS::S3::Bucket', 'AWS::DynamoDB::Table']) {
        expect(onlyResource(prod.data, type)[1]).toMatchObject({
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
        });
      }
      prod.data.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
    });

    it('protects the stack from termination and never empties the bucket', () => {
      expect(prod.stacks.data.terminationProtection).toBe(true);
      expect(Object.keys(resourcesOf(prod.data, 'Custom::S3AutoDeleteObjects'))).toHaveLength(0);
    });
  });

  describe('in dev', () => {
    it('deletes the bucket, its objects and the table with the stack', () => {
      for (const type of ['AWS::S3::Bucket', 'AWS::DynamoDB::Table']) {
        expect(onlyResource(dev.data, type)[1]).toMatchObject({ DeletionPolicy: 'Delete' });
      }
      dev.data.resourceCountIs('Custom::S3AutoDeleteObjects', 1);
      dev.data.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
      expect(dev.stacks.data.terminationProtection).toBe(false);
    });
  });
});
