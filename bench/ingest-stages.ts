import { DynamoDbArticleStore } from '../functions/adapters/dynamodb-article-store';
import { DynamoDbNameStore } from '../functions/adapters/dynamodb-name-store';
import { S3SeedSource } from '../functions/adapters/s3-seed-source';
import { ingestObjectEvent } from '../functions/app/ingest-object';
import type { SeedSource } from '../functions/core/ports';
import { createDocumentClient, createS3Client } from '../functions/shared/clients';

/** Where one file's ingest spends its time, summed over the files (issue #18, item 3). */
export interface IngestStages {
  readonly files: number;
  readonly totalMs: number;
  /** Reading the object: GetObject and its body. */
  readonly s3Ms: number;
  /** Every DynamoDB call, marshalling included: the reads, the text put, the transaction, the name index. */
  readonly dynamoDbMs: number;
  /** The rest: decoding, parsing, language, summary and names, and compressing the summary and text. */
  readonly analysisMs: number;
}

/**
 * Ingests `keys` of `bucketName` one at a time through the real ingest path and stores, timing S3 and DynamoDB at
 * the harness's own clients and seed source, so that no production code carries a timer. One at a time, so the
 * three shares add up to each file's own time: the throughput figure, with its batches in parallel, cannot say this.
 */
export async function timeIngestStages(
  tableName: string,
  bucketName: string,
  keys: readonly string[],
): Promise<IngestStages> {
  const documents = createDocumentClient();
  const s3 = createS3Client();
  let dynamoDbMs = 0;
  let s3Ms = 0;
  // Calls made at once (the name index's counts updates) overlap: the time any is in flight is counted, once.
  let inFlight = 0;
  let since = 0;
  documents.middlewareStack.add(
    (next) => async (args) => {
      if (inFlight++ === 0) since = performance.now();
      try {
        return await next(args);
      } finally {
        if (--inFlight === 0) dynamoDbMs += performance.now() - since;
      }
    },
    { step: 'initialize', name: 'timeDynamoDb' },
  );
  const source = new S3SeedSource(s3, bucketName);
  const seeds: SeedSource = {
    read: async (key, maxBytes) => {
      const started = performance.now();
      try {
        return await source.read(key, maxBytes);
      } finally {
        s3Ms += performance.now() - started;
      }
    },
    list: () => source.list(),
  };
  const deps = {
    seeds,
    articles: new DynamoDbArticleStore(documents, tableName),
    names: new DynamoDbNameStore(documents, tableName),
  };
  const started = performance.now();
  try {
    for (const key of keys) {
      const result = await ingestObjectEvent(deps, { key, kind: 'created', sequencer: '1' }, new Date());
      if (result.status !== 'ingested') throw new Error(`${key} was not ingested: ${result.status}`);
    }
  } finally {
    documents.destroy();
    s3.destroy();
  }
  const totalMs = performance.now() - started;
  return { files: keys.length, totalMs, s3Ms, dynamoDbMs, analysisMs: totalMs - s3Ms - dynamoDbMs };
}
