import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { DynamoDbArticleStore } from '../adapters/dynamodb-article-store';
import { DynamoDbDigestStore } from '../adapters/dynamodb-digest-store';
import { DynamoDbNameStore } from '../adapters/dynamodb-name-store';
import { DynamoDbStoryStore } from '../adapters/dynamodb-story-store';
import { S3SeedSource } from '../adapters/s3-seed-source';
import { SqsIngestQueue } from '../adapters/sqs-ingest-queue';
import { generateStaleDigests } from '../app/digests';
import { reconcile } from '../app/reconcile';
import { lazy } from '../core/lazy';
import { createDocumentClient, createS3Client } from '../shared/clients';
import { readConfig } from '../shared/config';
import { logger, metrics } from '../shared/observability';

const config = readConfig(['TABLE_NAME', 'BUCKET_NAME', 'INGEST_QUEUE_URL']);
const documentClient = createDocumentClient();
const articles = new DynamoDbArticleStore(documentClient, config.TABLE_NAME);
const digests = new DynamoDbDigestStore(documentClient, config.TABLE_NAME);
const stories = new DynamoDbStoryStore(documentClient, config.TABLE_NAME);
const names = new DynamoDbNameStore(documentClient, config.TABLE_NAME);
const seeds = new S3SeedSource(createS3Client(), config.BUCKET_NAME);
// One SQS client per container, made (and the SDK's SQS code loaded) when reconciliation first requeues something.
const queue = new SqsIngestQueue(
  lazy(() => import('../adapters/sqs-sdk').then(({ SQSClient }) => new SQSClient({}))),
  config.INGEST_QUEUE_URL,
);

export interface ScheduledRunSummary {
  readonly generated: readonly string[];
  readonly unchanged: number;
  readonly failed: readonly string[];
  readonly requeued: readonly string[];
}

/** One scheduled run: regenerate what changed, then repair whatever ingestion missed for the next run. */
async function run(): Promise<ScheduledRunSummary> {
  const report = await generateStaleDigests({ articles, digests, stories }, () => new Date());
  for (const { period, error } of report.failed)
    logger.error('digest generation failed', { period, error: error as Error });
  metrics.addMetric('DigestsGenerated', MetricUnit.Count, report.generated.length);
  metrics.addMetric('DigestGenerationFailures', MetricUnit.Count, report.failed.length);

  const reconciled = await reconcile({ seeds, articles, names, queue });
  if (reconciled.requeued.length > 0) logger.warn('objects requeued by reconciliation', { keys: reconciled.requeued });
  if (reconciled.namesRepaired > 0)
    logger.warn('name index repaired by reconciliation', { articles: reconciled.namesRepaired });
  metrics.addMetric('ObjectsRequeued', MetricUnit.Count, reconciled.requeued.length);

  const summary = {
    generated: report.generated,
    unchanged: report.unchanged,
    failed: report.failed.map(({ period }) => period),
    requeued: reconciled.requeued,
  };
  logger.info('scheduled run finished', { ...summary, checked: reconciled.checked });
  return summary;
}

export const handler = middy(run).use(injectLambdaContext(logger)).use(logMetrics(metrics));
