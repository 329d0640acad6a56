import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, paginateQuery, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Article, ArticleSummary } from '../core/article';
import { parsePeriod, periodsContaining } from '../core/periods';
import type { ArticleStore, Rejection, SaveOutcome } from '../core/ports';
import { BY_DATE_INDEX, DATE_SHARDS, keys, shardOf } from './table-schema';

interface ArticleItem {
  entry: ArticleSummary;
  paragraphs: string[];
  sources: Set<string>;
  ingestedAt: string;
}

export class DynamoDbArticleStore implements ArticleStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async save(article: Article, sourceKey: string): Promise<SaveOutcome> {
    const { paragraphs, sources: _sources, ingestedAt, ...entry } = article;
    const objectItem = {
      Put: {
        TableName: this.tableName,
        Item: { ...keys.object(sourceKey), key: sourceKey, status: 'ingested', articleId: article.id, at: ingestedAt },
      },
    };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.article(article.id),
                  [BY_DATE_INDEX.partitionKey]: keys.dateShard(parsePeriod(article.date).year, shardOf(article.id)),
                  [BY_DATE_INDEX.sortKey]: `${article.date}#${article.id}`,
                  entry,
                  paragraphs,
                  sources: new Set([sourceKey]),
                  ingestedAt,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...periodsContaining(article.date).map((period) => ({
              Update: {
                TableName: this.tableName,
                Key: keys.period(period),
                UpdateExpression: 'ADD articleCount :one, version :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            })),
            objectItem,
          ],
        }),
      );
      return 'created';
    } catch (error) {
      if (!isConditionFailure(error, 0)) throw error;
    }
    // The same content is already stored, perhaps from another key: record this key as a source too.
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.article(article.id),
                UpdateExpression: 'ADD sources :source',
                ConditionExpression: 'attribute_exists(pk) AND NOT contains(sources, :key)',
                ExpressionAttributeValues: { ':source': new Set([sourceKey]), ':key': sourceKey },
              },
            },
            objectItem,
          ],
        }),
      );
      return 'source-added';
    } catch (error) {
      if (isConditionFailure(error, 0)) return 'unchanged';
      throw error;
    }
  }

  async recordRejection(rejection: Rejection): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...keys.object(rejection.key),
                key: rejection.key,
                status: 'rejected',
                code: rejection.code,
                reason: rejection.reason,
                at: rejection.rejectedAt,
              },
            },
          },
        ],
      }),
    );
  }

  async get(id: string): Promise<Article | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.article(id) }));
    if (!Item) return undefined;
    const item = Item as ArticleItem;
    return {
      ...item.entry,
      paragraphs: item.paragraphs,
      sources: [...item.sources].sort(),
      ingestedAt: item.ingestedAt,
    };
  }

  async *listSummaries(period: string): AsyncIterable<ArticleSummary> {
    const { year, level } = parsePeriod(period);
    // A day's sort keys are `<day>#<id>`; the separator stops `2021-12-1` from matching `2021-12-15`.
    const prefix = level === 'day' ? `${period}#` : period;
    const shards = Array.from({ length: DATE_SHARDS }, (_, shard) =>
      paginateQuery(
        { client: this.client, pageSize: 500 },
        {
          TableName: this.tableName,
          IndexName: BY_DATE_INDEX.name,
          KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
          ExpressionAttributeNames: { '#pk': BY_DATE_INDEX.partitionKey, '#sk': BY_DATE_INDEX.sortKey },
          ExpressionAttributeValues: { ':pk': keys.dateShard(year, shard), ':prefix': prefix },
        },
      )[Symbol.asyncIterator](),
    );
    // One page from every shard at a time: parallel reads, and memory bounded by one page per shard.
    let active = shards;
    while (active.length > 0) {
      const pages = await Promise.all(active.map((shard) => shard.next()));
      active = active.filter((_, index) => !pages[index]?.done);
      for (const page of pages) {
        if (page.done) continue;
        for (const item of page.value.Items ?? []) yield (item as Pick<ArticleItem, 'entry'>).entry;
      }
    }
  }
}

/** True when the transaction failed because item `index`'s condition did not hold. */
export function isConditionFailure(error: unknown, index: number): boolean {
  return (
    error instanceof TransactionCanceledException &&
    error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed'
  );
}
