import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  paginateQuery,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Article, ArticleSummary } from '../core/article';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { parsePeriod, periodsContaining } from '../core/periods';
import type {
  ArticleStore,
  IngestCounts,
  ObjectChange,
  ObjectRecord,
  ObjectStatus,
  Page,
  Rejection,
} from '../core/ports';
import type { Block } from '../core/seed';
import { batchGetAll } from './batch-write';
import { BY_DATE_INDEX, DATE_SHARDS, keys, shardOf } from './table-schema';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

interface ArticleItem {
  entry: ArticleSummary;
  title?: string;
  blocks: Block[];
  truncated?: boolean;
  sources: Set<string>;
  sourceCount: number;
  ingestedAt: string;
}

/** How long the record of a deleted object is kept: long enough to out-wait any late event for its key. */
const DELETED_RECORD_TTL_SECONDS = 30 * 24 * 3600;
const STATUSES: readonly ObjectStatus[] = ['ingested', 'rejected', 'deleted', 'failed'];

/** Changes to one period's bookkeeping within a transaction, merged because a transaction may touch an item once. */
type PeriodDeltas = Map<string, number>;

export class DynamoDbArticleStore implements ArticleStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getObject(key: string): Promise<ObjectRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.object(key), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, gsi1pk: _gpk, gsi1sk: _gsk, entry: _entry, expiresAt: _ttl, ...record } = Item;
    return record as ObjectRecord;
  }

  async applyObject(change: ObjectChange): Promise<boolean> {
    const { key, previous, outcome } = change;
    const periods: PeriodDeltas = new Map();
    const items: TransactItem[] = [this.objectPut(change), ...this.statusCountUpdate(previous?.status, outcome.status)];
    const oldId = previous?.status === 'ingested' ? previous.articleId : undefined;
    const article = outcome.status === 'ingested' ? outcome.article : undefined;
    if (oldId && oldId !== article?.id) items.push(...(await this.detach(oldId, key, periods)));
    if (article) items.push(...(await this.attach(article, key, periods, article.id === oldId)));
    for (const [period, delta] of periods) {
      items.push({
        Update: {
          TableName: this.tableName,
          Key: keys.period(period),
          UpdateExpression: 'ADD articleCount :delta, version :one',
          ExpressionAttributeValues: { ':delta': delta, ':one': 1 },
        },
      });
    }
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      if (isTransactionConflict(error)) return false;
      throw error;
    }
  }

  /** The object's record, applied only if the record read before deciding is still the current one. */
  private objectPut({ key, sequencer, at, previous, outcome }: ObjectChange): TransactItem {
    const item: Record<string, unknown> = { ...keys.object(key), key, status: outcome.status, sequencer, at };
    if (outcome.status === 'ingested') item.articleId = outcome.article.id;
    if (outcome.status === 'rejected') {
      Object.assign(item, { code: outcome.code, reason: outcome.reason });
      // Rejections share the date index under their own partition, newest first, for the operators' list.
      item[BY_DATE_INDEX.partitionKey] = 'REJECTED';
      item[BY_DATE_INDEX.sortKey] = `${at}#${key}`;
      item.entry = { key, code: outcome.code, reason: outcome.reason, rejectedAt: at } satisfies Rejection;
    }
    if (outcome.status === 'failed') item.reason = outcome.reason;
    if (outcome.status === 'deleted') item.expiresAt = Math.floor(Date.parse(at) / 1000) + DELETED_RECORD_TTL_SECONDS;
    return {
      Put: {
        TableName: this.tableName,
        Item: item,
        ConditionExpression: previous ? 'sequencer = :previous' : 'attribute_not_exists(pk)',
        ...(previous ? { ExpressionAttributeValues: { ':previous': previous.sequencer } } : {}),
      },
    };
  }

  private statusCountUpdate(from: ObjectStatus | undefined, to: ObjectStatus): TransactItem[] {
    if (from === to) return [];
    return [
      {
        Update: {
          TableName: this.tableName,
          Key: keys.ingestCounts(),
          UpdateExpression: from ? 'ADD #to :one, #from :minus' : 'ADD #to :one',
          ExpressionAttributeNames: { '#to': to, ...(from ? { '#from': from } : {}) },
          ExpressionAttributeValues: { ':one': 1, ...(from ? { ':minus': -1 } : {}) },
        },
      },
    ];
  }

  /** Stops `key` feeding article `id`; the last source going deletes the article. */
  private async detach(id: string, key: string, periods: PeriodDeltas): Promise<TransactItem[]> {
    const current = await this.readArticle(id);
    if (!current?.sources.has(key)) return [];
    const guard = {
      ConditionExpression: 'sourceCount = :count',
      ExpressionAttributeValues: { ':count': current.sourceCount },
    };
    if (current.sourceCount <= 1) {
      addPeriods(periods, current.entry.date, -1);
      return [{ Delete: { TableName: this.tableName, Key: keys.article(id), ...guard } }];
    }
    return [
      {
        Update: {
          TableName: this.tableName,
          Key: keys.article(id),
          UpdateExpression: 'DELETE sources :key ADD sourceCount :minus',
          ConditionExpression: guard.ConditionExpression,
          ExpressionAttributeValues: { ...guard.ExpressionAttributeValues, ':key': new Set([key]), ':minus': -1 },
        },
      },
    ];
  }

  /**
   * Makes `key` a source of `article`, creating the article when no other object feeds it. When the
   * key already fed it (`restoring`) and the item vanished behind the service's back, it is put back
   * without being counted again: its periods never counted it out.
   */
  private async attach(
    article: Article,
    key: string,
    periods: PeriodDeltas,
    restoring: boolean,
  ): Promise<TransactItem[]> {
    const current = await this.readArticle(article.id);
    if (current?.sources.has(key)) return [];
    if (current) {
      return [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.article(article.id),
            UpdateExpression: 'ADD sources :key, sourceCount :one',
            ConditionExpression: 'sourceCount = :count',
            ExpressionAttributeValues: { ':key': new Set([key]), ':one': 1, ':count': current.sourceCount },
          },
        },
      ];
    }
    addPeriods(periods, article.date, restoring ? 0 : 1);
    return [
      {
        Put: {
          TableName: this.tableName,
          Item: articleItem(article, key),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
  }

  private async readArticle(id: string): Promise<ArticleItem | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.article(id), ConsistentRead: true }),
    );
    return Item as ArticleItem | undefined;
  }

  async get(id: string): Promise<Article | undefined> {
    const item = await this.readArticle(id);
    if (!item) return undefined;
    return {
      ...item.entry,
      ...(item.title ? { title: item.title } : {}),
      blocks: item.blocks,
      ...(item.truncated ? { truncated: true } : {}),
      sources: [...item.sources].sort(),
      ingestedAt: item.ingestedAt,
    };
  }

  listSummaries(period: string): AsyncIterable<ArticleSummary> {
    // A day's sort keys are `<day>#<id>`; the separator stops `2021-12-1` from matching `2021-12-15`.
    return this.summariesByPrefix(period, parsePeriod(period).level === 'day' ? `${period}#` : period);
  }

  listDated(date: string): AsyncIterable<ArticleSummary> {
    return this.summariesByPrefix(date, `${date}#`);
  }

  private async *summariesByPrefix(period: string, prefix: string): AsyncIterable<ArticleSummary> {
    const { year } = parsePeriod(period);
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

  async getSummaries(ids: readonly string[]): Promise<ArticleSummary[]> {
    const items = await batchGetAll(this.client, this.tableName, [...new Set(ids)].map(keys.article), 'entry');
    const found = new Map(items.map((item) => [(item.entry as ArticleSummary).id, item.entry as ArticleSummary]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async listRejections(limit: number, cursor?: string): Promise<Page<Rejection>> {
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: BY_DATE_INDEX.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': BY_DATE_INDEX.partitionKey },
        ExpressionAttributeValues: { ':pk': 'REJECTED' },
        ScanIndexForward: false,
        Limit: limit,
        ...(cursor
          ? {
              ExclusiveStartKey: decodeCursor(cursor, ['pk', 'sk', BY_DATE_INDEX.partitionKey, BY_DATE_INDEX.sortKey], {
                [BY_DATE_INDEX.partitionKey]: 'REJECTED',
              }),
            }
          : {}),
      }),
    );
    return {
      items: Items.map((item) => item.entry as Rejection),
      ...(LastEvaluatedKey ? { cursor: encodeCursor(LastEvaluatedKey) } : {}),
    };
  }

  async countObjects(): Promise<IngestCounts> {
    const { Item = {} } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.ingestCounts(), ConsistentRead: true }),
    );
    return Object.fromEntries(STATUSES.map((status) => [status, Number(Item[status] ?? 0)])) as IngestCounts;
  }
}

function addPeriods(periods: PeriodDeltas, date: string, delta: number): void {
  for (const period of periodsContaining(date)) periods.set(period, (periods.get(period) ?? 0) + delta);
}

/** True when a transaction failed because another writer changed one of its items first. */
export function isTransactionConflict(error: unknown): boolean {
  return (
    error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some(
      (reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict',
    )
  );
}

/** True when the transaction failed because item `index`'s condition did not hold. */
export function isConditionFailure(error: unknown, index: number): boolean {
  return (
    error instanceof TransactionCanceledException &&
    error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed'
  );
}

/**
 * A new article as the table holds it, fed by one source object: its summary as `entry` (all the
 * date index projects), its text beside it, and its place in the date index's shards.
 */
export function articleItem(article: Article, sourceKey: string): Record<string, unknown> {
  const { blocks, title, truncated, sources: _sources, ingestedAt, ...entry } = article;
  return {
    ...keys.article(article.id),
    [BY_DATE_INDEX.partitionKey]: keys.dateShard(parsePeriod(article.date).year, shardOf(article.id)),
    [BY_DATE_INDEX.sortKey]: `${article.date}#${article.id}`,
    entry,
    ...(title ? { title } : {}),
    blocks,
    ...(truncated ? { truncated } : {}),
    sources: new Set([sourceKey]),
    sourceCount: 1,
    ingestedAt,
  };
}
