import { localStackOptionsFromEnv, startLocalStack } from './local/stack';

/** `npm start`: the whole service on this machine until Ctrl-C. */
const options = localStackOptionsFromEnv();
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_DEV ??= 'true';

console.log('Starting headline-digest locally (DynamoDB Local, s3rver, ingest, generator, API)…');
const stack = await startLocalStack({
  ...options,
  onDeadLetter: (letter) => console.error(`dead-lettered after ${letter.receiveCount} attempts: ${letter.body}`),
});

const schedule = options.generateIntervalSeconds
  ? `digests regenerate every ${options.generateIntervalSeconds} s`
  : 'digests were generated once at start (GENERATE_INTERVAL_SECONDS=0)';
console.log(`
headline-digest is running.

  API        ${stack.apiUrl}          open ${stack.apiUrl}/ in a browser, or: curl ${stack.apiUrl}/digests/2021-12
  S3         ${stack.s3Endpoint}      bucket: ${stack.bucketName}  (access key S3RVER / secret S3RVER)
  DynamoDB   ${stack.dynamoDbEndpoint}      table: ${stack.tableName}

Files uploaded to the bucket are ingested within seconds; ${schedule}.
Press Ctrl-C to stop.`);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  stack.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
