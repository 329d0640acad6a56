import { type App, Tags } from 'aws-cdk-lib';
import { DataStack } from './data-stack';
import { ServiceStack } from './service-stack';
import { parseStage, type Stage, stageTitle } from './stage';

export const DEFAULT_DIGEST_SCHEDULE = 'cron(0 5 * * ? *)';

export interface HeadlineDigestStacks {
  readonly stage: Stage;
  readonly data: DataStack;
  readonly service: ServiceStack;
}

/** Everything `bin/app.ts` deploys, in one place so that tests synthesize exactly the same. */
export function buildApp(app: App): HeadlineDigestStacks {
  const stage = parseStage(app.node.tryGetContext('stage'));
  const digestSchedule = parseSchedule(app.node.tryGetContext('digestSchedule') ?? DEFAULT_DIGEST_SCHEDULE);
  const prefix = `HeadlineDigest-${stageTitle(stage)}`;

  Tags.of(app).add('project', 'headline-digest');
  Tags.of(app).add('stage', stage);

  // Environment-agnostic: the account and region come from whoever deploys.
  const data = new DataStack(app, `${prefix}-Data`, {
    stage,
    description: `Headline digest ${stage}: seed bucket and article table`,
  });
  const service = new ServiceStack(app, `${prefix}-Service`, {
    stage,
    seedBucket: data.seedBucket,
    table: data.table,
    digestSchedule,
    description: `Headline digest ${stage}: ingestion, digest generation and API`,
  });
  return { stage, data, service };
}

function parseSchedule(value: unknown): string {
  if (typeof value !== 'string' || !/^(cron|rate)\(.+\)$/.test(value.trim())) {
    throw new Error(
      `digestSchedule must be an EventBridge cron(...) or rate(...) expression, got ${JSON.stringify(value)}`,
    );
  }
  return value.trim();
}
