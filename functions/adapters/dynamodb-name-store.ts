import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  paginateQuery,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from '../core/cursor';
import type { ArticleName, NamedArticle } from '../core/name-index';
import { parsePeriod } from '../core/periods';
import { InvalidCursorError, type NameListing, type NameStore } from '../core/ports';
import { batchGetAll, batchWriteAll } from './batch-write';
import { DATE_SHARDS, keys } from './table-schema';

/** An article under one name: what a name's page lists of it, about 0.6 KB (one write unit). */
interface NameItem {
  pk: string;
  sk: string;
  entry: Omit<NamedArticle, 'names'>;
  spelling: string;
}

/** Counter attributes of a name's month item: `p:<period>` articles, `s:<spelling>` articles spelling it so. */
const PERIOD = 'p:';
const SPELLING = 's:';
/** A cursor's position: the sort key of the last article handed out. */
const POSITION = /^\d{4}(?:-\d{2}){0,2}#[0-9a-f]{16}$/;

export class DynamoDbNameStore implements NameStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(article: NamedArticle): Promise<void> {
    // Only the items not filed yet are written and counted, so a repeated follow-up or a second source of the
    // article counts it once: one read of their keys, one batch write, one count update per new name.
    const missing = await this.missingNames(article);
    await batchWriteAll(
      this.client,
      this.tableName,
      missing.map((name) => ({ PutRequest: { Item: { ...nameItem(name, article) } } })),
    );
    await Promise.all(missing.map((name) => this.count(name, article.date, 1)));
  }

  async remove(article: NamedArticle): Promise<void> {
    await Promise.all(
      article.names.map(async (name) => {
        const { Attributes } = await this.client.send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: keys.nameArticle(name.id, article.date, article.id),
            ReturnValues: 'ALL_OLD',
          }),
        );
        // Only the delete that found the item counts it out; its own spelling is the one it counted in.
        if (Attributes)
          await this.count({ id: name.id, spelling: (Attributes as NameItem).spelling }, article.date, -1);
      }),
    );
  }

  /**
   * The name's counts for the date's day and month (a year's are the sum of its months), and for the spelling, moved
   * by `delta`, in the one item of the date's month: under 1 KB even for a name in the news every day, so one write unit.
   */
  private async count(name: ArticleName, date: string, delta: number): Promise<void> {
    const { level, year } = parsePeriod(date);
    const month = level === 'year' ? year : date.slice(0, 7);
    const periods = level === 'day' ? [date, month] : [month];
    const counters = [...periods.map((period) => `${PERIOD}${period}`), `${SPELLING}${name.spelling}`];
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.nameCounts(name.id, month),
        UpdateExpression: `ADD ${counters.map((_, index) => `#c${index} :delta`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(counters.map((counter, index) => [`#c${index}`, counter])),
        ExpressionAttributeValues: { ':delta': delta },
      }),
    );
  }

  async missing(article: NamedArticle): Promise<boolean> {
    return (await this.missingNames(article)).length > 0;
  }

  /** The names the article is not filed under yet, read consistently: a write just made is seen. */
  private async missingNames(article: NamedArticle): Promise<ArticleName[]> {
    const wanted = article.names.map((name) => keys.nameArticle(name.id, article.date, article.id));
    const found = new Set(
      (await batchGetAll(this.client, this.tableName, wanted, 'pk', true)).map((item) => String(item.pk)),
    );
    // One article has one item per name, and the partition tells the name: the sort key is the same for all.
    return article.names.filter((_, index) => !found.has(wanted[index]?.pk ?? ''));
  }

  async noteCheck(article: NamedArticle): Promise<void> {
    await batchWriteAll(this.client, this.tableName, [
      { PutRequest: { Item: { ...keys.nameCheck(article.id), article } } },
    ]);
  }

  async listChecks(): Promise<NamedArticle[]> {
    const checks: NamedArticle[] = [];
    for await (const page of paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.nameChecks() },
        ConsistentRead: true,
      },
    )) {
      for (const item of page.Items ?? []) checks.push(item.article as NamedArticle);
    }
    return checks;
  }

  async clearCheck(articleId: string): Promise<void> {
    await batchWriteAll(this.client, this.tableName, [{ DeleteRequest: { Key: keys.nameCheck(articleId) } }]);
  }

  async read(name: string, limit: number, cursor?: string): Promise<NameListing | undefined> {
    const after = cursor === undefined ? undefined : positionOf(cursor);
    // One query per shard, each for a page: the newest `limit` of all are among them.
    const [shards, counts] = await Promise.all([
      Promise.all(Array.from({ length: DATE_SHARDS }, (_, shard) => this.readShard(name, shard, limit, after))),
      this.readCounts(name),
    ]);
    const items = shards.flatMap((shard) => shard.items).sort((a, b) => (a.sk < b.sk ? 1 : a.sk > b.sk ? -1 : 0));
    if (after === undefined && items.length === 0) return undefined;
    const page = items.slice(0, limit);
    const more = items.length > limit || shards.some((shard) => shard.more);
    const last = page.at(-1);
    return {
      ...counts,
      articles: {
        items: page.map((item) => ({ ...item.entry, names: [{ id: name, spelling: item.spelling }] })),
        ...(more && last ? { cursor: encodeCursor({ after: last.sk }) } : {}),
      },
    };
  }

  private async readShard(
    name: string,
    shard: number,
    limit: number,
    after: string | undefined,
  ): Promise<{ items: NameItem[]; more: boolean }> {
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: after === undefined ? 'pk = :pk' : 'pk = :pk AND sk < :after',
        ExpressionAttributeValues: { ':pk': keys.nameShard(name, shard), ...(after ? { ':after': after } : {}) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return { items: Items as NameItem[], more: LastEvaluatedKey !== undefined };
  }

  private async readCounts(name: string): Promise<Omit<NameListing, 'articles'>> {
    const periods = new Map<string, number>();
    const years = new Map<string, number>();
    const spellings = new Map<string, number>();
    for await (const page of paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :counts)',
        ExpressionAttributeValues: { ':pk': keys.nameCountsPartition(name), ':counts': 'COUNTS#' },
      },
    )) {
      for (const item of page.Items ?? []) {
        for (const [attribute, value] of Object.entries(item)) {
          const count = Number(value);
          if (!(count > 0)) continue;
          if (attribute.startsWith(PERIOD)) {
            const period = attribute.slice(PERIOD.length);
            periods.set(period, count);
            // A month's count (its days' articles and its own) and a year's own articles add up to the year's.
            if (period.length !== 10) {
              const year = period.slice(0, 4);
              years.set(year, (years.get(year) ?? 0) + count);
            }
          } else if (attribute.startsWith(SPELLING)) {
            const spelling = attribute.slice(SPELLING.length);
            spellings.set(spelling, (spellings.get(spelling) ?? 0) + count);
          }
        }
      }
    }
    for (const [year, count] of years) periods.set(year, count);
    return {
      spellings: [...spellings]
        .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
        .map(([spelling, count]) => ({ spelling, count })),
      periods: [...periods].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, count]) => ({ period, count })),
    };
  }
}

/** The item of an article under one of its names. */
export function nameItem(name: ArticleName, article: NamedArticle): NameItem {
  const { names: _names, ...entry } = article;
  return { ...keys.nameArticle(name.id, article.date, article.id), entry, spelling: name.spelling };
}

function positionOf(cursor: string): string {
  const { after } = decodeCursor(cursor, ['after'], {});
  if (!after || !POSITION.test(after)) throw new InvalidCursorError('cursor is not one this API returned');
  return after;
}
