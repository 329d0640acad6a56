import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { DynamoDbArticleStore } from '../functions/adapters/dynamodb-article-store';
import { DynamoDbDigestStore } from '../functions/adapters/dynamodb-digest-store';
import { DynamoDbStoryStore } from '../functions/adapters/dynamodb-story-store';
import { generateStaleDigests } from '../functions/app/digests';
import { createTargets, localTableName } from './local/targets';

const USAGE = `Usage: npm run generate -- [--table NAME] [--dynamodb-endpoint URL]

Regenerates every digest whose articles changed, once, as the schedule does.
Without --table it targets the local stack started by \`npm start\`.`;

const { values } = parseArgs({
  options: {
    table: { type: 'string' },
    'dynamodb-endpoint': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const { documents } = createTargets({
  deployed: values.table !== undefined,
  dynamoDbEndpoint: values['dynamodb-endpoint'],
});
const tableName = values.table ?? localTableName();
const deps = {
  articles: new DynamoDbArticleStore(documents, tableName),
  digests: new DynamoDbDigestStore(documents, tableName),
  stories: new DynamoDbStoryStore(documents, tableName),
};

const bar = process.stdout.isTTY ? new SingleBar({ format: 'generating [{bar}] {value}/{total} dates' }) : undefined;
const report = await generateStaleDigests(
  deps,
  () => new Date(),
  (done, total) => {
    if (done === 0) bar?.start(total, 0);
    bar?.update(done);
  },
);
bar?.stop();
for (const { period, error } of report.failed) console.error(`failed: ${period}: ${(error as Error).message}`);
console.log(
  `${report.generated.length} digests generated${report.generated.length ? ` (${report.generated.join(', ')})` : ''}, ` +
    `${report.unchanged} unchanged, ${report.failed.length} failed`,
);
documents.destroy();
process.exit(report.failed.length ? 1 : 0);
