import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { isProduction, type Stage } from './stage';

const ROOT_URL = new URL('..', import.meta.url);
const fromRoot = (path: string) => fileURLToPath(new URL(path, ROOT_URL));

export const METRICS_NAMESPACE = 'HeadlineDigest';

export type TableAccess = 'read' | 'write' | 'readWrite';
export type BucketAccess = 'read';

const tableGrants: Record<TableAccess, (table: ITable, grantee: IGrantable) => void> = {
  read: (table, grantee) => table.grantReadData(grantee),
  write: (table, grantee) => table.grantWriteData(grantee),
  readWrite: (table, grantee) => table.grantReadWriteData(grantee),
};

const bucketGrants: Record<BucketAccess, (bucket: IBucket, grantee: IGrantable) => void> = {
  read: (bucket, grantee) => bucket.grantRead(grantee),
};

export interface ServiceFunctionProps {
  /** The folder under `functions/` whose `handler.ts` exports `handler`; also the Powertools service name. */
  readonly name: string;
  readonly stage: Stage;
  readonly timeout: Duration;
  readonly memorySize: number;
  /** Sets TABLE_NAME and grants exactly this access, so a function never holds more than it declares. */
  readonly table?: { readonly table: ITable; readonly access: TableAccess };
  /** Sets BUCKET_NAME and grants exactly this access. */
  readonly bucket?: { readonly bucket: IBucket; readonly access: BucketAccess };
}

/** A project Lambda function with the defaults every one of them shares. */
export class ServiceFunction extends Construct {
  public readonly function: NodejsFunction;
  public readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    const { name, stage, table, bucket } = props;

    // An explicit log group, unlike the one Lambda creates on first run, has a retention and is removed with a dev stack.
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: isProduction(stage) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    this.function = new NodejsFunction(this, 'Function', {
      entry: fromRoot(`functions/${name}/handler.ts`),
      handler: 'handler',
      projectRoot: fromRoot('.'),
      depsLockFilePath: fromRoot('package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      timeout: props.timeout,
      memorySize: props.memorySize,
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: name,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        ...(table && { TABLE_NAME: table.table.tableName }),
        ...(bucket && { BUCKET_NAME: bucket.bucket.bucketName }),
      },
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        // Bundled CommonJS dependencies call require(), which an ES module does not have.
        banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        // Ship the SDK versions the code was tested with rather than whatever the runtime carries.
        bundleAwsSDK: true,
      },
    });

    if (table) tableGrants[table.access](table.table, this.function);
    if (bucket) bucketGrants[bucket.access](bucket.bucket, this.function);
  }
}
