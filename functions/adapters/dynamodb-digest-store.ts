import { type DynamoDBDocumentClient, GetCommand, paginateQuery, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Digest } from '../core/digest';
import type { DigestStore, PeriodState } from '../core/ports';
import { isConditionFailure } from './dynamodb-article-store';
import { keys } from './table-schema';

export class DynamoDbDigestStore implements DigestStore {
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

  async getPeriod(period: string): Promise<PeriodState | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.period(period) }));
    return Item ? toPeriodState(Item) : undefined;
  }

  async get(period: string): Promise<Digest | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.digest(period) }));
    // Stored as the JSON text itself: the API serves it as is, and no map marshalling is paid for.
    return Item ? (JSON.parse(Item.body as string) as Digest) : undefined;
  }

  async put(digest: Digest, version: number): Promise<boolean> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.digest(digest.date),
                  body: JSON.stringify(digest),
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
      return true;
    } catch (error) {
      if (isConditionFailure(error, 0) || isConditionFailure(error, 1)) return false;
      throw error;
    }
  }
}

function toPeriodState(item: Record<string, unknown>): PeriodState {
  return {
    period: item.sk as string,
    articleCount: Number(item.articleCount ?? 0),
    version: Number(item.version ?? 0),
    digestVersion: Number(item.digestVersion ?? 0),
  };
}
