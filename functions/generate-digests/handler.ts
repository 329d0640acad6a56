import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { DynamoDbArticleStore } from '../adapters/dynamodb-article-store';
import { DynamoDbDigestStore } from '../adapters/dynamodb-digest-store';
import { type GenerationReport, generateStaleDigests } from '../app/digests';
import { createDocumentClient } from '../shared/clients';
import { readConfig } from '../shared/config';
import { logger, metrics } from '../shared/observability';

const config = readConfig(['TABLE_NAME']);
const documentClient = createDocumentClient();
const deps = {
  articles: new DynamoDbArticleStore(documentClient, config.TABLE_NAME),
  digests: new DynamoDbDigestStore(documentClient, config.TABLE_NAME),
};

export interface GenerationSummary {
  readonly generated: readonly string[];
  readonly unchanged: number;
  readonly failed: readonly string[];
}

async function generate(): Promise<GenerationSummary> {
  const report: GenerationReport = await generateStaleDigests(deps, () => new Date());
  for (const { period, error } of report.failed)
    logger.error('digest generation failed', { period, error: error as Error });
  metrics.addMetric('DigestsGenerated', MetricUnit.Count, report.generated.length);
  metrics.addMetric('DigestGenerationFailures', MetricUnit.Count, report.failed.length);
  const summary = { ...report, failed: report.failed.map(({ period }) => period) };
  logger.info('digest generation finished', { ...summary });
  return summary;
}

export const handler = middy(generate).use(injectLambdaContext(logger)).use(logMetrics(metrics));
