import { randomUUID } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Article, ArticleSummary } from '../core/article';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { parsePeriod } from '../core/periods';
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

/**
 * An article as stored. Items written since issue #18 hold `entry` compressed and their text in an item of its own
 * (`text` names its sort key); older ones hold `entry` as a map and `blocks` inline, and are read as they are.
 */
interface ArticleItem {
  entry: ArticleSummary | Uint8Array;
  title?: string;
  blocks?: Block[];
  text?: string;
  truncated?: boolean;
  sources: Set<string>;
  sourceCount: number;
  ingestedAt: string;
}

type Item = Record<string, unknown>;

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
    const texts: Item[] = [];
    const items: TransactItem[] = [this.objectPut(change)];
    const oldId = previous?.status === 'ingested' ? previous.articleId : undefined;
    const article = outcome.status === 'ingested' ? outcome.article : undefined;
    if (oldId && oldId !== article?.id) items.push(...(await this.detach(oldId, key, periods)));
    if (article) items.push(...(await this.attach(article, key, periods, article.id === oldId, texts)));
    // A new object making a new article, the common case, is counted on the period item the transaction writes
    // anyway (`ingestedObjects`, summed by countObjects), not on the one shared counts item: two units fewer.
    const countedOn = previous === undefined && article && periods.has(article.date) ? article.date : undefined;
    if (!countedOn) items.push(...this.statusCountUpdate(previous?.status, outcome.status));
    for (const [period, delta] of periods) items.push(this.periodUpdate(period, delta, period === countedOn));
    // The text goes first, outside the transaction, where it costs half: an article item never names a text that
    // is not there yet, and the key is this write's own, so no other change can delete it in between.
    await Promise.all(texts.map((Item) => this.client.send(new PutCommand({ TableName: this.tableName, Item }))));
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      // Cancelled means applied nowhere: the text just written is nobody's. Any other failure may have applied.
      if (error instanceof TransactionCanceledException) await this.discardTexts(texts);
      if (isTransactionConflict(error)) return false;
      throw error;
    }
  }

  /**
   * Only the article's own period (its day, or the month or year it is dated to) is marked in the transaction; its
   * change is also kept there as pending (`pendingArticles`, `pendingChanges`) until the generator adds it to the
   * wider periods (DigestStore.rollUp), so marking a month and a year costs nothing per article. A year has none wider.
   */
  private periodUpdate(period: string, delta: number, countsObject: boolean): TransactItem {
    const wider = parsePeriod(period).level !== 'year';
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.period(period),
        UpdateExpression: [
          'ADD articleCount :delta, version :one',
          ...(wider ? ['pendingArticles :delta, pendingChanges :one'] : []),
          ...(countsObject ? ['ingestedObjects :one'] : []),
        ].join(', '),
        ExpressionAttributeValues: { ':delta': delta, ':one': 1 },
      },
    };
  }

  /** Best effort: a text item left behind by a crash here is only storage, read by no article. */
  private async discardTexts(texts: readonly Item[]): Promise<void> {
    await Promise.all(
      texts.map((item) =>
        this.client
          .send(new DeleteCommand({ TableName: this.tableName, Key: { pk: item.pk, sk: item.sk } }))
          .catch(() => undefined),
      ),
    );
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
      addPeriod(periods, entryOf(current).date, -1);
      // Its text goes with it, in the same transaction: no text outlives its article, none goes before it.
      const text: TransactItem[] = current.text
        ? [{ Delete: { TableName: this.tableName, Key: { pk: keys.article(id).pk, sk: current.text } } }]
        : [];
      return [{ Delete: { TableName: this.tableName, Key: keys.article(id), ...guard } }, ...text];
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
    texts: Item[],
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
    addPeriod(periods, article.date, restoring ? 0 : 1);
    const items = articleItems(article, key);
    if (items.text) texts.push(items.text);
    return [
      { Put: { TableName: this.tableName, Item: items.article, ConditionExpression: 'attribute_not_exists(pk)' } },
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
    const entryJson = entryText(item.entry);
    let blocks = item.blocks ?? [];
    if (item.text) {
      const { Item: text } = await this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: keys.article(id).pk, sk: item.text },
          ConsistentRead: true,
        }),
      );
      if (!text) throw new Error(`article ${id} has no text item ${item.text}`);
      blocks = decodeBlocks(text.blocks as Uint8Array, entryJson);
    }
    return {
      ...(JSON.parse(entryJson) as ArticleSummary),
      ...(item.title ? { title: item.title } : {}),
      blocks,
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
        for (const item of page.value.Items ?? []) yield entryOf(item as Pick<ArticleItem, 'entry'>);
      }
    }
  }

  async getSummaries(ids: readonly string[]): Promise<ArticleSummary[]> {
    const items = await batchGetAll(this.client, this.tableName, [...new Set(ids)].map(keys.article), 'entry');
    const summaries = items.map((item) => entryOf(item as Pick<ArticleItem, 'entry'>));
    const found = new Map(summaries.map((summary) => [summary.id, summary]));
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

  /**
   * The counts item holds every change of status but one: a new object making a new article, counted instead on
   * that article's period item (applyObject). Both are written in the change's own transaction, so the sum, read
   * consistently, is exact at once; it reads every period item, a few hundred bytes per day with articles.
   */
  async countObjects(): Promise<IngestCounts> {
    const periods = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.period('').pk },
        ProjectionExpression: 'ingestedObjects',
        ConsistentRead: true,
      },
    );
    const [{ Item = {} }, newlyIngested] = await Promise.all([
      this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.ingestCounts(), ConsistentRead: true })),
      (async () => {
        let sum = 0;
        for await (const page of periods) for (const item of page.Items ?? []) sum += Number(item.ingestedObjects ?? 0);
        return sum;
      })(),
    ]);
    const counts = Object.fromEntries(STATUSES.map((status) => [status, Number(Item[status] ?? 0)]));
    return { ...counts, ingested: (counts.ingested ?? 0) + newlyIngested } as IngestCounts;
  }
}

function addPeriod(periods: PeriodDeltas, date: string, delta: number): void {
  periods.set(date, (periods.get(date) ?? 0) + delta);
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
 * The summary is the one thing the byDate index projects and every digest reads: deflated against a dictionary of
 * its JSON's own shape it is about 0.75 KB, so that the index entry, keys and overhead included, stays within one
 * write unit and the article item with it. Brotli at its best quality came out 3-5% larger and took 3-5 ms per
 * summary against this one's 0.15. Binary, so the index projects it as it is; the first byte names the format.
 */
const ENTRY_FORMAT = 1;
/** Never to be changed: every summary stored in format 1 is read with it. Another takes another format byte. */
const ENTRY_DICTIONARY = Buffer.from(
  '{"date":"","summary":"","storyTerms":["n:=1","c:=2","w:=3"],"minhash":"","wordCount":,"keywords":["",' +
    '"entities":["","bodyHash":"","language":"nl","language":"en","language":"de","id":"","headline":"",' +
    '"readingMinutes":1}',
);

function encodeEntry(json: string): Uint8Array {
  return Buffer.concat([Uint8Array.of(ENTRY_FORMAT), deflateRawSync(json, { level: 9, dictionary: ENTRY_DICTIONARY })]);
}

function decodeEntry(bytes: Uint8Array): string {
  if (bytes[0] !== ENTRY_FORMAT) throw new Error(`an article summary in unknown format ${bytes[0]}`);
  return inflateRawSync(bytes.subarray(1), { dictionary: ENTRY_DICTIONARY }).toString('utf8');
}

/** The summary's JSON, from a compressed entry or from a map as items before issue #18 hold it. */
function entryText(entry: ArticleSummary | Uint8Array): string {
  return entry instanceof Uint8Array ? decodeEntry(entry) : JSON.stringify(entry);
}

function entryOf(item: Pick<ArticleItem, 'entry'>): ArticleSummary {
  return item.entry instanceof Uint8Array ? (JSON.parse(entryText(item.entry)) as ArticleSummary) : item.entry;
}

/**
 * The text, deflated with the summary's JSON as its dictionary: the summary is the text's lead and names its names,
 * so the seeds' 2.0 and 2.8 KB texts shrink to 0.9 and 1.1 KB (brotli, without one: 1.06 and 1.35 KB), the first
 * one write unit. The dictionary is the stored entry's own JSON, which no write ever changes: an article item is put
 * once and only its sources updated after.
 */
function encodeBlocks(blocks: readonly Block[], entryJson: string): Uint8Array {
  return deflateRawSync(JSON.stringify(blocks), { level: 9, dictionary: Buffer.from(entryJson) });
}

function decodeBlocks(bytes: Uint8Array, entryJson: string): Block[] {
  return JSON.parse(inflateRawSync(bytes, { dictionary: Buffer.from(entryJson) }).toString('utf8')) as Block[];
}

/**
 * A new article as the table holds it, fed by one source object: its summary as `entry` (all the date index
 * projects, compressed), its place in the date index's shards, and its text in an item of its own beside it (none
 * for an article without blocks), under a sort key of this write's own, which the article item names.
 */
export function articleItems(article: Article, sourceKey: string): { article: Item; text?: Item } {
  const { blocks, title, truncated, sources: _sources, ingestedAt, ...entry } = article;
  const entryJson = JSON.stringify(entry);
  // 48 random bits: unique among the writes of one article, and short, since the article item repeats it.
  const textKey = blocks.length > 0 ? `TEXT#${randomUUID().replaceAll('-', '').slice(0, 12)}` : undefined;
  return {
    article: {
      ...keys.article(article.id),
      [BY_DATE_INDEX.partitionKey]: keys.dateShard(parsePeriod(article.date).year, shardOf(article.id)),
      [BY_DATE_INDEX.sortKey]: `${article.date}#${article.id}`,
      entry: encodeEntry(entryJson),
      ...(title ? { title } : {}),
      ...(textKey ? { text: textKey } : {}),
      ...(truncated ? { truncated } : {}),
      sources: new Set([sourceKey]),
      sourceCount: 1,
      ingestedAt,
    },
    ...(textKey
      ? { text: { pk: keys.article(article.id).pk, sk: textKey, blocks: encodeBlocks(blocks, entryJson) } }
      : {}),
  };
}
