import { App } from 'aws-cdk-lib';
import { buildApp } from '../../lib/app';
import { CDK_CONTEXT, onlyResource, projectFunction, type Resource, resourcesOf, synth, synthesize } from './synth';

const dev = synth('dev');
const { service } = dev;
const functions = ['ingest', 'generate-digests', 'api'].map((name) => projectFunction(dev, name));
const queues = Object.entries(resourcesOf(service, 'AWS::SQS::Queue'));
const [ingestQueueId] = queues.find(([, queue]) => queue.Properties?.RedrivePolicy) ?? [''];
const [deadLetterId] = queues.find(([, queue]) => !queue.Properties?.RedrivePolicy) ?? [''];
const [apiId] = onlyResource(service, 'AWS::ApiGatewayV2::Api');
const [topicId, topic] = onlyResource(service, 'AWS::SNS::Topic');
const alarms = Object.values(resourcesOf(service, 'AWS::CloudWatch::Alarm'));

/** The one alarm on this metric and dimension. */
function alarmOn(namespace: string, metricName: string, dimension: Record<string, unknown>): Resource {
  const found = alarms.filter(
    ({ Properties: p }) =>
      p.Namespace === namespace &&
      p.MetricName === metricName &&
      JSON.stringify(p.Dimensions) ===
        JSON.stringify(Object.entries(dimension).map(([Name, Value]) => ({ Name, Value }))),
  );
  if (found.length !== 1) throw new Error(`expected one alarm on ${namespace} ${metricName}, found ${found.length}`);
  return found[0] as Resource;
}

describe('alarms', () => {
  it('are nine, each notifying the alarm topic when it fires and when it clears', () => {
    expect(alarms).toHaveLength(9);
    for (const { Properties: p } of alarms) {
      expect(p.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(p.OKActions).toEqual([{ Ref: topicId }]);
      expect(p.TreatMissingData).toBe('notBreaching');
      expect(p.AlarmDescription).toEqual(expect.any(String));
    }
  });

  it('fire as soon as a message lands in the dead-letter queue', () => {
    expect(
      alarmOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible', {
        QueueName: { 'Fn::GetAtt': [deadLetterId, 'QueueName'] },
      }).Properties,
    ).toMatchObject({ Statistic: 'Maximum', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
  });

  it('fire when the oldest seed notification waits more than 15 minutes', () => {
    expect(
      alarmOn('AWS/SQS', 'ApproximateAgeOfOldestMessage', {
        QueueName: { 'Fn::GetAtt': [ingestQueueId, 'QueueName'] },
      }).Properties,
    ).toMatchObject({ Statistic: 'Maximum', Threshold: 900, ComparisonOperator: 'GreaterThanThreshold' });
  });

  it.each(['Errors', 'Throttles'])('fire on any %s of each function', (metricName) => {
    for (const fn of functions) {
      expect(alarmOn('AWS/Lambda', metricName, { FunctionName: { Ref: fn.logicalId } }).Properties).toMatchObject({
        Statistic: 'Sum',
        Period: 300,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
      });
    }
  });

  it('fire when more than 5% of API requests fail with a 5xx', () => {
    const [rate] = alarms.filter(({ Properties: p }) => p.Metrics);
    expect(rate?.Properties).toMatchObject({ Threshold: 5, ComparisonOperator: 'GreaterThanThreshold' });
    const metrics = rate?.Properties.Metrics as { Id: string; Expression?: string; MetricStat?: unknown }[];
    expect(metrics.find((metric) => metric.Expression)?.Expression).toBe(
      'IF(requests > 0, 100 * errors / requests, 0)',
    );
    const stat = (id: string) => metrics.find((metric) => metric.Id === id)?.MetricStat;
    const onApi = (MetricName: string) => ({
      Metric: { Namespace: 'AWS/ApiGateway', MetricName, Dimensions: [{ Name: 'ApiId', Value: { Ref: apiId } }] },
      Period: 300,
      Stat: 'Sum',
    });
    expect(stat('requests')).toEqual(onApi('Count'));
    expect(stat('errors')).toEqual(onApi('5xx'));
  });
});

describe('alarm topic', () => {
  it('is encrypted with a rotating key of its own that CloudWatch may use, and no other service', () => {
    const [keyId, key] = onlyResource(service, 'AWS::KMS::Key');
    expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(key.Properties.EnableKeyRotation).toBe(true);
    const servicePrincipals = key.Properties.KeyPolicy.Statement.filter(
      (statement: { Principal: { Service?: string } }) => statement.Principal.Service,
    );
    expect(servicePrincipals).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      }),
    ]);
    // Nothing is kept under the key: a dev stack takes it along.
    expect(key).toMatchObject({ DeletionPolicy: 'Delete', Properties: { PendingWindowInDays: 7 } });
  });

  it('refuses publishing over plain HTTP and lets the alarms of this account publish', () => {
    const [, policy] = onlyResource(service, 'AWS::SNS::TopicPolicy');
    expect(policy.Properties.Topics).toEqual([{ Ref: topicId }]);
    expect(policy.Properties.PolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Deny',
        Principal: '*',
        Action: 'sns:Publish',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Condition: {
          ArnLike: {
            'aws:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudwatch:',
                  { Ref: 'AWS::Region' },
                  ':',
                  { Ref: 'AWS::AccountId' },
                  ':alarm:*',
                ],
              ],
            },
          },
        },
      }),
    ]);
  });

  it('has no subscription unless the context names an alarm email', () => {
    expect(CDK_CONTEXT.alarmEmail).toBeUndefined();
    service.resourceCountIs('AWS::SNS::Subscription', 0);
    const withEmail = synthesize({ alarmEmail: 'oncall@example.com' });
    withEmail.service.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
      TopicArn: { Ref: onlyResource(withEmail.service, 'AWS::SNS::Topic')[0] },
    });
  });

  it('rejects an alarm email that is not an address', () => {
    expect(() => buildApp(new App({ context: { ...CDK_CONTEXT, alarmEmail: 'oncall' } }))).toThrow(/alarmEmail/);
  });
});

describe('dashboard', () => {
  /** The dashboard body with each CloudFormation reference replaced by the logical id (and attribute) it names. */
  const body = (() => {
    const [, dashboard] = onlyResource(service, 'AWS::CloudWatch::Dashboard');
    const [, parts] = dashboard.Properties.DashboardBody['Fn::Join'] as [string, unknown[]];
    const text = parts
      .map((part) => {
        if (typeof part === 'string') return part;
        const ref = part as { Ref?: string; 'Fn::GetAtt'?: string[] };
        return ref.Ref ?? ref['Fn::GetAtt']?.join('.');
      })
      .join('');
    return JSON.parse(text) as { widgets: { properties: { metrics?: unknown[][] } }[] };
  })();
  /** Each graphed metric as `namespace metric dimension=value ...`. */
  const graphed = body.widgets.flatMap((widget) =>
    (widget.properties.metrics ?? []).map((metric) => {
      const [namespace, name, ...rest] = metric.filter((part) => typeof part === 'string') as string[];
      const dimensions = [];
      for (let i = 0; i + 1 < rest.length; i += 2) dimensions.push(`${rest[i]}=${rest[i + 1]}`);
      return [namespace, name, ...dimensions].join(' ');
    }),
  );
  const serviceNameOf = (name: string) =>
    projectFunction(dev, name).resource.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME;

  it('shows the custom metrics under the service dimension Powertools adds', () => {
    expect(graphed).toEqual(
      expect.arrayContaining([
        `HeadlineDigest SeedsIngested service=${serviceNameOf('ingest')}`,
        `HeadlineDigest SeedsRejected service=${serviceNameOf('ingest')}`,
        `HeadlineDigest DigestsGenerated service=${serviceNameOf('generate-digests')}`,
        `HeadlineDigest DigestGenerationFailures service=${serviceNameOf('generate-digests')}`,
      ]),
    );
  });

  it('shows the queues, every function and the API', () => {
    expect(graphed).toEqual(
      expect.arrayContaining([
        `AWS/SQS ApproximateNumberOfMessagesVisible QueueName=${deadLetterId}.QueueName`,
        `AWS/SQS ApproximateAgeOfOldestMessage QueueName=${ingestQueueId}.QueueName`,
        ...functions.flatMap((fn) =>
          ['Errors', 'Duration', 'Throttles'].map((metric) => `AWS/Lambda ${metric} FunctionName=${fn.logicalId}`),
        ),
        ...['Count', '4xx', '5xx', 'Latency'].map((metric) => `AWS/ApiGateway ${metric} ApiId=${apiId}`),
      ]),
    );
  });

  it('shows the state of every alarm', () => {
    const alarmWidget = body.widgets.find((widget) => (widget as { type?: string }).type === 'alarm') as
      | { properties: { alarms: string[] } }
      | undefined;
    expect(alarmWidget?.properties.alarms).toHaveLength(alarms.length);
  });
});
