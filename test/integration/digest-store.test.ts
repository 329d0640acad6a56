import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import { DynamoDbDigestStore, MAX_PART_BYTES, splitUtf8 } from '../../functions/adapters/dynamodb-digest-store';
import { keys } from '../../functions/adapters/table-schema';
import type { Digest } from '../../functions/core/digest';
import { createDocumentClient } from '../../functions/shared/clients';
import { type Service, startService } from './support';

let service: Service;
let store: DynamoDbDigestStore;
beforeAll(async () => {
  service = await startService();
  store = new DynamoDbDigestStore(service.documents, service.tableName);
});
afterAll(() => service.close());

/** A digest of `count` articles with multi-byte text, so that parts end next to multi-byte characters. */
function digestOf(count: number, generatedAt = '2026-01-01T00:00:00.000Z'): Digest {
  return {
    date: '2022-05',
    level: 'month',
    generatedAt,
    articleCount: count,
    articles: Array.from({ length: count }, (_, index) => ({
      id: index.toString(16).padStart(16, '0'),
      date: '2022-05',
      headline: `Oekraïne en België 🇧🇪 sluiten akkoord nummer ${index}`,
      summary: 'Één zin met €, ï, ë en 🙂 erin, herhaald om de digest groot te maken. '.repeat(8),
      language: 'nl',
      wordCount: 300,
      url: `/articles/${index}`,
    })),
  } as unknown as Digest;
}

async function partCount(): Promise<number> {
  let count = 0;
  // A query page stops at 1 MB of items read: a few parts.
  const pages = paginateQuery(
    { client: service.documents },
    {
      TableName: service.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :part)',
      ExpressionAttributeValues: { ':pk': keys.digest('2022-05').pk, ':part': 'PART#' },
    },
  );
  for await (const page of pages) count += page.Items?.length ?? 0;
  return count;
}

describe('digests larger than a DynamoDB item', () => {
  it('are stored in parts and read back exactly', async () => {
    const digest = digestOf(3000);
    const size = Buffer.byteLength(JSON.stringify(digest));
    expect(size).toBeGreaterThan(4 * MAX_PART_BYTES);
    expect(await store.put(digest, 1)).toBe(true);
    expect(await store.get('2022-05')).toEqual(digest);
    expect(await partCount()).toBe(Math.ceil(size / MAX_PART_BYTES));
  });

  it('leave no parts of a superseded version behind', async () => {
    const newer = digestOf(2000, '2026-01-02T00:00:00.000Z');
    expect(await store.put(newer, 2)).toBe(true);
    expect(await store.get('2022-05')).toEqual(newer);
    expect(await partCount()).toBe(splitUtf8(JSON.stringify(newer), MAX_PART_BYTES).length);
  });

  it('refuse an older version, and clean up what it wrote', async () => {
    const parts = await partCount();
    expect(await store.put(digestOf(2500), 1)).toBe(false);
    expect(await partCount()).toBe(parts);
    expect((await store.get('2022-05'))?.articleCount).toBe(2000);
  });

  it('stay consistent when two generators write the same version at once', async () => {
    const a = digestOf(2200, '2026-01-03T00:00:00.000Z');
    const b = digestOf(2300, '2026-01-03T00:00:01.000Z');
    const results = await Promise.all([store.put(a, 3), store.put(b, 3)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = await store.get('2022-05');
    expect(stored).toEqual(results[0] ? a : b);
    expect(await partCount()).toBe(splitUtf8(JSON.stringify(stored), MAX_PART_BYTES).length);
  });

  it('go back to a single item when the digest shrinks', async () => {
    const small = digestOf(5);
    expect(await store.put(small, 4)).toBe(true);
    expect(await store.get('2022-05')).toEqual(small);
    expect(await partCount()).toBe(0);
  });

  it('are read whole once per container, then with one small read while their version stands', async () => {
    const sent: string[] = [];
    const counting = createDocumentClient();
    counting.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize' },
    );
    const reader = new DynamoDbDigestStore(counting, service.tableName);
    const digest = digestOf(3000, '2026-01-05T00:00:00.000Z');
    expect(await store.put(digest, 10)).toBe(true);
    expect(await reader.get('2022-05')).toEqual(digest);
    expect(sent.length).toBeGreaterThan(1);
    sent.length = 0;
    expect(await reader.get('2022-05')).toEqual(digest);
    expect(sent).toHaveLength(1);
    // A newer version is read in full again, never served from the old one.
    const newer = digestOf(2900, '2026-01-06T00:00:00.000Z');
    expect(await store.put(newer, 11)).toBe(true);
    expect(await reader.get('2022-05')).toEqual(newer);
    counting.destroy();
  });
});

describe('splitUtf8', () => {
  it('never exceeds the byte limit nor splits a character', () => {
    const text = 'aé€🙂'.repeat(1000);
    const pieces = splitUtf8(text, 10);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(10);
      expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });
});
