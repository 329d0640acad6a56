import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { DynamoDbArticleStore } from '../functions/adapters/dynamodb-article-store';
import { createTargets, localBucketName, localTableName } from './local/targets';
import {
  collectFiles,
  describePlan,
  describeReport,
  KeyCollisionError,
  planUpload,
  uploadCorpus,
} from './upload/corpus';

const USAGE = `Usage: npm run upload -- [options] <files or folders...>

Uploads seed files to the seeds bucket and reports what became of each.
Without --bucket it targets the local stack started by \`npm start\`.
Keys, as with \`aws s3 cp --recursive\`: a file's name; a folder's files by their paths inside it,
under the folder's own name when more than one path is given, or under --prefix when set.
Files that would share a key stop the upload before anything is written; files the bucket already
holds under their key (same size and MD5 ETag) are left alone and counted unchanged, like \`aws s3 sync\`.

  --bucket NAME        a deployed seeds bucket (AWS credentials from the usual chain)
  --table NAME         the deployed table, to report outcomes (stack output TableName)
  --prefix PREFIX      put every key under PREFIX/
  --dry-run            list the keys it would write, and write nothing
  --s3-endpoint URL    S3 endpoint (local default: http://127.0.0.1:$S3_PORT or :4569)
  --dynamodb-endpoint URL  DynamoDB endpoint (local default: http://127.0.0.1:$DYNAMODB_PORT or :8000)
  --wait SECONDS       how long to wait for outcomes (default 120)
  --concurrency N      parallel uploads (default 8)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    bucket: { type: 'string' },
    table: { type: 'string' },
    prefix: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    's3-endpoint': { type: 'string' },
    'dynamodb-endpoint': { type: 'string' },
    wait: { type: 'string', default: '120' },
    concurrency: { type: 'string', default: '8' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help || positionals.length === 0) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

let files: Awaited<ReturnType<typeof collectFiles>>;
try {
  files = await collectFiles(positionals, { prefix: values.prefix });
} catch (error) {
  if (!(error instanceof KeyCollisionError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const deployed = values.bucket !== undefined;
const { s3, documents } = createTargets({
  deployed,
  s3Endpoint: values['s3-endpoint'],
  dynamoDbEndpoint: values['dynamodb-endpoint'],
});
const bucketName = values.bucket ?? localBucketName();
const concurrency = Number(values.concurrency);

if (values['dry-run']) {
  console.log(describePlan(await planUpload(s3, bucketName, files, concurrency)));
  process.exit(0);
}

const tableName = values.table ?? (deployed ? undefined : localTableName());
const articles = tableName ? new DynamoDbArticleStore(documents, tableName) : undefined;
const bar = process.stdout.isTTY ? new SingleBar({ format: '{phase} [{bar}] {value}/{total}' }) : undefined;
bar?.start(files.length, 0, { phase: 'uploading' });
const report = await uploadCorpus({
  s3,
  bucketName,
  ...(articles ? { articles } : {}),
  files,
  concurrency,
  waitSeconds: Number(values.wait),
  onUploaded: (done) => bar?.update(done),
  onSettled: (done) => bar?.update(done, { phase: 'ingesting' }),
});
bar?.stop();
console.log(describeReport(report));
if (!articles) console.log('Outcomes not checked: pass --table with the deployed table name to see them.');
process.exit(report.pending.length || report.failedUploads.length || report.deadLettered.length ? 1 : 0);
