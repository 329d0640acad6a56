import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import { Metric, type MetricOptions, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { serviceLogGroup } from './logs';
import type { Stage } from './stage';

const ROOT_URL = new URL('..', import.meta.url);
const fromRoot = (path: string) => fileURLToPath(new URL(path, ROOT_URL));

export const METRICS_NAMESPACE = 'HeadlineDigest';
/** The one runtime every project function runs on. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

/** Stack traces name the TypeScript sources, through the bundle's source map. */
export const FUNCTION_NODE_OPTIONS = '--enable-source-maps';

/** How every function is bundled; bench/cold-start.ts builds the same artefact from it to measure. */
export const FUNCTION_BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  minify: true,
  sourceMap: true,
  // Stack traces need only file names and positions. With --enable-source-maps Node reads and parses the whole map at
  // load: without the sources' text it is a third the size, and init pays ~60 ms less in the ingest bundle.
  sourcesContent: false,
  mainFields: ['module', 'main'],
  // Bundled CommonJS dependencies call require(), which an ES module does not have.
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  // Ship the SDK versions the code was tested with rather than whatever the runtime carries.
  bundleAwsSDK: true,
};

/**
 * Modules a function imports only on the requests that need them, by function: each is bundled into a file of its
 * own, `<module>.mjs` beside the function's index.mjs, which the handler imports on first need
 * (functions/shared/side-bundle.ts). A cold start then neither runs nor parses it. The source is
 * `functions/<function>/<module>.ts`.
 */
export const SIDE_BUNDLES: Readonly<Record<string, readonly string[]>> = {
  // Feeds, the OpenAPI document and digests computed on demand: 82 KB of the 647 KB the API bundle had.
  api: ['on-demand'],
};

/** CDK's hook that builds the function's side bundles into its asset, after the function's own bundle. */
function sideBundling(name: string): Pick<BundlingOptions, 'commandHooks'> {
  if (!SIDE_BUNDLES[name]) return {};
  const tsx = fromRoot('node_modules/.bin/tsx');
  const script = fromRoot('scripts/bundle-side.ts');
  return {
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (_inputDir, outputDir) => [`"${tsx}" "${script}" ${name} "${outputDir}"`],
    },
  };
}

export type TableAccess = 'read' | 'write' | 'readWrite';
export type BucketAccess = 'read' | 'list' | 'readAndList';
export type QueueAccess = 'send';

/**
 * The item-level actions the handlers use, spelled out rather than CDK's grantReadData /
 * grantWriteData: those add stream actions the table has no use for and reach the indexes
 * through an `index/*` wildcard, where these name each index.
 */
export const TABLE_READ_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
] as const;
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:BatchWriteItem',
  'dynamodb:DeleteItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
] as const;

export interface TableBinding {
  readonly table: ITable;
  /** The table's global secondary indexes; reads may query each of them, and nothing else. */
  readonly indexNames: readonly string[];
  readonly access: TableAccess;
}

export interface BucketBinding {
  readonly bucket: IBucket;
  /** `read`: s3:GetObject on the bucket's objects. `list`: s3:ListBucket on the bucket. `readAndList`: both. */
  readonly access: BucketAccess;
}

export interface QueueBinding {
  readonly queue: IQueue;
  readonly access: QueueAccess;
  /** The environment variable that carries the queue URL, e.g. `INGEST_QUEUE_URL`. */
  readonly environmentVariable: string;
}

export interface ServiceFunctionProps {
  /** The folder under `functions/` whose `handler.ts` exports `handler`; also the Powertools service name. */
  readonly name: string;
  readonly stage: Stage;
  readonly timeout: Duration;
  readonly memorySize: number;
  /** Sets TABLE_NAME and grants exactly this access, so a function never holds more than it declares. */
  readonly table?: TableBinding;
  /** Sets BUCKET_NAME and grants exactly this access. */
  readonly bucket?: BucketBinding;
  /** Sets the named variable to the queue URL and grants exactly this access. */
  readonly queue?: QueueBinding;
  /** Further settings the handler reads at start-up. */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * A project Lambda function with the defaults every one of them shares. Its role starts empty:
 * no AWS managed policy, only writing to its own log group, X-Ray, and the bindings it declares.
 */
export class ServiceFunction extends Construct {
  public readonly function: NodejsFunction;
  public readonly role: Role;
  public readonly logGroup: LogGroup;
  /** POWERTOOLS_SERVICE_NAME, which Powertools Metrics also uses as the `service` dimension. */
  public readonly serviceName: string;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    const { name, stage, table, bucket, queue } = props;
    this.serviceName = name;

    // An explicit log group, unlike the one Lambda creates on first run, has a retention and is removed with a dev stack.
    this.logGroup = serviceLogGroup(this, 'Logs', stage);
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${name} function`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: fromRoot(`functions/${name}/handler.ts`),
      handler: 'handler',
      projectRoot: fromRoot('.'),
      depsLockFilePath: fromRoot('package-lock.json'),
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      timeout: props.timeout,
      memorySize: props.memorySize,
      role: this.role,
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
        POWERTOOLS_SERVICE_NAME: name,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        ...(table && { TABLE_NAME: table.table.tableName }),
        ...(bucket && { BUCKET_NAME: bucket.bucket.bucketName }),
        ...(queue && { [queue.environmentVariable]: queue.queue.queueUrl }),
        ...props.environment,
      },
      bundling: { ...FUNCTION_BUNDLING, ...sideBundling(name) },
    });

    if (table) this.bindTable(table);
    if (bucket) this.bindBucket(bucket);
    if (queue) this.bindQueue(queue);
  }

  /** A custom metric the handler emits through Powertools Metrics, with the dimension Powertools adds. */
  public metric(metricName: string, options: MetricOptions = {}): Metric {
    return new Metric({
      namespace: METRICS_NAMESPACE,
      metricName,
      dimensionsMap: { service: this.serviceName },
      statistic: Stats.SUM,
      period: Duration.minutes(5),
      ...options,
    });
  }

  private bindTable({ table, indexNames, access }: TableBinding): void {
    if (access === 'read' || access === 'readWrite') {
      const indexArns = indexNames.map((indexName) => `${table.tableArn}/index/${indexName}`);
      this.allow([...TABLE_READ_ACTIONS], [table.tableArn, ...indexArns]);
    }
    // Writes address items of the table; an index is never written directly.
    if (access === 'write' || access === 'readWrite') this.allow([...TABLE_WRITE_ACTIONS], [table.tableArn]);
  }

  private bindBucket({ bucket, access }: BucketBinding): void {
    if (access === 'read' || access === 'readAndList') this.allow(['s3:GetObject'], [bucket.arnForObjects('*')]);
    if (access === 'list' || access === 'readAndList') this.allow(['s3:ListBucket'], [bucket.bucketArn]);
  }

  private bindQueue({ queue, access }: QueueBinding): void {
    if (access === 'send') queue.grantSendMessages(this.function);
  }

  private allow(actions: string[], resources: string[]): void {
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions, resources }));
  }
}
