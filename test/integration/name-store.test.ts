import { createHash } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from '../../functions/adapters/batch-write';
import { DynamoDbNameStore, nameItem } from '../../functions/adapters/dynamodb-name-store';
import { DATE_SHARDS, keys } from '../../functions/adapters/table-schema';
import type { NamedArticle } from '../../functions/core/name-index';
import { createDocumentClient } from '../../functions/shared/clients';
import { type Service, startService } from './support';

const BUSY = 'nederland';
const DAY = '2024-06-12';
const ARTICLES = 10_000;

let service: Service;
beforeAll(async () => {
  service = await startService();
}, 60_000);
afterAll(() => service.close());

const idOf = (index: number) => createHash('sha256').update(String(index)).digest('hex').slice(0, 16);

function article(index: number): NamedArticle {
  return {
    id: idOf(index),
    date: DAY,
    headline: `Bericht ${index} over Nederland en de begroting van het kabinet`,
    summary: 'Het kabinet presenteerde dinsdag de begroting. '.repeat(6),
    language: 'nl',
    names: [{ id: BUSY, spelling: index % 3 === 0 ? 'Nederland' : 'Holland' }],
  };
}

/** A client that counts what it sends and what the table charged for it. */
function countingClient() {
  const sent: string[] = [];
  let readUnits = 0;
  const client = createDocumentClient();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(context.commandName ?? '?');
      const input = (args as { input: Record<string, unknown> }).input;
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity;
      readUnits += consumed?.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize' },
  );
  return { client, sent, readUnits: () => readUnits };
}

describe('a busy name', () => {
  it('in 10,000 articles of one day, spread over the shards, answers its first page in one query per shard', async () => {
    const articles = Array.from({ length: ARTICLES }, (_, index) => article(index));
    await batchWriteAll(
      service.documents,
      service.tableName,
      articles.flatMap((each) => each.names.map((name) => ({ PutRequest: { Item: { ...nameItem(name, each) } } }))),
    );
    // Its counts as the store keeps them, an item a month: 10,000 articles on the day, over 300,000 in the year.
    for (let month = 1; month <= 12; month += 1) {
      const period = `2024-${String(month).padStart(2, '0')}`;
      const busy = period === DAY.slice(0, 7);
      await service.documents.send(
        new UpdateCommand({
          TableName: service.tableName,
          Key: keys.nameCounts(BUSY, period),
          UpdateExpression: busy ? 'ADD #day :day, #month :month, #a :a, #b :b' : 'ADD #month :month',
          ExpressionAttributeNames: busy
            ? { '#day': `p:${DAY}`, '#month': `p:${period}`, '#a': 's:Holland', '#b': 's:Nederland' }
            : { '#month': `p:${period}` },
          ExpressionAttributeValues: busy
            ? { ':day': ARTICLES, ':month': 25_000 + 25_000, ':a': 6666, ':b': 3334 }
            : { ':month': 25_000 },
        }),
      );
    }
    const shards = new Set(articles.map((each) => keys.nameArticle(BUSY, each.date, each.id).pk));
    expect(shards.size).toBe(DATE_SHARDS);

    const counting = countingClient();
    const listing = await new DynamoDbNameStore(counting.client, service.tableName).read(BUSY, 50);
    expect(counting.sent.filter((command) => command === 'QueryCommand')).toHaveLength(DATE_SHARDS + 1);
    expect(counting.sent).toHaveLength(DATE_SHARDS + 1);
    // Each shard reads a page, never the name's whole day: 4 x 50 items of about 0.6 KB, strongly consistent reads
    // counted at 1 unit per 4 KB, and the one counts item.
    expect(counting.readUnits()).toBeLessThan(50);
    expect(listing?.articles.items).toHaveLength(50);
    expect(listing?.articles.cursor).toEqual(expect.any(String));
    expect(listing?.periods.filter(({ period }) => period.startsWith('2024-06') || period === '2024')).toEqual([
      { period: '2024', count: 325_000 },
      { period: '2024-06', count: 50_000 },
      { period: DAY, count: ARTICLES },
    ]);
    expect(listing?.spellings.map((entry) => entry.spelling)).toEqual(['Holland', 'Nederland']);
    const newestFirst = [...articles]
      .map((each) => each.id)
      .sort()
      .reverse()
      .slice(0, 50);
    expect(listing?.articles.items.map((item) => item.id)).toEqual(newestFirst);

    // The next page carries on where the first stopped, again one query per shard.
    counting.sent.length = 0;
    const next = await new DynamoDbNameStore(counting.client, service.tableName).read(
      BUSY,
      50,
      listing?.articles.cursor,
    );
    expect(counting.sent.filter((command) => command === 'QueryCommand')).toHaveLength(DATE_SHARDS + 1);
    expect(next?.articles.items.map((item) => item.id)).toEqual(
      [...articles]
        .map((each) => each.id)
        .sort()
        .reverse()
        .slice(50, 100),
    );
    counting.client.destroy();
  }, 120_000);
});
