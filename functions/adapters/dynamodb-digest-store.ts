import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from '../core/cursor';
import type { Digest } from '../core/digest';
import { periodsContaining } from '../core/periods';
import type { DigestStore, Page, PeriodState } from '../core/ports';
import type { PeriodTally } from '../core/tally';
import { batchGetAll, batchWriteAll } from './batch-write';
import { isConditionFailure, isTransactionConflict } from './dynamodb-article-store';
import { keys } from './table-schema';

/**
 * Parts of large digests kept assembled per container, at most: about 12 MB of JSON, a few times that
 * parsed, in a 512 MB function. A digest of 10,000 articles is about 34 parts; a larger one is not kept.
 */
const ASSEMBLED_PARTS = 40;

export class DynamoDbDigestStore implements DigestStore {
  /**
   * Large digests as assembled from their parts, by period, least recently read first, each with the prefix
   * of the write that stored it. Parts under a prefix never change, so while the head item still names that
   * prefix, each page of such a digest costs one small read, not all its parts.
   */
  private readonly assembled = new Map<
    string,
    { readonly prefix: string; readonly parts: number; readonly digest: Digest }
  >();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listPeriods(): Promise<PeriodState[]> {
    const periods: PeriodState[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.period('').pk },
        ScanIndexForward: false,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) periods.push(toPeriodState(item));
    }
    return periods;
  }

  async listPeriodsWithArticles(limit: number, cursor?: string): Promise<Page<PeriodState>> {
    const periods: PeriodState[] = [];
    const partition = keys.period('').pk;
    let startKey: Record<string, unknown> | undefined = cursor
      ? decodeCursor(cursor, ['pk', 'sk'], { pk: partition })
      : undefined;
    // The filter applies after the limit, so a page may come back short: read on until it is full.
    do {
      const { Items = [], LastEvaluatedKey } = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: 'articleCount > :none',
          ExpressionAttributeValues: { ':pk': partition, ':none': 0 },
          ScanIndexForward: false,
          Limit: limit - periods.length,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      periods.push(...Items.map(toPeriodState));
      startKey = LastEvaluatedKey;
    } while (startKey && periods.length < limit);
    return { items: periods, ...(startKey ? { cursor: encodeCursor(startKey) } : {}) };
  }

  async neighbours(period: string): Promise<{ previous?: string; next?: string }> {
    const [previous, next] = await Promise.all([this.nearest(period, false), this.nearest(period, true)]);
    return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
  }

  /**
   * The nearest period of the same level with articles, before or after: the period items sort by their name, so
   * those of the other levels in between (a month's days, a year's months and days) are read past: a few hundred
   * small items at most, a page at a time until one is found.
   */
  private async nearest(period: string, after: boolean): Promise<string | undefined> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const { Items = [], LastEvaluatedKey } = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: after ? 'pk = :pk AND sk > :period' : 'pk = :pk AND sk < :period',
          ExpressionAttributeValues: { ':pk': keys.period('').pk, ':period': period },
          ScanIndexForward: after,
          ProjectionExpression: 'sk, articleCount',
          // Past a month of days per page; a key cannot be filtered on, so the level is told here.
          Limit: 100,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      const found = Items.find((item) => String(item.sk).length === period.length && Number(item.articleCount) > 0);
      if (found) return String(found.sk);
      startKey = LastEvaluatedKey;
    } while (startKey);
    return undefined;
  }

  async getPeriod(period: string): Promise<PeriodState | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.period(period) }));
    return Item ? toPeriodState(Item) : undefined;
  }

  async markChanged(period: string): Promise<PeriodState | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.period(period),
          UpdateExpression: 'ADD version :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toPeriodState(Attributes) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async rollUp(period: string): Promise<void> {
    const wider = periodsContaining(period).slice(0, -1);
    // A change landing between the read and the write makes the condition fail: read again and add what is there then.
    for (let attempt = 1; attempt <= ROLL_UP_ATTEMPTS; attempt += 1) {
      const { Item } = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: keys.period(period), ConsistentRead: true }),
      );
      const changes = Number(Item?.pendingChanges ?? 0);
      if (changes === 0) return;
      const articles = Number(Item?.pendingArticles ?? 0);
      try {
        await this.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.tableName,
                  Key: keys.period(period),
                  UpdateExpression: 'ADD pendingArticles :articlesOut, pendingChanges :changesOut',
                  ConditionExpression: 'pendingChanges = :changes AND pendingArticles = :articles',
                  ExpressionAttributeValues: {
                    ':changes': changes,
                    ':articles': articles,
                    ':changesOut': -changes,
                    ':articlesOut': -articles,
                  },
                },
              },
              ...wider.map((widerPeriod) => ({
                Update: {
                  TableName: this.tableName,
                  Key: keys.period(widerPeriod),
                  UpdateExpression: 'ADD articleCount :articles, version :one',
                  ExpressionAttributeValues: { ':articles': articles, ':one': 1 },
                },
              })),
            ],
          }),
        );
        return;
      } catch (error) {
        if (!isTransactionConflict(error) || attempt === ROLL_UP_ATTEMPTS) throw error;
      }
    }
  }

  async hasPendingChanges(period: string): Promise<boolean> {
    let startKey: Record<string, unknown> | undefined;
    // The filter applies after the read: a year reads its few hundred small period items, a page at a time.
    do {
      const { Items = [], LastEvaluatedKey } = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :inside)',
          FilterExpression: 'pendingChanges > :none',
          ExpressionAttributeValues: { ':pk': keys.period('').pk, ':inside': `${period}-`, ':none': 0 },
          ProjectionExpression: 'sk',
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      if (Items.length > 0) return true;
      startKey = LastEvaluatedKey;
    } while (startKey);
    return false;
  }

  async getTallies(periods: readonly string[]): Promise<Map<string, PeriodTally>> {
    const items = await batchGetAll(this.client, this.tableName, [...new Set(periods)].map(keys.tally), 'body');
    const tallies = items.map((item) => JSON.parse(item.body as string) as PeriodTally);
    return new Map(tallies.map((tally) => [tally.period, tally]));
  }

  async putTally(tally: PeriodTally): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.tally(tally.period), body: JSON.stringify(tally) } }),
    );
  }

  async get(period: string): Promise<Digest | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.digest(period) }));
    if (!Item) return undefined;
    // Stored as the JSON text itself: no map marshalling is paid for, and a large one splits anywhere.
    if (!Item.parts) return JSON.parse(Item.body as string) as Digest;
    const prefix = partPrefix(Number(Item.version), Item.writeId);
    const parts = Number(Item.parts);
    const cached = this.assembled.get(period);
    this.assembled.delete(period);
    if (cached?.prefix === prefix) {
      this.assembled.set(period, cached);
      return cached.digest;
    }
    if (parts > ASSEMBLED_PARTS) return JSON.parse(await this.readParts(period, prefix, parts)) as Digest;
    // Room first, so that what goes can be collected while this one is read.
    let kept = [...this.assembled.values()].reduce((sum, entry) => sum + entry.parts, 0);
    for (const [oldest, entry] of this.assembled) {
      if (kept + parts <= ASSEMBLED_PARTS) break;
      this.assembled.delete(oldest);
      kept -= entry.parts;
    }
    const digest = JSON.parse(await this.readParts(period, prefix, parts)) as Digest;
    this.assembled.set(period, { prefix, parts, digest });
    return digest;
  }

  async put(digest: Digest, version: number): Promise<boolean> {
    const body = JSON.stringify(digest);
    const parts = splitUtf8(body, MAX_PART_BYTES);
    // A large digest's parts go first, under a prefix of their own; nothing reads them until the head points there.
    const writeId = randomUUID().slice(0, 8);
    const prefix = partPrefix(version, writeId);
    if (parts.length > 1) await this.writeParts(digest.date, prefix, parts);
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.digest(digest.date),
                  ...(parts.length > 1 ? { parts: parts.length, writeId } : { body }),
                  version,
                  generatedAt: digest.generatedAt,
                  articleCount: digest.articleCount,
                },
                ConditionExpression: 'attribute_not_exists(pk) OR version < :version',
                ExpressionAttributeValues: { ':version': version },
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: keys.period(digest.date),
                UpdateExpression: 'SET digestVersion = :version',
                ConditionExpression: 'attribute_not_exists(digestVersion) OR digestVersion < :version',
                ExpressionAttributeValues: { ':version': version },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error, 0) || isConditionFailure(error, 1)) {
        // Another digest of this or a newer version won; these parts will never be read.
        await this.deleteParts(digest.date, (sk) => sk.startsWith(prefix));
        return false;
      }
      throw error;
    }
    // Parts of older versions, and of a losing write of this one, are read by nobody now.
    await this.deleteParts(digest.date, (sk) => !sk.startsWith(prefix) && partVersionOf(sk) <= version);
    return true;
  }

  private async readParts(period: string, prefix: string, count: number): Promise<string> {
    const texts: string[] = [];
    for await (const item of this.parts(period, prefix)) texts.push(item.text as string);
    if (texts.length !== count) throw new Error(`digest ${period} (${prefix}) has ${texts.length} of ${count} parts`);
    return texts.join('');
  }

  /** The part items of a period's digest whose sort key starts with `prefix`, in order. */
  private async *parts(period: string, prefix: string, projection?: string): AsyncGenerator<Record<string, unknown>> {
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.digest(period).pk, ':prefix': prefix },
        ...(projection ? { ProjectionExpression: projection } : {}),
      },
    );
    for await (const page of pages) yield* page.Items ?? [];
  }

  private async writeParts(period: string, prefix: string, parts: readonly string[]): Promise<void> {
    const items = parts.map((text, index) => ({
      PutRequest: { Item: { pk: keys.digest(period).pk, sk: `${prefix}${pad(index)}`, text } },
    }));
    await batchWriteAll(this.client, this.tableName, items);
  }

  private async deleteParts(period: string, superseded: (sortKey: string) => boolean): Promise<void> {
    const stale: { DeleteRequest: { Key: Record<string, string> } }[] = [];
    for await (const item of this.parts(period, 'PART#', 'pk, sk')) {
      if (superseded(item.sk as string)) {
        stale.push({ DeleteRequest: { Key: { pk: item.pk as string, sk: item.sk as string } } });
      }
    }
    await batchWriteAll(this.client, this.tableName, stale);
  }
}

/** Attempts at rolling a period's pending changes up while ingest keeps changing it; the next run tries again. */
const ROLL_UP_ATTEMPTS = 5;

/** DynamoDB items are limited to 400 KB; a part stays well below, with room for its keys. */
export const MAX_PART_BYTES = 300_000;

/** Parts sort by version, then by write, then in order: `PART#<version>#<write id>#<index>`. */
const partPrefix = (version: number, writeId: string) => `PART#${pad(version)}#${writeId}#`;
const partVersionOf = (sortKey: string) => Number(sortKey.split('#')[1]);
const pad = (number: number) => String(number).padStart(10, '0');

/** Splits text into pieces of at most `maxBytes` UTF-8 bytes, never inside a character. */
export function splitUtf8(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // A surrogate pair is four bytes, all counted on its first half, so a piece never ends between the two.
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xdc00 && code <= 0xdfff ? 0 : code >= 0xd800 ? 4 : 3;
    if (bytes + size > maxBytes) {
      pieces.push(text.slice(start, index));
      start = index;
      bytes = 0;
    }
    bytes += size;
  }
  pieces.push(text.slice(start));
  return pieces;
}

function toPeriodState(item: Record<string, unknown>): PeriodState {
  return {
    period: item.sk as string,
    articleCount: Number(item.articleCount ?? 0),
    version: Number(item.version ?? 0),
    digestVersion: Number(item.digestVersion ?? 0),
    ...(Number(item.pendingChanges ?? 0) > 0 ? { pendingChanges: Number(item.pendingChanges) } : {}),
  };
}
