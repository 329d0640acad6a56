import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Bucket, EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ServiceFunction } from './service-function';
import type { Stage } from './stage';

export interface ServiceStackProps extends StackProps {
  readonly stage: Stage;
  readonly seedBucket: IBucket;
  readonly table: ITable;
  /** An EventBridge schedule expression, `cron(...)` or `rate(...)`. */
  readonly digestSchedule: string;
}

export const API_ROUTES = ['/digests', '/digests/{date}', '/articles/{id}'] as const;

const INGEST_TIMEOUT = Duration.seconds(30);
const INGEST_BATCHING_WINDOW = Duration.seconds(5);

/** The stateless half: functions, queues, the schedule and the HTTP API around the data stack's bucket and table. */
export class ServiceStack extends Stack {
  public readonly ingestQueue: Queue;
  public readonly deadLetterQueue: Queue;
  public readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { stage, table } = props;

    // Adding the notification to the data stack's own bucket would put the notification in the
    // data stack, pointing at this stack's queue, while this stack already points at the bucket:
    // a cycle. Through a reference the notification lives here and the data stack knows nothing of us.
    const seedBucket = Bucket.fromBucketAttributes(this, 'SeedBucketRef', {
      bucketArn: props.seedBucket.bucketArn,
      bucketName: props.seedBucket.bucketName,
    });

    this.deadLetterQueue = new Queue(this, 'IngestDeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.ingestQueue = new Queue(this, 'IngestQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Lambda's advice: at least six function timeouts plus the batching window, so a message
      // is not redelivered while a throttled or retried batch still holds it.
      visibilityTimeout: Duration.seconds(6 * INGEST_TIMEOUT.toSeconds() + INGEST_BATCHING_WINDOW.toSeconds()),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
    });
    const destination = new SqsDestination(this.ingestQueue);
    seedBucket.addEventNotification(EventType.OBJECT_CREATED, destination);
    seedBucket.addEventNotification(EventType.OBJECT_REMOVED, destination);

    const ingest = new ServiceFunction(this, 'Ingest', {
      name: 'ingest',
      stage,
      timeout: INGEST_TIMEOUT,
      memorySize: 512,
      // Ingestion only puts and updates items (conditions need no read permission) and never changes a seed.
      table: { table, access: 'write' },
      bucket: { bucket: seedBucket, access: 'read' },
    });
    ingest.function.addEventSource(
      new SqsEventSource(this.ingestQueue, {
        batchSize: 10,
        maxBatchingWindow: INGEST_BATCHING_WINDOW,
        reportBatchItemFailures: true,
      }),
    );

    const generator = new ServiceFunction(this, 'GenerateDigests', {
      name: 'generate-digests',
      stage,
      timeout: Duration.minutes(5),
      memorySize: 1024,
      table: { table, access: 'readWrite' },
    });
    new Rule(this, 'DigestSchedule', {
      description: 'Regenerates the digests whose articles changed',
      schedule: Schedule.expression(props.digestSchedule),
      targets: [new LambdaFunction(generator.function, { retryAttempts: 2 })],
    });

    const apiHandler = new ServiceFunction(this, 'Api', {
      name: 'api',
      stage,
      timeout: Duration.seconds(10),
      memorySize: 512,
      table: { table, access: 'read' },
    });
    this.api = new HttpApi(this, 'HttpApi', { description: 'Headline digests and their articles' });
    const integration = new HttpLambdaIntegration('ApiIntegration', apiHandler.function);
    for (const path of API_ROUTES) this.api.addRoutes({ path, methods: [HttpMethod.GET], integration });

    const seeds = new BucketDeployment(this, 'SeedDeployment', {
      sources: [Source.asset(fileURLToPath(new URL('../seeds', import.meta.url)))],
      destinationBucket: seedBucket,
      // Never delete what users uploaded next to the seeds, nor the seeds once the stack goes.
      prune: false,
      retainOnDelete: true,
    });
    // The seeds must land after the notification exists, or they would never be ingested.
    seeds.node.addDependency(seedBucket);

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint, description: 'Base URL of the digest API' });
  }
}
