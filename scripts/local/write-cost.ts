import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDbArticleStore } from '../../functions/adapters/dynamodb-article-store';
import { ingestObjectEvent } from '../../functions/app/ingest-object';
import type { SeedSource } from '../../functions/core/ports';
import { createDocumentClient } from '../../functions/shared/clients';
import { type CommandCapacity, countCapacity } from './consumed-capacity';

export interface SeedWriteCost {
  readonly key: string;
  readonly bytes: number;
  /** Write units of ingesting the file as a new article, as DynamoDB reported them (transactions count double). */
  readonly writeUnits: number;
  readonly readUnits: number;
  readonly byCommand: Readonly<Record<string, CommandCapacity>>;
}

/**
 * Ingests each file once, as a new article, through the real ingest path and article store, and returns what
 * DynamoDB says each cost. The client is a fresh one with a counting middleware, so nothing else is counted.
 */
export async function measureSeedWrites(
  tableName: string,
  files: ReadonlyMap<string, Uint8Array>,
  connection: DynamoDBClientConfig = {},
): Promise<SeedWriteCost[]> {
  const client = createDocumentClient(connection);
  const tally = countCapacity(client);
  const seeds: SeedSource = {
    read: async (key) => {
      const bytes = files.get(key);
      return bytes ? { key, bytes, size: bytes.length } : undefined;
    },
    list: async function* () {
      yield* files.keys();
    },
  };
  const deps = { seeds, articles: new DynamoDbArticleStore(client, tableName) };
  const costs: SeedWriteCost[] = [];
  try {
    let sequencer = 1;
    for (const [key, bytes] of files) {
      tally.reset();
      const result = await ingestObjectEvent(
        deps,
        { key, kind: 'created', sequencer: (sequencer++).toString(16) },
        new Date('2026-12-01T00:00:00Z'),
      );
      if (result.status !== 'ingested') throw new Error(`${key} was not ingested: ${result.status}`);
      costs.push({
        key,
        bytes: bytes.length,
        writeUnits: tally.writeUnits(),
        readUnits: tally.readUnits(),
        byCommand: Object.fromEntries(tally.byCommand),
      });
    }
  } finally {
    client.destroy();
  }
  return costs;
}
