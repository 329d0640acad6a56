import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { S3Event, SQSEvent, SQSRecord } from 'aws-lambda';
import { DynamoDbArticleStore } from '../adapters/dynamodb-article-store';
import { DynamoDbNameStore } from '../adapters/dynamodb-name-store';
import { decodeS3EventKey } from '../adapters/s3-event-key';
import { S3SeedSource } from '../adapters/s3-seed-source';
import { RECONCILED_EVENT } from '../adapters/sqs-ingest-queue';
import { ingestObjectEvent, type ObjectEvent, recordFailure } from '../app/ingest-object';
import { createDocumentClient, createS3Client } from '../shared/clients';
import { readConfig } from '../shared/config';
import { logger, metrics } from '../shared/observability';

const config = readConfig(['TABLE_NAME', 'BUCKET_NAME', 'MAX_RECEIVE_COUNT']);
const maxReceiveCount = Number(config.MAX_RECEIVE_COUNT);
const documentClient = createDocumentClient();
const deps = {
  seeds: new S3SeedSource(createS3Client(), config.BUCKET_NAME),
  articles: new DynamoDbArticleStore(documentClient, config.TABLE_NAME),
  names: new DynamoDbNameStore(documentClient, config.TABLE_NAME),
};
const processor = new BatchProcessor(EventType.SQS);

function objectEvents(record: SQSRecord): ObjectEvent[] {
  // S3 sends an `s3:TestEvent` without Records when the notification is configured.
  const { Records = [] } = JSON.parse(record.body) as Partial<S3Event>;
  return Records.filter((s3) => /^Object(Created|Removed):/.test(s3.eventName)).map((s3) => ({
    key: decodeS3EventKey(s3.s3.object.key),
    kind: s3.eventName.startsWith('ObjectCreated:') ? 'created' : 'removed',
    sequencer: s3.s3.object.sequencer ?? '0',
    replay: s3.eventName === RECONCILED_EVENT,
  }));
}

async function processRecord(record: SQSRecord): Promise<void> {
  for (const event of objectEvents(record)) {
    try {
      const result = await ingestObjectEvent(deps, event, new Date());
      logger[result.status === 'rejected' ? 'warn' : 'info'](`seed ${result.status}`, { ...result });
      metrics.addMetric(`Seeds${result.status[0]?.toUpperCase()}${result.status.slice(1)}`, MetricUnit.Count, 1);
    } catch (error) {
      const lastAttempt = Number(record.attributes.ApproximateReceiveCount) >= maxReceiveCount;
      logger.error('seed could not be processed', { key: event.key, lastAttempt, error: error as Error });
      metrics.addMetric('SeedsFailed', MetricUnit.Count, 1);
      // On the last delivery the message goes to the dead-letter queue: leave a visible record first.
      if (lastAttempt) await recordFailure(deps, event, (error as Error).message, new Date()).catch(() => undefined);
      throw error;
    }
  }
}

export const handler = middy((event: SQSEvent) => processPartialResponse(event, processRecord, processor))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
