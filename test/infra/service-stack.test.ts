import { Match } from 'aws-cdk-lib/assertions';
import { allows, CDK_CONTEXT, onlyResource, projectFunction, resourcesOf, roleActions, synth } from './synth';

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
  it('routes exactly the three GET routes to the API function', () => {
    const routes = Object.values(resourcesOf(service, 'AWS::ApiGatewayV2::Route'));
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual([
      'GET /articles/{id}',
      'GET /digests',
      'GET /digests/{date}',
    ]);
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

  it('outputs the API URL', () => {
    const [apiId] = onlyResource(service, 'AWS::ApiGatewayV2::Api');
    service.hasOutput('ApiUrl', { Value: { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] } });
  });
});

describe('least privilege', () => {
  const DYNAMODB_READS = [
    'BatchGetItem',
    'ConditionCheckItem',
    'DescribeTable',
    'GetItem',
    'GetRecords',
    'GetShardIterator',
    'Query',
    'Scan',
  ];
  const WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
  const grants = (actions: string[], action: string) => actions.some((pattern) => allows(pattern, action));

  it('lets the API function only read the table', () => {
    const actions = roleActions(service, api.resource);
    const dynamodb = actions.filter((action) => action.startsWith('dynamodb:'));
    expect(dynamodb).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    for (const action of dynamodb) expect(DYNAMODB_READS.map((read) => `dynamodb:${read}`)).toContain(action);
    expect(actions.filter((action) => !action.startsWith('dynamodb:') && !action.startsWith('xray:'))).toEqual([]);
    for (const write of WRITES) expect(grants(actions, write)).toBe(false);
  });

  it('lets the ingest function read seeds but never write or delete them', () => {
    const actions = roleActions(service, ingest.resource);
    expect(grants(actions, 's3:GetObject')).toBe(true);
    for (const action of ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutBucketPolicy']) {
      expect(grants(actions, action)).toBe(false);
    }
    expect(grants(actions, 'dynamodb:PutItem')).toBe(true);
  });

  it('gives the generator the table and nothing of the bucket or queues', () => {
    const actions = roleActions(service, generator.resource);
    expect(grants(actions, 'dynamodb:Query')).toBe(true);
    expect(grants(actions, 'dynamodb:PutItem')).toBe(true);
    expect(actions.filter((action) => /^(s3|sqs):/.test(action))).toEqual([]);
  });
});
