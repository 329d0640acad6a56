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
