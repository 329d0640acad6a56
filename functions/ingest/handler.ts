import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { S3Event, SQSEvent, SQSRecord } from 'aws-lambda';
import { DynamoDbArticleStore } from '../adapters/dynamodb-article-store';
import { S3SeedSource } from '../adapters/s3-seed-source';
import { ingestObject } from '../app/ingest-object';
import { createDocumentClient, createS3Client } from '../shared/clients';
import { readConfig } from '../shared/config';
import { logger, metrics } from '../shared/observability';

const config = readConfig(['TABLE_NAME', 'BUCKET_NAME']);
const deps = {
  seeds: new S3SeedSource(createS3Client(), config.BUCKET_NAME),
  articles: new DynamoDbArticleStore(createDocumentClient(), config.TABLE_NAME),
};
const processor = new BatchProcessor(EventType.SQS);

/** S3 event keys are URL-encoded with `+` for spaces. */
const decodeKey = (key: string) => decodeURIComponent(key.replace(/\+/g, ' '));

async function processRecord(record: SQSRecord): Promise<void> {
  // S3 sends an `s3:TestEvent` without Records when the notification is configured.
  const { Records = [] } = JSON.parse(record.body) as Partial<S3Event>;
  for (const s3Record of Records) {
    const key = decodeKey(s3Record.s3.object.key);
    if (!s3Record.eventName.startsWith('ObjectCreated:')) {
      logger.info('event ignored', { key, eventName: s3Record.eventName });
      continue;
    }
    const result = await ingestObject(deps, key, new Date());
    if (result.status === 'rejected') logger.warn('seed rejected', { ...result });
    else logger.info('seed ingested', { ...result });
    metrics.addMetric(result.status === 'rejected' ? 'SeedsRejected' : 'SeedsIngested', MetricUnit.Count, 1);
  }
}

export const handler = middy((event: SQSEvent) => processPartialResponse(event, processRecord, processor))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
