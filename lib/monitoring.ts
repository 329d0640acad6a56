import { ArnFormat, Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  type Metric,
  Stats,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ServiceFunction } from './service-function';
import { type Stage, stageTitle } from './stage';

export interface ServiceMonitoringProps {
  readonly stage: Stage;
  /** Every project function: each gets an error and a throttle alarm and a place on the dashboard. */
  readonly functions: readonly ServiceFunction[];
  readonly ingest: ServiceFunction;
  readonly generator: ServiceFunction;
  readonly ingestQueue: IQueue;
  readonly deadLetterQueue: IQueue;
  readonly api: HttpApi;
  readonly alarmEmail?: string;
}

/** The share of API requests answered with a 5xx, in percent, above which the API alarm fires. */
export const API_5XX_RATE_THRESHOLD_PERCENT = 5;
/** Ingestion is falling behind when the oldest queued seed waits longer than this. */
export const INGEST_BACKLOG_AGE_THRESHOLD = Duration.minutes(15);

const PERIOD = Duration.minutes(5);

/** Alarms to an encrypted SNS topic, and a dashboard of the service's key metrics. */
export class ServiceMonitoring extends Construct {
  public readonly alarmKey: Key;
  public readonly alarmTopic: Topic;
  public readonly alarms: readonly Alarm[];
  public readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ServiceMonitoringProps) {
    super(scope, id);
    const { stage, functions, ingest, generator, ingestQueue, deadLetterQueue, api } = props;
    const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com');

    // Not the AWS managed aws/sns key: its key policy cannot be changed, and without a grant in it
    // CloudWatch alarms cannot publish to the topic. The key protects only messages in flight, so a
    // deleted stack takes it along (after KMS's shortest waiting period).
    this.alarmKey = new Key(this, 'AlarmTopicKey', {
      description: `Encrypts the headline digest ${stage} alarm topic`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(7),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.alarmKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToTheEncryptedTopic',
        principals: [cloudWatch],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        // In a key policy, "*" is the key the policy belongs to.
        resources: ['*'],
      }),
    );

    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: `Headline digest ${stage} alarms`,
      masterKey: this.alarmKey,
      enforceSSL: true,
    });
    this.alarmTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisAccountPublish',
        principals: [cloudWatch],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': Stack.of(this).formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    const notify = new SnsAction(this.alarmTopic);

    const alarms: Alarm[] = [];
    const alarmAbove = (alarmId: string, metric: IMetric, threshold: number, alarmDescription: string) => {
      const alarm = new Alarm(this, alarmId, {
        metric,
        threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription,
      });
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
      alarms.push(alarm);
      return alarm;
    };

    alarmAbove(
      'DeadLetterQueueNotEmpty',
      deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: Stats.MAXIMUM,
      }),
      0,
      'A seed notification failed ingestion 5 times and waits in the dead-letter queue. Read the ingest log group, fix the cause, then redrive the queue.',
    );
    alarmAbove(
      'IngestBacklogAge',
      ingestQueue.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: Stats.MAXIMUM }),
      INGEST_BACKLOG_AGE_THRESHOLD.toSeconds(),
      `The oldest seed notification has waited more than ${INGEST_BACKLOG_AGE_THRESHOLD.toMinutes()} minutes: ingestion is failing or falling behind.`,
    );
    for (const fn of functions) {
      alarmAbove(
        `${fn.node.id}Errors`,
        fn.function.metricErrors({ period: PERIOD, statistic: Stats.SUM }),
        0,
        `The ${fn.serviceName} function failed at least once in 5 minutes.`,
      );
      alarmAbove(
        `${fn.node.id}Throttles`,
        fn.function.metricThrottles({ period: PERIOD, statistic: Stats.SUM }),
        0,
        `Lambda throttled the ${fn.serviceName} function at least once in 5 minutes.`,
      );
    }
    const apiRequests = api.metricCount({ period: PERIOD, statistic: Stats.SUM });
    const apiServerErrors = api.metricServerError({ period: PERIOD, statistic: Stats.SUM });
    alarmAbove(
      'Api5xxRate',
      new MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: { requests: apiRequests, errors: apiServerErrors },
        period: PERIOD,
        label: 'API 5xx rate (%)',
      }),
      API_5XX_RATE_THRESHOLD_PERCENT,
      `More than ${API_5XX_RATE_THRESHOLD_PERCENT}% of API requests failed with a 5xx in 5 minutes.`,
    );
    this.alarms = alarms;

    const graph = (title: string, left: IMetric[], right: IMetric[] = []) =>
      new GraphWidget({ title, left, right, width: 8, height: 6 });
    const perFunction = (metricOf: (fn: ServiceFunction) => Metric) =>
      functions.map((fn) => metricOf(fn).with({ label: fn.serviceName }));

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `HeadlineDigest-${stageTitle(stage)}-${Aws.REGION}`,
      defaultInterval: Duration.days(1),
      widgets: [
        [
          new TextWidget({ markdown: `# Headline digest (${stage})`, width: 16, height: 2 }),
          new AlarmStatusWidget({ title: 'Alarms', alarms, width: 8, height: 2 }),
        ],
        [
          graph('Seeds ingested and rejected', [
            ingest.metric('SeedsIngested', { label: 'ingested' }),
            ingest.metric('SeedsRejected', { label: 'rejected' }),
          ]),
          graph(
            'Ingest queue',
            [
              ingestQueue.metricApproximateAgeOfOldestMessage({
                period: PERIOD,
                statistic: Stats.MAXIMUM,
                label: 'age of oldest message (s)',
              }),
            ],
            [
              deadLetterQueue.metricApproximateNumberOfMessagesVisible({
                period: PERIOD,
                statistic: Stats.MAXIMUM,
                label: 'dead-letter queue depth',
              }),
            ],
          ),
          graph('Digests generated and failed', [
            generator.metric('DigestsGenerated', { label: 'generated' }),
            generator.metric('DigestGenerationFailures', { label: 'failed' }),
          ]),
        ],
        [
          graph(
            'Function errors',
            perFunction((fn) => fn.function.metricErrors({ period: PERIOD, statistic: Stats.SUM })),
          ),
          graph(
            'Function duration (p99, ms)',
            perFunction((fn) => fn.function.metricDuration({ period: PERIOD, statistic: Stats.p(99) })),
          ),
          graph(
            'Function throttles',
            perFunction((fn) => fn.function.metricThrottles({ period: PERIOD, statistic: Stats.SUM })),
          ),
        ],
        [
          graph('API requests', [apiRequests.with({ label: 'requests' })]),
          graph('API errors', [
            api.metricClientError({ period: PERIOD, statistic: Stats.SUM, label: '4xx' }),
            apiServerErrors.with({ label: '5xx' }),
          ]),
          graph('API latency (ms)', [
            api.metricLatency({ period: PERIOD, statistic: Stats.p(50), label: 'p50' }),
            api.metricLatency({ period: PERIOD, statistic: Stats.p(99), label: 'p99' }),
          ]),
        ],
      ],
    });
  }
}
