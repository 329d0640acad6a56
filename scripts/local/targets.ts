import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createS3Client } from '../../functions/shared/clients';
import { S3RVER_CREDENTIALS } from './s3-server';

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
  const host = env.HOST ?? '127.0.0.1';
  const local = options.deployed ? {} : { region: env.AWS_REGION ?? 'us-east-1', credentials: S3RVER_CREDENTIALS };
  const s3Endpoint = options.s3Endpoint ?? (options.deployed ? undefined : `http://${host}:${env.S3_PORT ?? 4569}`);
  const dynamoDbEndpoint =
    options.dynamoDbEndpoint ?? (options.deployed ? undefined : `http://${host}:${env.DYNAMODB_PORT ?? 8000}`);
  return {
    s3: createS3Client({ ...local, ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}) }),
    documents: createDocumentClient({ ...local, ...(dynamoDbEndpoint ? { endpoint: dynamoDbEndpoint } : {}) }),
  };
}

export const localTableName = (env: NodeJS.ProcessEnv = process.env) => env.TABLE_NAME ?? 'headline-digest';
