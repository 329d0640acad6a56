import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../lib/app';
import { CDK_CONTEXT, CDK_JSON, synth, synthesize } from './synth';

describe('app', () => {
  it('defaults to the dev stage with environment-agnostic stacks', () => {
    const { stacks } = synth('dev');
    expect(stacks.stage).toBe('dev');
    expect([stacks.data.stackName, stacks.service.stackName]).toEqual([
      'HeadlineDigest-Dev-Data',
      'HeadlineDigest-Dev-Service',
    ]);
    expect(stacks.service.environment).toBe('aws://unknown-account/unknown-region');
  });

  it('deploys the service after the data, never the other way round', () => {
    const { stacks } = synth('dev');
    expect(stacks.service.dependencies).toContain(stacks.data);
    expect(stacks.data.dependencies).toEqual([]);
  });

  it('passes the data stack to the service stack as typed props only', () => {
    const { stacks } = synth('dev');
    const dataTemplate = JSON.stringify(synth('dev').data.toJSON());
    // The data stack knows nothing of the service stack: no reference to it, no resource for it.
    expect(dataTemplate).not.toContain(stacks.service.stackName);
  });

  it('names the prod stacks after the stage', () => {
    const { stacks } = synth('prod');
    expect([stacks.data.stackName, stacks.service.stackName]).toEqual([
      'HeadlineDigest-Prod-Data',
      'HeadlineDigest-Prod-Service',
    ]);
  });

  it.each(['staging', 'Prod', ''])('rejects the stage %p', (stage) => {
    expect(() => buildApp(new App({ context: { ...CDK_CONTEXT, stage } }))).toThrow(/Unknown stage .*-c stage=dev/);
  });

  it('rejects a schedule that is not an EventBridge expression', () => {
    expect(() => buildApp(new App({ context: { ...CDK_CONTEXT, digestSchedule: '0 5 * * *' } }))).toThrow(
      /digestSchedule/,
    );
  });

  it.each([[{ rateLimit: 0, burstLimit: 100 }], [{ rateLimit: 50 }], [{ rateLimit: 50, burstLimit: 1.5 }], ['fast']])(
    'rejects the API throttle %p',
    (apiThrottle) => {
      expect(() => buildApp(new App({ context: { ...CDK_CONTEXT, apiThrottle } }))).toThrow(/apiThrottle/);
    },
  );

  it.each([[[]], [['example.com']], ['https://example.com/path']])('rejects the CORS origins %p', (origins) => {
    expect(() => buildApp(new App({ context: { ...CDK_CONTEXT, corsAllowOrigins: origins } }))).toThrow(
      /corsAllowOrigins/,
    );
  });

  it('takes the API throttle and CORS origins from the command line, as -c passes them', () => {
    const { service } = synthesize({
      apiThrottle: '{"rateLimit": 5, "burstLimit": 10}',
      corsAllowOrigins: 'https://a.example, https://b.example',
    });
    service.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
    });
    service.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://a.example', 'https://b.example'] }),
    });
  });

  it.each([
    [{ domainName: 'news.example.com' }],
    [{ certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' }],
    [{ domainName: 'https://news.example.com', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' }],
    // CloudFront reads certificates from us-east-1 only.
    [{ domainName: 'news.example.com', certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' }],
  ])('rejects the custom domain %p', (custom) => {
    expect(() => buildApp(new App({ context: { ...CDK_CONTEXT, ...custom } }))).toThrow(/domainName|certificateArn/);
  });

  it.each(['yes', 1, '{}'])('rejects the web ACL switch %p', (webAcl) => {
    expect(() => buildApp(new App({ context: { ...CDK_CONTEXT, webAcl } }))).toThrow(/webAcl/);
  });

  it('takes the web ACL switch from the command line, as -c passes it', () => {
    expect(buildApp(new App({ context: { ...CDK_CONTEXT, webAcl: 'true' } })).settings.webAcl).toBe(true);
    expect(buildApp(new App({ context: { ...CDK_CONTEXT } })).settings.webAcl).toBe(false);
  });

  it('takes the digest schedule from the context', () => {
    const { service } = synthesize({ digestSchedule: 'rate(1 hour)' });
    service.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 hour)' });
  });

  it('synthesizes without warnings or errors', () => {
    for (const stage of ['dev', 'prod'] as const) {
      const { stacks } = synth(stage);
      for (const stack of [stacks.data, stacks.service]) {
        Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
        Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
      }
    }
  });

  it('runs bin/app.ts and keeps cdk synth offline and quiet', () => {
    expect(CDK_JSON.app).toBe('tsx bin/app.ts');
    expect(CDK_JSON.notices).toBe(false);
    expect(CDK_CONTEXT['cli-telemetry']).toBe(false);
  });
});
