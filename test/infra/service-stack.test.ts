import { Match } from 'aws-cdk-lib/assertions';
import { openApiDocument } from '../../functions/api/openapi';
import { CORS_POLICY } from '../../lib/cors';
import { ADMIN_API_ROUTES, PUBLIC_API_ROUTES } from '../../lib/service-stack';
import {
  actionsOf,
  allows,
  CDK_CONTEXT,
  onlyResource,
  projectFunction,
  resourcesOf,
  resourcesOfStatement,
  roleActions,
  roleStatements,
  synth,
} from './synth';

const dev = synth('dev');
const { service } = dev;
const ingest = projectFunction(dev, 'ingest');
const generator = projectFunction(dev, 'generate-digests');
const api = projectFunction(dev, 'api');

const queueIds = () => {
  const queues = Object.entries(resourcesOf(service, 'AWS::SQS::Queue'));
  const [deadLetter] = queues.find(([, queue]) => !queue.Properties?.RedrivePolicy) ?? [];
  const [ingestQueue] = queues.find(([, queue]) => queue.Properties?.RedrivePolicy) ?? [];
  if (queues.length !== 2 || !deadLetter || !ingestQueue)
    throw new Error('expected an ingest queue and its dead-letter queue');
  return { ingestQueue, deadLetter };
};

describe('ingestion', () => {
  const { ingestQueue, deadLetter } = queueIds();

  it('sends created and removed seed objects to the ingest queue, from the service stack', () => {
    service.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: Match.arrayWith(
          ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'].map((event) => ({
            Events: [event],
            QueueArn: { 'Fn::GetAtt': [ingestQueue, 'Arn'] },
          })),
        ),
      },
    });
    // A notification in the data stack would point back at this stack: a cycle.
    dev.data.resourceCountIs('Custom::S3BucketNotifications', 0);
  });

  it('lets only S3 send to the queue, over TLS', () => {
    service.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: ingestQueue }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Action: Match.arrayWith(['sqs:SendMessage']),
            Principal: { Service: 's3.amazonaws.com' },
          }),
        ]),
      },
    });
  });

  it('encrypts both queues and refuses plain-text access to the dead-letter queue', () => {
    for (const id of [ingestQueue, deadLetter]) {
      expect(resourcesOf(service, 'AWS::SQS::Queue')[id]?.Properties).toMatchObject({ SqsManagedSseEnabled: true });
    }
    service.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: deadLetter }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('moves a message that keeps failing to the dead-letter queue, which keeps it for 14 days', () => {
    const queues = resourcesOf(service, 'AWS::SQS::Queue');
    const redrive = queues[ingestQueue]?.Properties.RedrivePolicy;
    expect(redrive.deadLetterTargetArn).toEqual({ 'Fn::GetAtt': [deadLetter, 'Arn'] });
    expect(redrive.maxReceiveCount).toBeGreaterThanOrEqual(3);
    expect(redrive.maxReceiveCount).toBeLessThanOrEqual(5);
    expect(queues[deadLetter]?.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
  });

  it('tells the ingest function which delivery is the last, as the redrive policy counts them', () => {
    const redrive = resourcesOf(service, 'AWS::SQS::Queue')[ingestQueue]?.Properties.RedrivePolicy;
    expect(ingest.resource.Properties.Environment.Variables.MAX_RECEIVE_COUNT).toBe(String(redrive.maxReceiveCount));
  });

  it('hides a message for at least six ingest timeouts', () => {
    const visibility = resourcesOf(service, 'AWS::SQS::Queue')[ingestQueue]?.Properties.VisibilityTimeout;
    expect(visibility).toBeGreaterThanOrEqual(6 * ingest.resource.Properties.Timeout);
  });

  it('feeds the ingest function in batches whose failures are reported per message', () => {
    service.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [ingestQueue, 'Arn'] },
      FunctionName: { Ref: ingest.logicalId },
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: Match.anyValue(),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    service.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
  });

  it('uploads the seeds without pruning, once the notification exists', () => {
    const [notificationId] = onlyResource(service, 'Custom::S3BucketNotifications');
    const [, deployment] = onlyResource(service, 'Custom::CDKBucketDeployment');
    expect(deployment.Properties.Prune).toBe(false);
    expect(deployment.DependsOn).toContain(notificationId);
  });
});

describe('digest generation', () => {
  it('runs the generator on the schedule from the context', () => {
    service.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: CDK_CONTEXT.digestSchedule,
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [generator.logicalId, 'Arn'] } })],
    });
    service.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [generator.logicalId, 'Arn'] },
    });
  });
});

describe('HTTP API', () => {
  const routes = Object.values(resourcesOf(service, 'AWS::ApiGatewayV2::Route'));
  const routeKeys = (authorizationType: string) =>
    routes
      .filter((route) => route.Properties.AuthorizationType === authorizationType)
      .map((route) => route.Properties.RouteKey)
      .sort();

  const GET_PATHS = [...PUBLIC_API_ROUTES, ...ADMIN_API_ROUTES];

  it('routes GET and HEAD of every path, and the catch-all $default, to the API function', () => {
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual(
      ['$default', ...GET_PATHS.flatMap((path) => [`GET ${path}`, `HEAD ${path}`])].sort(),
    );
    expect(routes).toHaveLength(1 + 2 * GET_PATHS.length);
    const integrations = resourcesOf(service, 'AWS::ApiGatewayV2::Integration');
    for (const route of routes) {
      const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
      expect(integrations[integrationId]?.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [api.logicalId, 'Arn'] },
      });
    }
  });

  it('serves every documented public path, a name across dates among them, without authorization', () => {
    expect(routeKeys('NONE')).toEqual(expect.arrayContaining(['GET /names/{id}', 'HEAD /names/{id}']));
    expect([...PUBLIC_API_ROUTES].sort()).toEqual(
      Object.keys(openApiDocument.paths)
        .filter((path) => !path.startsWith('/admin/'))
        .sort(),
    );
  });

  it('lets only IAM-signed requests reach the admin routes, HEAD as well as GET', () => {
    expect(routeKeys('AWS_IAM')).toEqual([
      'GET /admin/ingest-status',
      'GET /admin/rejections',
      'HEAD /admin/ingest-status',
      'HEAD /admin/rejections',
    ]);
    expect(routeKeys('NONE')).toEqual(
      ['$default', ...PUBLIC_API_ROUTES.flatMap((path) => [`GET ${path}`, `HEAD ${path}`])].sort(),
    );
  });

  it('answers CORS preflights with the policy the local server uses, from the configured origins, without credentials', () => {
    expect(onlyResource(service, 'AWS::ApiGatewayV2::Api')[1].Properties.CorsConfiguration).toEqual({
      AllowOrigins: CDK_CONTEXT.corsAllowOrigins,
      AllowMethods: ['GET', 'HEAD'],
      AllowHeaders: ['content-type'],
      AllowCredentials: false,
      MaxAge: 3600,
    });
    expect(CORS_POLICY).toEqual({
      allowMethods: ['GET', 'HEAD'],
      allowHeaders: ['content-type'],
      allowCredentials: false,
      maxAgeSeconds: 3600,
    });
    expect(CDK_CONTEXT.corsAllowOrigins).toEqual(['*']);
  });

  it('throttles the default stage with the limits from the context', () => {
    const [, stage] = onlyResource(service, 'AWS::ApiGatewayV2::Stage');
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: (CDK_CONTEXT.apiThrottle as { rateLimit: number }).rateLimit,
        ThrottlingBurstLimit: (CDK_CONTEXT.apiThrottle as { burstLimit: number }).burstLimit,
      },
    });
    expect(CDK_CONTEXT.apiThrottle).toEqual({ rateLimit: 50, burstLimit: 100 });
  });

  it('writes a JSON access log line per request to a log group kept for a month', () => {
    const [stageId, stage] = onlyResource(service, 'AWS::ApiGatewayV2::Stage');
    // Same logical id as the stage HttpApi creates by default: the stage is updated, not replaced.
    expect(stageId).toBe('HttpApiDefaultStage3EEB07D6');
    const { DestinationArn, Format } = stage.Properties.AccessLogSettings;
    const logGroupId = DestinationArn['Fn::GetAtt'][0] as string;
    expect(resourcesOf(service, 'AWS::Logs::LogGroup')[logGroupId]).toMatchObject({
      Properties: { RetentionInDays: 30 },
      DeletionPolicy: 'Delete',
    });
    const fields = JSON.parse(Format);
    expect(fields).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
      caller: '$context.identity.userArn',
      responseLatency: '$context.responseLatency',
      integrationError: '$context.integrationErrorMessage',
    });
    // API Gateway writes `-` for a missing value, which would break JSON outside quotes.
    for (const value of Object.values(fields)) expect(value).toMatch(/^\$context\./);
  });

  it('outputs the API URL, and what an operator needs: alarm topic, dashboard, dead-letter queue', () => {
    const [apiId] = onlyResource(service, 'AWS::ApiGatewayV2::Api');
    service.hasOutput('ApiUrl', { Value: { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] } });
    service.hasOutput('AlarmTopicArn', { Value: { Ref: onlyResource(service, 'AWS::SNS::Topic')[0] } });
    service.hasOutput('DashboardName', { Value: { Ref: onlyResource(service, 'AWS::CloudWatch::Dashboard')[0] } });
    const { deadLetter } = queueIds();
    service.hasOutput('DeadLetterQueueArn', { Value: { 'Fn::GetAtt': [deadLetter, 'Arn'] } });
  });
});

describe('least privilege', () => {
  const DYNAMODB_READS = ['BatchGetItem', 'ConditionCheckItem', 'GetItem', 'Query', 'Scan'].map((a) => `dynamodb:${a}`);
  const DYNAMODB_WRITES = ['BatchWriteItem', 'DeleteItem', 'PutItem', 'UpdateItem'].map((a) => `dynamodb:${a}`);
  const grants = (actions: string[], action: string) => actions.some((pattern) => allows(pattern, action));
  const [ingestQueueId] = Object.entries(resourcesOf(service, 'AWS::SQS::Queue')).find(
    ([, queue]) => queue.Properties?.RedrivePolicy,
  ) ?? [''];
  const seedBucketArn = { 'Fn::ImportValue': dev.stacks.data.seedBucketArnExportName };
  const seedObjects = { 'Fn::Join': ['', [seedBucketArn, '/*']] };
  const functions = { api, ingest, generator };

  /** The resources a function may apply an action to, across all its statements. */
  const resourcesFor = (fn: typeof api, action: string) =>
    roleStatements(service, fn.resource)
      .filter((statement) => actionsOf(statement).some((pattern) => allows(pattern, action)))
      .flatMap(resourcesOfStatement);

  it('lets the API function only read the table', () => {
    const actions = roleActions(service, api.resource);
    const dynamodb = actions.filter((action) => action.startsWith('dynamodb:'));
    expect(dynamodb.sort()).toEqual(DYNAMODB_READS);
    for (const write of DYNAMODB_WRITES) expect(grants(actions, write)).toBe(false);
    // Nothing of S3 or SQS, nor of anything else but its logs and X-Ray.
    expect(actions.filter((action) => /^(s3|sqs):/.test(action))).toEqual([]);
    expect(actions.filter((action) => !/^(dynamodb|logs|xray):/.test(action))).toEqual([]);
  });

  it('lets the ingest function read seeds, read and write articles and consume its queue, but never change a seed', () => {
    const actions = roleActions(service, ingest.resource);
    expect(actions.filter((action) => action.startsWith('s3:')).sort()).toEqual(['s3:GetObject', 's3:ListBucket']);
    expect(resourcesFor(ingest, 's3:GetObject')).toEqual([seedObjects]);
    // Listing names keys, nothing more; it is what makes a vanished seed a 404 rather than a 403.
    expect(resourcesFor(ingest, 's3:ListBucket')).toEqual([seedBucketArn]);
    for (const action of ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutBucketPolicy']) {
      expect(grants(actions, action)).toBe(false);
    }
    // Reads too: an update is conditional on the stored state of the object.
    for (const action of [...DYNAMODB_READS, ...DYNAMODB_WRITES]) expect(grants(actions, action)).toBe(true);
    const sqs = actions.filter((action) => action.startsWith('sqs:')).sort();
    expect(sqs).toEqual([
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
    ]);
    expect(resourcesFor(ingest, 'sqs:ReceiveMessage')).toEqual([{ 'Fn::GetAtt': [ingestQueueId, 'Arn'] }]);
    expect(grants(actions, 'sqs:SendMessage')).toBe(false);
  });

  it('lets the generator read and write the table, list the seed bucket and send to the ingest queue, nothing more', () => {
    const actions = roleActions(service, generator.resource);
    for (const action of [...DYNAMODB_READS, ...DYNAMODB_WRITES]) expect(grants(actions, action)).toBe(true);
    expect(actions.filter((action) => action.startsWith('s3:'))).toEqual(['s3:ListBucket']);
    expect(resourcesFor(generator, 's3:ListBucket')).toEqual([seedBucketArn]);
    const sqs = actions.filter((action) => action.startsWith('sqs:')).sort();
    expect(sqs).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
    expect(resourcesFor(generator, 'sqs:SendMessage')).toEqual([{ 'Fn::GetAtt': [ingestQueueId, 'Arn'] }]);
    expect(actions.filter((action) => !/^(dynamodb|s3|sqs|logs|xray):/.test(action))).toEqual([]);
  });

  it('reaches the table and each of its indexes by name, never through a wildcard', () => {
    const indexes = onlyResource(dev.data, 'AWS::DynamoDB::Table')[1].Properties.GlobalSecondaryIndexes.map(
      (index: { IndexName: string }) => index.IndexName,
    );
    expect(indexes.length).toBeGreaterThan(0);
    const tableArnRef = resourcesFor(api, 'dynamodb:GetItem')[0];
    expect(JSON.stringify(tableArnRef)).toContain('ArticleTable461E2A86Arn');
    for (const fn of Object.values(functions)) {
      expect(resourcesFor(fn, 'dynamodb:Query')).toEqual([
        tableArnRef,
        ...indexes.map((index: string) => ({ 'Fn::Join': ['', [tableArnRef, `/index/${index}`]] })),
      ]);
    }
    for (const fn of [ingest, generator]) expect(resourcesFor(fn, 'dynamodb:PutItem')).toEqual([tableArnRef]);
  });

  it.each(Object.entries(functions))('%s may write only to its own log group', (_name, fn) => {
    const logGroupId = fn.resource.Properties.LoggingConfig.LogGroup.Ref;
    expect(resourcesFor(fn, 'logs:PutLogEvents')).toEqual([{ 'Fn::GetAtt': [logGroupId, 'Arn'] }]);
    expect(
      roleActions(service, fn.resource)
        .filter((action) => action.startsWith('logs:'))
        .sort(),
    ).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  });

  it('grants the project functions no wildcard action, and nobody a whole service', () => {
    for (const fn of Object.values(functions)) {
      expect(roleActions(service, fn.resource).filter((action) => action.includes('*'))).toEqual([]);
    }
    // Only aws-cdk-lib's seed deployment grant uses action wildcards (s3:GetObject* ...), each acknowledged in lib/nag.ts.
    for (const policy of Object.values(resourcesOf(service, 'AWS::IAM::Policy'))) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        for (const action of actionsOf(statement)) expect(action).not.toMatch(/^\*$|:\*$/);
      }
    }
  });

  it('allows a "*" resource only to the X-Ray actions, which have no resource-level permissions', () => {
    const withStarResource = Object.values(resourcesOf(service, 'AWS::IAM::Policy'))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .filter((statement) => resourcesOfStatement(statement).includes('*'));
    expect(withStarResource).toHaveLength(3);
    for (const statement of withStarResource) {
      expect(actionsOf(statement).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    }
  });
});
