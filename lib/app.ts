import { type App, Tags } from 'aws-cdk-lib';
import { type AppSettings, readSettings } from './context';
import { DataStack } from './data-stack';
import { checkWithCdkNag, checkWithControlTower } from './nag';
import { ServiceStack } from './service-stack';
import { type Stage, stageTitle } from './stage';

export { DEFAULT_DIGEST_SCHEDULE } from './context';

export interface HeadlineDigestStacks {
  readonly stage: Stage;
  readonly settings: AppSettings;
  readonly data: DataStack;
  readonly service: ServiceStack;
}

/** Everything `bin/app.ts` deploys, in one place so that tests synthesize exactly the same. */
export function buildApp(app: App): HeadlineDigestStacks {
  const settings = readSettings(app);
  const { stage } = settings;
  const prefix = `HeadlineDigest-${stageTitle(stage)}`;

  Tags.of(app).add('project', 'headline-digest');
  Tags.of(app).add('stage', stage);

  // Environment-agnostic: the account and region come from whoever deploys.
  const data = new DataStack(app, `${prefix}-Data`, {
    stage,
    description: `Headline digest ${stage}: seed bucket, its access logs, and article table`,
  });
  const service = new ServiceStack(app, `${prefix}-Service`, {
    stage,
    seedBucket: data.seedBucket,
    seedBucketArnExportName: data.seedBucketArnExportName,
    table: data.table,
    tableIndexNames: data.tableIndexNames,
    digestSchedule: settings.digestSchedule,
    apiThrottle: settings.apiThrottle,
    corsAllowOrigins: settings.corsAllowOrigins,
    ...(settings.alarmEmail && { alarmEmail: settings.alarmEmail }),
    ...(settings.customDomain && { customDomain: settings.customDomain }),
    webAcl: settings.webAcl,
    description: `Headline digest ${stage}: ingestion, digest generation, API, alarms and dashboard`,
  });
  // The seed bucket's ARN arrives through an import, which CDK does not count as a dependency.
  service.addStackDependency(data);

  const stacks = { stage, settings, data, service };
  checkWithCdkNag(app, stacks);
  checkWithControlTower(app, stacks);
  return stacks;
}
