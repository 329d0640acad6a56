import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbArticleStore } from '../../functions/adapters/dynamodb-article-store';
import { DynamoDbNameStore } from '../../functions/adapters/dynamodb-name-store';
import { DATE_SHARDS, keys } from '../../functions/adapters/table-schema';
import { articleNames } from '../../functions/core/name-index';
import { createDocumentClient, createS3Client } from '../../functions/shared/clients';
import { type RunningDynamoDbLocal, startDynamoDbLocal } from '../../scripts/local/dynamodb-local';
import { freePort, type LocalStack, PROJECT_ROOT, startLocalStack } from '../../scripts/local/stack';
import { fetchJson } from './support';

const FILES = 300;
const engineDirectory = join(PROJECT_ROOT, '.local', 'dynamodb-local');
let dataDirectory: string;
let s3Directory: string;
let port: number;
let dynamoDb: RunningDynamoDbLocal;
let stack: LocalStack;

beforeAll(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'headline-digest-fault-db-'));
  s3Directory = await mkdtemp(join(tmpdir(), 'headline-digest-fault-s3-'));
  port = await freePort();
  // On disk, so that the data outlives the engine being stopped.
  dynamoDb = await startDynamoDbLocal({ directory: engineDirectory, port, dataDirectory });
  stack = await startLocalStack({
    host: '127.0.0.1',
    apiPort: 0,
    s3Port: 0,
    dynamoDbPort: 0,
    dynamoDbEndpoint: dynamoDb.endpoint,
    bucketName: 'fault-test',
    tableName: 'fault-test',
    generateIntervalSeconds: 0,
    dynamoDbLocalDirectory: engineDirectory,
    s3Directory,
    // Generous, so that the outage is waited out by redelivery rather than dead-lettering.
    maxReceiveCount: 10,
    redeliveryDelayMs: 500,
  });
});

afterAll(async () => {
  await stack.stop();
  await dynamoDb.stop();
  await rm(dataDirectory, { recursive: true, force: true });
  await rm(s3Directory, { recursive: true, force: true });
});

describe('DynamoDB stopping in the middle of ingestion', () => {
  it('loses and doubles nothing: every file ends ingested exactly once', async () => {
    const s3 = createS3Client();
    for (let index = 0; index < FILES; index += 1) {
      await s3.send(
        new PutObjectCommand({
          Bucket: stack.bucketName,
          Key: `fault/${String(index).padStart(4, '0')}.txt`,
          Body: ` date 2022-03-${String((index % 28) + 1).padStart(2, '0')} Bericht nummer ${index} over de gemeenteraad van Amersfoort, die dinsdag vergaderde over de begroting.`,
        }),
      );
    }
    s3.destroy();
    // The queue is still working through the uploads: take the engine away under it, then bring it back.
    await dynamoDb.stop();
    dynamoDb = await startDynamoDbLocal({ directory: engineDirectory, port, dataDirectory });
    await stack.idle();

    expect(stack.ingestQueue.redeliveries).toBeGreaterThan(0);
    expect(stack.ingestQueue.deadLetters).toEqual([]);
    const status = await fetchJson(`${stack.apiUrl}/admin/ingest-status`);
    expect(status.body).toEqual({ ingested: FILES, rejected: 0, deleted: 0, deadLettered: 0 });
    const digest = await fetchJson(`${stack.apiUrl}/digests/2022-03`);
    expect(digest.body.articleCount).toBe(FILES);
    const documents = createDocumentClient();
    const ids: string[] = [];
    for await (const summary of new DynamoDbArticleStore(documents, stack.tableName).listSummaries('2022-03')) {
      ids.push(summary.id);
    }
    expect(ids).toHaveLength(FILES);
    expect(new Set(ids).size).toBe(FILES);

    // Every article filed under its name exactly once, and nothing left to check: no name item missing or left over.
    const [town] = articleNames(['Amersfoort']);
    const filed: string[] = [];
    for (let shard = 0; shard < DATE_SHARDS; shard += 1) {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(
          new QueryCommand({
            TableName: stack.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.nameShard(town?.id ?? '', shard) },
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        );
        filed.push(...(page.Items ?? []).map((item) => String(item.sk).split('#')[1] ?? ''));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    }
    expect(filed.sort()).toEqual([...ids].sort());
    expect(await new DynamoDbNameStore(documents, stack.tableName).listChecks()).toEqual([]);
    documents.destroy();
  }, 180_000); // 300 files, each filed under its name after its transaction, on one DynamoDB Local that restarts.
});
