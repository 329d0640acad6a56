import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../../scripts/local/dynamodb-local';
import { S3RVER_CREDENTIALS, startS3Server } from '../../scripts/local/s3-server';
import { freePort, PROJECT_ROOT } from '../../scripts/local/stack';

/**
 * One DynamoDB Local and one s3rver for the whole run, on free loopback ports. Test files
 * isolate themselves with their own table and bucket names. The endpoints reach the test
 * workers through the environment, where the SDK's own variables pick them up.
 */
export async function startEngines(): Promise<() => Promise<void>> {
  const dynamoDb = await startDynamoDbLocal({
    directory: join(PROJECT_ROOT, '.local', 'dynamodb-local'),
    port: await freePort(),
  });
  const s3 = await startS3Server({ port: 0, directory: await mkdtemp(join(tmpdir(), 'headline-digest-s3-')) });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamoDb.endpoint,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  return async () => {
    await s3.stop();
    await dynamoDb.stop();
  };
}
