import { CfnResource, RemovalPolicy, type Stack } from 'aws-cdk-lib';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { isProduction, type Stage } from './stage';

export const LOG_RETENTION = RetentionDays.ONE_MONTH;

/**
 * A log group with a retention, kept when a prod stack is deleted and removed with a dev one.
 * Every log the service writes goes to one of these, never to a group Lambda creates on first run,
 * which would have no retention and outlive `cdk destroy`.
 */
export function serviceLogGroup(scope: Construct, id: string, stage: Stage): LogGroup {
  return new LogGroup(scope, id, {
    retention: LOG_RETENTION,
    removalPolicy: isProduction(stage) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
}

/**
 * CDK declares the handlers of some of its custom resources (bucket notifications, auto-deleting
 * objects) as raw CloudFormation with no logging option. Each gets a log group of its stack here,
 * so that it too has a retention and leaves nothing behind. Call once every construct exists.
 */
export function captureCustomResourceHandlerLogs(stack: Stack, stage: Stage): void {
  const handlers = stack.node
    .findAll()
    .filter(
      (node): node is CfnResource =>
        CfnResource.isCfnResource(node) &&
        node.cfnResourceType === 'AWS::Lambda::Function' &&
        !(node instanceof CfnFunction),
    );
  for (const handler of handlers) {
    const scope = handler.node.scope as Construct;
    const logGroup = serviceLogGroup(scope, `${handler.node.id}Logs`, stage);
    handler.addPropertyOverride('LoggingConfig', { LogGroup: logGroup.logGroupName });
  }
}
