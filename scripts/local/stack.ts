import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2, Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createS3Client } from '../../functions/shared/clients';
import { DEFAULT_CORS_ALLOW_ORIGINS } from '../../lib/context';
import { localCorsAllowOrigins } from './cors';
import { startDynamoDbLocal } from './dynamodb-local';
import { startHttpApiBridge } from './http-api-bridge';
import { lambdaContext } from './lambda-context';
import { type DeadLetter, LocalQueue } from './local-queue';
import { createBucket, createTable } from './resources';
import { S3RVER_CREDENTIALS, startS3Server } from './s3-server';
import { startSqsEndpoint } from './sqs-endpoint';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** As the deployed queue's redrive policy: receives before a message is dead-lettered. */
const DEFAULT_MAX_RECEIVE_COUNT = 3;

export interface LocalStackOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly apiPort: number;
  readonly s3Port: number;
  readonly dynamoDbPort: number;
  /** Use a DynamoDB engine that is already running instead of starting DynamoDB Local. */
  readonly dynamoDbEndpoint?: string;
  readonly bucketName: string;
  readonly tableName: string;
  /** Seed files uploaded at start; every file of this folder. */
  readonly seedsDirectory?: string;
  /** How often the scheduled generator runs; 0 runs it only at start. */
  readonly generateIntervalSeconds: number;
  /** Where DynamoDB Local is unpacked (once) and reused from. */
  readonly dynamoDbLocalDirectory: string;
  /** Where s3rver keeps objects; emptied at every start. */
  readonly s3Directory: string;
  readonly onDeadLetter?: (letter: DeadLetter) => void;
  /** Receives before a message is dead-lettered, as the deployed redrive policy (default 3). */
  readonly maxReceiveCount?: number;
  /** Stands in for the visibility timeout: the wait before a failed message is received again. */
  readonly redeliveryDelayMs?: number;
  /** Origins browsers may call the API from, as the deployed setting `corsAllowOrigins` (default `*`). */
  readonly corsAllowOrigins?: readonly string[];
}

export interface LocalStack {
  readonly apiUrl: string;
  readonly s3Endpoint: string;
  readonly dynamoDbEndpoint: string;
  readonly bucketName: string;
  readonly tableName: string;
  readonly ingestQueue: LocalQueue;
  /** Runs the scheduled digest generator once, as its EventBridge rule would. */
  generateDigests(): Promise<unknown>;
  /** Resolves when every S3 event so far has been ingested, rejected or dead-lettered. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function localStackOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): LocalStackOptions {
  return {
    host: env.HOST ?? '127.0.0.1',
    apiPort: port(env, 'PORT', 3000),
    s3Port: port(env, 'S3_PORT', 4569),
    dynamoDbPort: port(env, 'DYNAMODB_PORT', 8000),
    bucketName: env.BUCKET_NAME ?? 'headline-digest-seeds',
    tableName: env.TABLE_NAME ?? 'headline-digest',
    seedsDirectory: env.SEEDS_DIR ?? join(PROJECT_ROOT, 'seeds'),
    generateIntervalSeconds: nonNegative(env, 'GENERATE_INTERVAL_SECONDS', 60),
    dynamoDbLocalDirectory:
      env.DYNAMODB_LOCAL_DIR ?? join(env.LOCAL_DIR ?? join(PROJECT_ROOT, '.local'), 'dynamodb-local'),
    s3Directory: join(env.LOCAL_DIR ?? join(PROJECT_ROOT, '.local'), 's3'),
    corsAllowOrigins: localCorsAllowOrigins(env, PROJECT_ROOT),
  };
}

function nonNegative(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${name} must be a whole number, got '${value}'`);
  return number;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = nonNegative(env, name, fallback);
  if (value > 65535) throw new Error(`${name} must be a port number (0-65535), got '${value}'`);
  return value;
}

/**
 * The whole service on one machine: DynamoDB Local and s3rver as the engines, and the
 * Lambda handlers wired to them as AWS wires them (S3 → SQS → ingest, schedule → generator,
 * HTTP API → api). Handlers read their configuration at import, so it is set first.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const stops: (() => Promise<void> | void)[] = [];
  const maxReceiveCount = options.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT;
  const stop = async () => {
    for (const step of stops.reverse()) await step();
  };
  try {
    const dynamoDbEndpoint =
      options.dynamoDbEndpoint ??
      (await (async () => {
        const dynamoDb = await startDynamoDbLocal({
          directory: options.dynamoDbLocalDirectory,
          port: options.dynamoDbPort || (await freePort(options.host)),
          host: options.host,
        });
        stops.push(() => dynamoDb.stop());
        return dynamoDb.endpoint;
      })());

    // The handler is bound once the ingest function is imported, below; nothing arrives before the bucket exists.
    let ingest: Handler<SQSEvent, SQSBatchResponse> | undefined;
    const ingestQueue = new LocalQueue({
      handler: (event) => (ingest as Handler<SQSEvent, SQSBatchResponse>)(event, lambdaContext('ingest')),
      maxReceiveCount,
      ...(options.redeliveryDelayMs ? { redeliveryDelayMs: options.redeliveryDelayMs } : {}),
      ...(options.onDeadLetter ? { onDeadLetter: options.onDeadLetter } : {}),
    });
    stops.push(() => ingestQueue.close());
    const sqs = await startSqsEndpoint({ queue: ingestQueue, host: options.host });
    stops.push(() => sqs.stop());

    // Objects live as long as the in-memory table does: a fresh start is a fresh bucket.
    const { s3Directory } = options;
    await rm(s3Directory, { recursive: true, force: true });
    await mkdir(s3Directory, { recursive: true });
    const s3 = await startS3Server({
      port: options.s3Port || (await freePort(options.host)),
      host: options.host,
      directory: s3Directory,
      onEvent: (event) => ingestQueue.send(JSON.stringify(event)),
    });
    stops.push(() => s3.stop());

    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      INGEST_QUEUE_URL: sqs.queueUrl,
      MAX_RECEIVE_COUNT: String(maxReceiveCount),
      TABLE_NAME: options.tableName,
      BUCKET_NAME: options.bucketName,
      AWS_ENDPOINT_URL_DYNAMODB: dynamoDbEndpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    });
    const s3Client = createS3Client();
    stops.push(() => s3Client.destroy());
    const dynamoDbClient = new DynamoDBClient({});
    stops.push(() => dynamoDbClient.destroy());
    await createTable(dynamoDbClient, options.tableName);
    await createBucket(s3Client, options.bucketName);

    ingest = await importHandler<SQSEvent, SQSBatchResponse>('ingest');
    const generator = await importHandler<unknown, unknown>('generate-digests');
    const api = await importHandler<APIGatewayProxyEventV2, never>('api');

    const bridge = await startHttpApiBridge({
      handler: api,
      port: options.apiPort,
      host: options.host,
      corsAllowOrigins: options.corsAllowOrigins ?? DEFAULT_CORS_ALLOW_ORIGINS,
    });
    stops.push(() => bridge.stop());

    const generateDigests = () =>
      generator({ source: 'aws.events', 'detail-type': 'Scheduled Event' }, lambdaContext('generate-digests'));

    if (options.seedsDirectory) await uploadDirectory(s3Client, options.bucketName, options.seedsDirectory);
    await ingestQueue.idle();
    await generateDigests();
    if (options.generateIntervalSeconds > 0) {
      // Runs one after another, never overlapping, like a schedule with a single concurrent target.
      let running = Promise.resolve();
      const timer = setInterval(() => {
        running = running
          .then(() => generateDigests())
          .then(
            () => undefined,
            () => undefined,
          );
      }, options.generateIntervalSeconds * 1000);
      stops.push(async () => {
        clearInterval(timer);
        await running;
      });
    }

    return {
      apiUrl: bridge.url,
      s3Endpoint: s3.endpoint,
      dynamoDbEndpoint,
      bucketName: options.bucketName,
      tableName: options.tableName,
      ingestQueue,
      generateDigests,
      idle: () => ingestQueue.idle(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

type Handler<E, R> = (event: E, context: Context) => Promise<R>;

async function importHandler<E, R>(name: string): Promise<Handler<E, R>> {
  const module = (await import(`../../functions/${name}/handler.ts`)) as { handler: Handler<E, R> };
  return module.handler;
}

export async function uploadDirectory(client: S3Client, bucketName: string, directory: string): Promise<string[]> {
  const names = (await readdir(directory, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    await client.send(
      new PutObjectCommand({ Bucket: bucketName, Key: name, Body: await readFile(join(directory, name)) }),
    );
  }
  return names;
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('could not find a free port');
  return address.port;
}
