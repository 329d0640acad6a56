import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDbArticleStore } from '../../functions/adapters/dynamodb-article-store';
import { DynamoDbNameStore } from '../../functions/adapters/dynamodb-name-store';
import { ingestObjectEvent } from '../../functions/app/ingest-object';
import type { SeedSource } from '../../functions/core/ports';
import { createDocumentClient } from '../../functions/shared/clients';
import { type BilledWrite, billedUnits } from './billed-writes';
import { type CommandCapacity, countCapacity } from './consumed-capacity';

export interface SeedWriteCost {
  readonly key: string;
  readonly bytes: number;
  /** Write units of ingesting the file as a new article, as DynamoDB Local reported them. */
  readonly writeUnits: number;
  /** The same writes as DynamoDB bills them (billed-writes.ts): transactions twice, by item, index included. */
  readonly billedWriteUnits: number;
  /** Of those, the article's own: its text put and its transaction (object record, article, its own period). */
  readonly articleBilledWriteUnits: number;
  /** Of those, the name index's follow-up (issue #15): one item per name and its counts. */
  readonly nameBilledWriteUnits: number;
  /** Each item written, with its billed units. */
  readonly billed: readonly BilledWrite[];
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
  const reader = createDocumentClient(connection);
  const tally = countCapacity(client, reader);
  const seeds: SeedSource = {
    read: async (key) => {
      const bytes = files.get(key);
      return bytes ? { key, bytes, size: bytes.length } : undefined;
    },
    list: async function* () {
      yield* files.keys();
    },
  };
  const deps = {
    seeds,
    articles: new DynamoDbArticleStore(client, tableName),
    names: new DynamoDbNameStore(client, tableName),
  };
  const isName = (write: BilledWrite) => String(write.key.pk).startsWith('NAME');
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
        billedWriteUnits: tally.billedWriteUnits(),
        articleBilledWriteUnits: billedUnits(tally.billed.filter((write) => !isName(write))),
        nameBilledWriteUnits: billedUnits(tally.billed.filter(isName)),
        billed: [...tally.billed],
        readUnits: tally.readUnits(),
        byCommand: Object.fromEntries(tally.byCommand),
      });
    }
  } finally {
    client.destroy();
    reader.destroy();
  }
  return costs;
}

const ROOT = resolve(import.meta.dirname, '../..');
const EVAL_ARTICLES = join(ROOT, 'test/fixtures/eval/articles');

/**
 * The articles the write cost is measured on, by key: the shipped seeds, and a long one (about 5.6 KB: three Dutch
 * evaluation articles' paragraphs, three times, under one date).
 */
export function writeCostFiles(prefix = ''): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const seeds = join(ROOT, 'seeds');
  for (const name of readdirSync(seeds).sort()) files.set(`${prefix}${name}`, readFileSync(join(seeds, name)));
  const paragraphs = ['nl-01-fietsbrug-gent.txt', 'nl-03-storm-treinen.txt', 'nl-11-woningbouw.txt']
    .map((name) => readFileSync(join(EVAL_ARTICLES, name), 'utf8').replace(/^\s*date \S+ /u, ''))
    .join('\n\n');
  files.set(`${prefix}long.txt`, Buffer.from(` date 2024-03-12 ${paragraphs}\n\n${paragraphs}\n\n${paragraphs}`));
  return files;
}
