import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { encodeS3EventKey } from '../../functions/adapters/s3-event-key';
import { createDocumentClient, createS3Client } from '../../functions/shared/clients';
import { type HttpRequest, toHttpApiEvent } from '../../scripts/local/http-api-bridge';
import { lambdaContext } from '../../scripts/local/lambda-context';
import { LocalQueue } from '../../scripts/local/local-queue';
import { createBucket, createTable } from '../../scripts/local/resources';
import { startSqsEndpoint } from '../../scripts/local/sqs-endpoint';

type Handler<E, R> = (event: E, context: Context) => Promise<R>;

export interface Service {
  readonly tableName: string;
  readonly bucketName: string;
  readonly s3: S3Client;
  readonly documents: ReturnType<typeof createDocumentClient>;
  /** The ingest queue, as far as what the generator sends to it. */
  readonly queue: LocalQueue;
  readonly ingest: Handler<SQSEvent, SQSBatchResponse>;
  readonly generate: Handler<unknown, { generated: string[]; unchanged: number; failed: string[]; requeued: string[] }>;
  readonly api: Handler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;
  close(): Promise<void>;
}

/**
 * A fresh table and bucket on the shared local engines, and the real handlers configured
 * for them. Handlers read their configuration when imported, so the names are set first.
 */
export async function startService(): Promise<Service> {
  const suffix = randomBytes(4).toString('hex');
  const tableName = `test-${suffix}`;
  const bucketName = `test-${suffix}`;
  // What the generator's reconciliation sends reaches the real ingest function through a local queue.
  let ingest: Service['ingest'] | undefined;
  const queue = new LocalQueue({
    handler: (event) => (ingest as Service['ingest'])(event, lambdaContext('ingest')),
    redeliveryDelayMs: 10,
  });
  const sqs = await startSqsEndpoint({ queue });
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    BUCKET_NAME: bucketName,
    MAX_RECEIVE_COUNT: '3',
    AWS_ENDPOINT_URL_SQS: sqs.endpoint,
    INGEST_QUEUE_URL: sqs.queueUrl,
  });
  const dynamoDb = new DynamoDBClient({});
  await createTable(dynamoDb, tableName);
  dynamoDb.destroy();
  const s3 = createS3Client();
  await createBucket(s3, bucketName);
  const documents = createDocumentClient();
  ingest = (await import('../../functions/ingest/handler')).handler as Service['ingest'];
  return {
    tableName,
    bucketName,
    s3,
    documents,
    queue,
    ingest,
    generate: (await import('../../functions/generate-digests/handler')).handler as unknown as Service['generate'],
    api: (await import('../../functions/api/handler')).handler as unknown as Service['api'],
    close: async () => {
      queue.close();
      await sqs.stop();
      s3.destroy();
      documents.destroy();
    },
  };
}

/** Puts objects into the bucket and delivers their S3 notifications to the ingest function, as SQS would. */
export async function uploadAndIngest(
  service: Service,
  files: Record<string, string | Uint8Array>,
): Promise<SQSBatchResponse> {
  for (const [key, body] of Object.entries(files)) {
    // Bytes with their length: an empty string body would otherwise be sent as a stream of unknown length.
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    await service.s3.send(
      new PutObjectCommand({ Bucket: service.bucketName, Key: key, Body: bytes, ContentLength: bytes.length }),
    );
  }
  return service.ingest(sqsEventFor(service.bucketName, Object.keys(files)), lambdaContext('ingest'));
}

let lastSequencer = 0;

/** S3 sequencers grow with every change; each call here is a later change than the one before. */
export const nextSequencer = () => (++lastSequencer).toString(16).toUpperCase().padStart(18, '0');

export function sqsEventFor(
  bucketName: string,
  keys: string[],
  eventName = 'ObjectCreated:Put',
  sequencer: () => string = nextSequencer,
  receiveCount = 1,
): SQSEvent {
  return {
    Records: keys.map((key, index) => ({
      messageId: `message-${index}-${key}`,
      receiptHandle: `receipt-${index}`,
      body: JSON.stringify({
        Records: [
          {
            eventVersion: '2.1',
            eventSource: 'aws:s3',
            eventName,
            s3: {
              bucket: { name: bucketName, arn: `arn:aws:s3:::${bucketName}` },
              object: {
                key: encodeS3EventKey(key),
                sequencer: sequencer(),
              },
            },
          },
        ],
      }),
      attributes: {
        ApproximateReceiveCount: String(receiveCount),
        SentTimestamp: '0',
        SenderId: 'test',
        ApproximateFirstReceiveTimestamp: '0',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:ingest',
      awsRegion: 'us-east-1',
    })),
  };
}

export interface JsonResponse {
  readonly statusCode: number;
  readonly headers: Record<string, unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on the shape of the JSON instead of trusting a type.
  readonly body: any;
}

/** A GET over real HTTP, for the API served by the local stack. */
export async function fetchJson(url: string): Promise<JsonResponse> {
  const response = await fetch(url);
  return {
    statusCode: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.json(),
  };
}

/** Calls the API function with the HTTP API event for this request and parses its JSON body. */
export async function call(service: Service, url: string, request: Partial<HttpRequest> = {}): Promise<JsonResponse> {
  const result = await service.api(toHttpApiEvent({ method: 'GET', url, ...request }), lambdaContext('api'));
  return {
    statusCode: result.statusCode ?? 200,
    headers: result.headers ?? {},
    body: result.body ? JSON.parse(result.body) : undefined,
  };
}
