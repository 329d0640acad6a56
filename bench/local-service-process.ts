import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import pLimit from 'p-limit';
import { keys } from '../functions/adapters/table-schema';
import { createDocumentClient, createS3Client } from '../functions/shared/clients';
import { listen } from '../scripts/local/listen';
import { PROJECT_ROOT, startLocalStack } from '../scripts/local/stack';
import { measureSeedWrites, writeCostFiles } from '../scripts/local/write-cost';
import { timeIngestStages } from './ingest-stages';
import type { Commands, Reply, Request } from './local-service';

/** The service process of `startBenchService`: the local stack, driven over IPC by the benchmark. */

const send = (reply: Reply, then?: () => void) => process.send?.(reply, undefined, {}, () => then?.());
const cleanups: (() => Promise<void> | void)[] = [];
let stopping: Promise<void> | undefined;
const stop = () => {
  stopping ??= (async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  })();
  return stopping;
};
// Should the benchmark die, the stack (and its Java engine) goes too.
process.once('disconnect', () => void stop().finally(() => process.exit()));

try {
  const s3Directory = await mkdtemp(join(tmpdir(), 'headline-digest-bench-'));
  cleanups.push(() => rm(s3Directory, { recursive: true, force: true }));
  const stack = await startLocalStack({
    host: '127.0.0.1',
    apiPort: 0,
    s3Port: 0,
    dynamoDbPort: 0,
    bucketName: 'bench-seeds',
    tableName: 'bench',
    generateIntervalSeconds: 0,
    dynamoDbLocalDirectory: join(PROJECT_ROOT, '.local', 'dynamodb-local'),
    s3Directory,
  });
  cleanups.push(() => stack.stop());
  // Made after the stack has set the endpoints, as the handlers' own clients are.
  const documents = createDocumentClient();
  cleanups.push(() => documents.destroy());
  const s3 = createS3Client();
  cleanups.push(() => s3.destroy());

  const handlers: { [Name in keyof Commands]: (args: Commands[Name]['args']) => Promise<Commands[Name]['result']> } = {
    idle: async () => {
      await stack.idle();
      return { deadLetters: stack.ingestQueue.deadLetters.length, redeliveries: stack.ingestQueue.redeliveries };
    },
    generateDigests: async () => {
      await stack.generateDigests();
      return null;
    },
    digestItem: async ({ date }) => {
      const { Item } = await documents.send(new GetCommand({ TableName: stack.tableName, Key: keys.digest(date) }));
      return {
        bodyBytes: typeof Item?.body === 'string' ? Buffer.byteLength(Item.body) : null,
        parts: typeof Item?.parts === 'number' ? Item.parts : null,
      };
    },
    startBaselineApi: async () => {
      // The least a server can do for the route: one GetItem, the stored JSON as it is.
      const server = createServer((request, response) => {
        const date = /^\/digests\/([^/?]+)$/.exec(request.url ?? '')?.[1];
        if (!date) return void response.writeHead(404).end();
        documents.send(new GetCommand({ TableName: stack.tableName, Key: keys.digest(date) })).then(
          ({ Item }) => {
            if (typeof Item?.body !== 'string') return void response.writeHead(404).end();
            response.writeHead(200, { 'content-type': 'application/json' }).end(Item.body);
          },
          () => response.writeHead(500).end(),
        );
      });
      const { url, stop: stopServer } = await listen(server, '127.0.0.1', 0);
      cleanups.push(stopServer);
      return { url };
    },
    copyObjects: async ({ bucketName, keys: objectKeys, concurrency }) => {
      // The least ingesting a file takes: read it, store it as one item. Timed here, where the handler runs.
      const limit = pLimit(concurrency);
      let stored = 0;
      const started = performance.now();
      await Promise.all(
        objectKeys.map((key) =>
          limit(async () => {
            const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucketName, Key: key }));
            const text = await Body?.transformToString('utf8');
            await documents.send(
              new PutCommand({ TableName: stack.tableName, Item: { pk: `BASELINE#${key}`, sk: 'RAW', text } }),
            );
            stored += 1;
          }),
        ),
      );
      return { elapsedMs: performance.now() - started, stored };
    },
    cpuTime: async () => {
      const { user, system } = process.cpuUsage();
      return { ms: (user + system) / 1000 };
    },
    ingestStages: ({ bucketName, keys: objectKeys }) => timeIngestStages(stack.tableName, bucketName, objectKeys),
    writeCost: async () => {
      const costs = await measureSeedWrites(stack.tableName, writeCostFiles('write-cost/'));
      return costs.map(
        ({ key, bytes, billedWriteUnits, articleBilledWriteUnits, nameBilledWriteUnits, writeUnits }) => ({
          key,
          bytes,
          billedWriteUnits,
          articleBilledWriteUnits,
          nameBilledWriteUnits,
          reportedWriteUnits: writeUnits,
        }),
      );
    },
    stop: async () => {
      await stop();
      return null;
    },
  };

  process.on('message', (request: Request) => {
    const handler = handlers[request.command] as (args: unknown) => Promise<unknown>;
    handler(request.args).then(
      (result) =>
        // Once the stack is down and the answer out, nothing is left to keep this process alive.
        send({ id: request.id, result }, request.command === 'stop' ? () => process.disconnect() : undefined),
      (error: unknown) => send({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  send({
    ready: {
      apiUrl: stack.apiUrl,
      s3Endpoint: stack.s3Endpoint,
      bucketName: stack.bucketName,
      tableName: stack.tableName,
    },
  });
} catch (error) {
  await stop();
  process.exitCode = 1;
  send({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.disconnect());
}
