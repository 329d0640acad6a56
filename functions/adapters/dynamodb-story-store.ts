import { type DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { StoredStoryDay, StoryStore } from '../core/ports';
import { type StoryDay, storyDayKey } from '../core/story-days';
import { compareStrings } from '../core/text';
import { batchWriteAll, type WriteRequest } from './batch-write';
import { BY_DATE_INDEX, keys } from './table-schema';

/**
 * Each story's part in each unit is one item under the story (`STORY#<id>` / `<unit>`), so a story's page is one
 * query; the byDate index lists a unit's stories under `UNIT#<unit>`, with the part itself as the projected `entry`.
 */
export class DynamoDbStoryStore implements StoryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listUnit(unit: string): Promise<StoryDay[]> {
    const days: StoryDay[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        IndexName: BY_DATE_INDEX.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': BY_DATE_INDEX.partitionKey },
        ExpressionAttributeValues: { ':pk': keys.unitStories(unit) },
      },
    );
    for await (const page of pages) for (const item of page.Items ?? []) days.push(item.entry as StoryDay);
    return days.sort((a, b) => compareStrings(a.story, b.story));
  }

  async putUnit(unit: string, next: readonly StoryDay[], previous: readonly StoryDay[], at: string): Promise<void> {
    // Only the parts that changed are written: stored attributes come back in any order, so compared by key.
    const before = new Map(previous.map((day) => [day.story, storyDayKey(day)]));
    const kept = new Set(next.map((day) => day.story));
    const writes: WriteRequest[] = [];
    for (const day of next) {
      if (before.get(day.story) === storyDayKey(day)) continue;
      writes.push({
        PutRequest: {
          Item: {
            ...keys.storyDay(day.story, unit),
            [BY_DATE_INDEX.partitionKey]: keys.unitStories(unit),
            [BY_DATE_INDEX.sortKey]: day.story,
            entry: day,
            updatedAt: at,
          },
        },
      });
    }
    for (const day of previous) {
      if (!kept.has(day.story)) writes.push({ DeleteRequest: { Key: keys.storyDay(day.story, unit) } });
    }
    await batchWriteAll(this.client, this.tableName, writes);
  }

  async getStory(id: string): Promise<StoredStoryDay[]> {
    const days: StoredStoryDay[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.story(id) },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? [])
        days.push({ ...(item.entry as StoryDay), updatedAt: item.updatedAt as string });
    }
    return days.sort((a, b) => compareStrings(a.date, b.date));
  }
}
