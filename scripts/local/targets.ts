import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createS3Client } from '../../functions/shared/clients';
import { S3RVER_CREDENTIALS } from './s3-server';
import { localStackOptionsFromEnv } from './stack';

/**
 * Clients for the command-line tools: the local stack's engines by default (its ports and
 * credentials), or AWS with the usual credential chain when `deployed`.
 */
export interface Targets {
  readonly s3: S3Client;
  readonly documents: DynamoDBDocumentClient;
}

export function createTargets(options: {
  deployed: boolean;
  s3Endpoint?: string | undefined;
  dynamoDbEndpoint?: string | undefined;
  env?: NodeJS.ProcessEnv;
}): Targets {
  const env = options.env ?? process.env;
  // Where `npm start` listens, with the same variables and defaults.
  const { host, s3Port, dynamoDbPort } = localStackOptionsFromEnv(env);
  const local = options.deployed ? {} : { region: env.AWS_REGION ?? 'us-east-1', credentials: S3RVER_CREDENTIALS };
  const s3Endpoint = options.s3Endpoint ?? (options.deployed ? undefined : `http://${host}:${s3Port}`);
  const dynamoDbEndpoint =
    options.dynamoDbEndpoint ?? (options.deployed ? undefined : `http://${host}:${dynamoDbPort}`);
  return {
    s3: createS3Client({ ...local, ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}) }),
    documents: createDocumentClient({ ...local, ...(dynamoDbEndpoint ? { endpoint: dynamoDbEndpoint } : {}) }),
  };
}

export const localTableName = (env: NodeJS.ProcessEnv = process.env) => localStackOptionsFromEnv(env).tableName;
export const localBucketName = (env: NodeJS.ProcessEnv = process.env) => localStackOptionsFromEnv(env).bucketName;
