import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Bucket, EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { ApiThrottle, CustomDomain } from './context';
import { CORS_POLICY } from './cors';
import { captureCustomResourceHandlerLogs, serviceLogGroup } from './logs';
import { ServiceMonitoring } from './monitoring';
import { ServiceFunction } from './service-function';
import { Site } from './site';
import type { Stage } from './stage';

export interface ServiceStackProps extends StackProps {
  readonly stage: Stage;
  readonly seedBucket: IBucket;
  /** The export that carries the seed bucket's ARN (see `DataStack.seedBucketArnExportName`). */
  readonly seedBucketArnExportName: string;
  readonly table: ITable;
  readonly tableIndexNames: readonly string[];
  /** An EventBridge schedule expression, `cron(...)` or `rate(...)`. */
  readonly digestSchedule: string;
  readonly apiThrottle: ApiThrottle;
  readonly corsAllowOrigins: readonly string[];
  readonly alarmEmail?: string;
  /** The site answers under this domain as well as the distribution's own. */
  readonly customDomain?: CustomDomain;
  /** A WAF web ACL with a rate limit per client IP in front of the site. */
  readonly webAcl: boolean;
}

/** Anyone may call these; they only read published digests. */
export const PUBLIC_API_ROUTES = [
  '/',
  '/openapi.json',
  '/feeds/latest',
  '/digests',
  '/digests/{date}',
  '/articles/{id}',
  '/stories/{id}',
  '/names/{id}',
] as const;
/** These show what ingestion rejected and how it is doing; callers sign requests with IAM credentials. */
export const ADMIN_API_ROUTES = ['/admin/rejections', '/admin/ingest-status'] as const;

/** Every route answers GET, and HEAD as its GET without the body (the function answers both alike). */
const API_METHODS = [HttpMethod.GET, HttpMethod.HEAD];

/** Receives before a seed's event goes to the dead-letter queue. */
export const INGEST_MAX_RECEIVE_COUNT = 5;
const INGEST_TIMEOUT = Duration.seconds(30);
const INGEST_BATCHING_WINDOW = Duration.seconds(5);

/** The stateless half: functions, queues, the schedule and the HTTP API around the data stack's bucket and table. */
export class ServiceStack extends Stack {
  public readonly ingestQueue: Queue;
  public readonly deadLetterQueue: Queue;
  public readonly api: HttpApi;
  public readonly apiStage: HttpStage;
  public readonly apiAccessLogs: LogGroup;
  public readonly publicRoutes: readonly HttpRoute[];
  public readonly defaultRoute: HttpRoute;
  public readonly adminRoutes: readonly HttpRoute[];
  public readonly functions: {
    readonly ingest: ServiceFunction;
    readonly generator: ServiceFunction;
    readonly api: ServiceFunction;
  };
  public readonly seedDeployment: BucketDeployment;
  public readonly seedDeploymentRole: Role;
  public readonly monitoring: ServiceMonitoring;
  public readonly site: Site;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { stage, table, tableIndexNames } = props;

    // Adding the notification to the data stack's own bucket would put the notification in the
    // data stack, pointing at this stack's queue, while this stack already points at the bucket:
    // a cycle. Through a reference the notification lives here and the data stack knows nothing of us.
    const seedBucket = Bucket.fromBucketAttributes(this, 'SeedBucketRef', {
      bucketArn: Fn.importValue(props.seedBucketArnExportName),
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
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: INGEST_MAX_RECEIVE_COUNT },
    });
    const destination = new SqsDestination(this.ingestQueue);
    seedBucket.addEventNotification(EventType.OBJECT_CREATED, destination);
    seedBucket.addEventNotification(EventType.OBJECT_REMOVED, destination);

    const ingest = new ServiceFunction(this, 'Ingest', {
      name: 'ingest',
      stage,
      timeout: INGEST_TIMEOUT,
      memorySize: 512,
      // Reads as well as writes: an update is conditional on the stored state of the object.
      // The seeds are only read, never written or deleted.
      table: { table, indexNames: tableIndexNames, access: 'readWrite' },
      // Listing too: without it S3 answers 403 instead of 404 for an object deleted before it was read.
      bucket: { bucket: seedBucket, access: 'readAndList' },
      // The function records an object as dead-lettered on its last delivery, so it must know which that is.
      environment: { MAX_RECEIVE_COUNT: String(INGEST_MAX_RECEIVE_COUNT) },
    });
    // The event source grants exactly what consuming takes: receive, delete, change visibility.
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
      table: { table, indexNames: tableIndexNames, access: 'readWrite' },
      // Lists the seeds to find the ones never ingested and queues them again; never reads one itself.
      bucket: { bucket: seedBucket, access: 'list' },
      queue: { queue: this.ingestQueue, access: 'send', environmentVariable: 'INGEST_QUEUE_URL' },
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
      table: { table, indexNames: tableIndexNames, access: 'read' },
    });
    this.functions = { ingest, generator, api: apiHandler };

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Headline digests and their articles',
      // The stage is declared below, with throttling and access logs.
      createDefaultStage: false,
      // The policy the local server answers with as well (lib/cors.ts).
      corsPreflight: {
        allowOrigins: [...props.corsAllowOrigins],
        allowMethods: CORS_POLICY.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...CORS_POLICY.allowHeaders],
        allowCredentials: CORS_POLICY.allowCredentials,
        maxAge: Duration.seconds(CORS_POLICY.maxAgeSeconds),
      },
    });
    this.apiAccessLogs = serviceLogGroup(this, 'ApiAccessLogs', stage);
    // Same id and name as the stage HttpApi creates by default, so the stage is updated in place.
    this.apiStage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.apiThrottle.rateLimit, burstLimit: props.apiThrottle.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.apiAccessLogs),
        format: ACCESS_LOG_FORMAT,
      },
    });
    const integration = new HttpLambdaIntegration('ApiIntegration', apiHandler.function);
    this.publicRoutes = PUBLIC_API_ROUTES.flatMap((path) =>
      this.api.addRoutes({ path, methods: API_METHODS, integration }),
    );
    const iam = new HttpIamAuthorizer();
    // HEAD too: without its own route a HEAD would reach the function through $default, unsigned.
    this.adminRoutes = ADMIN_API_ROUTES.flatMap((path) =>
      this.api.addRoutes({ path, methods: API_METHODS, integration, authorizer: iam }),
    );
    // Whatever no route above matches (another method, an unknown path) reaches the function too,
    // so callers get its 405 with Allow and its 404 in the API's JSON shape, not API Gateway's own.
    this.defaultRoute = new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration,
    });

    // A role of our own, rather than the one BucketDeployment makes, carries no AWS managed policy.
    this.seedDeploymentRole = new Role(this, 'SeedDeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies seeds/ into the seed bucket during a deployment',
    });
    const seedDeploymentLogs = serviceLogGroup(this, 'SeedDeploymentLogs', stage);
    seedDeploymentLogs.grantWrite(this.seedDeploymentRole);
    this.seedDeployment = new BucketDeployment(this, 'SeedDeployment', {
      sources: [Source.asset(fileURLToPath(new URL('../seeds', import.meta.url)))],
      destinationBucket: seedBucket,
      // Never delete what users uploaded next to the seeds, nor the seeds once the stack goes.
      prune: false,
      retainOnDelete: true,
      role: this.seedDeploymentRole,
      logGroup: seedDeploymentLogs,
    });
    // The seeds must land after the notification exists, or they would never be ingested.
    this.seedDeployment.node.addDependency(seedBucket);

    // Readers come through CloudFront; the API's own URL stays for operators (the admin routes).
    this.site = new Site(this, 'Site', {
      api: this.api,
      corsAllowOrigins: props.corsAllowOrigins,
      ...(props.customDomain && { customDomain: props.customDomain }),
      webAcl: props.webAcl,
    });

    this.monitoring = new ServiceMonitoring(this, 'Monitoring', {
      stage,
      functions: [ingest, generator, apiHandler],
      ingest,
      generator,
      ingestQueue: this.ingestQueue,
      deadLetterQueue: this.deadLetterQueue,
      api: this.api,
      ...(props.alarmEmail && { alarmEmail: props.alarmEmail }),
    });

    new CfnOutput(this, 'SiteUrl', {
      value: this.site.siteUrl,
      description: 'Where readers go: the digests through CloudFront',
    });
    new CfnOutput(this, 'ApiUrl', {
      value: this.api.apiEndpoint,
      description: 'The API itself: operators call the admin routes here, signed with IAM credentials',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.monitoring.alarmTopic.topicArn,
      description: 'Subscribe here to receive the service alarms',
    });
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
    new CfnOutput(this, 'DeadLetterQueueArn', {
      value: this.deadLetterQueue.queueArn,
      description: 'Seed notifications that failed ingestion; redrive them once the cause is fixed',
    });

    captureCustomResourceHandlerLogs(this, stage);
  }
}

/** One JSON object per request. Every value is quoted: API Gateway writes `-` for a missing one. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: AccessLogField.contextRequestId(),
    requestTime: AccessLogField.contextRequestTime(),
    ip: AccessLogField.contextIdentitySourceIp(),
    userAgent: AccessLogField.contextIdentityUserAgent(),
    caller: AccessLogField.contextIdentityUserArn(),
    method: AccessLogField.contextHttpMethod(),
    routeKey: AccessLogField.contextRouteKey(),
    path: AccessLogField.contextPath(),
    protocol: AccessLogField.contextProtocol(),
    status: AccessLogField.contextStatus(),
    responseLength: AccessLogField.contextResponseLength(),
    responseLatency: AccessLogField.contextResponseLatency(),
    integrationLatency: AccessLogField.contextIntegrationLatency(),
    integrationStatus: AccessLogField.contextIntegrationStatus(),
    integrationError: AccessLogField.contextIntegrationErrorMessage(),
    error: AccessLogField.contextErrorMessage(),
  }),
);
