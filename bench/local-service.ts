import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { createS3Client } from '../functions/shared/clients';
import { S3RVER_CREDENTIALS } from '../scripts/local/s3-server';
import { environmentWithoutServiceSettings } from './child';
import type { GeneratedSeed } from './corpus';
import type { IngestStages } from './ingest-stages';
import type { BenchContext } from './report';

/**
 * The local service for the load benchmarks, run in a child process of its own. The handlers read
 * their configuration once per process at import, so a process of its own is what gives each
 * benchmark a fresh table, bucket and queue whatever else this process has imported or set in
 * `process.env`; the service's event loop is also kept apart from the load generator's, as a
 * deployed one would be, and whatever it leaves behind goes with the process.
 */

export interface ServiceEndpoints {
  readonly apiUrl: string;
  readonly s3Endpoint: string;
  readonly bucketName: string;
  readonly tableName: string;
}

export interface QueueState {
  readonly deadLetters: number;
  /** Failed deliveries that went back to the queue: each costs at least the redelivery delay. */
  readonly redeliveries: number;
}

/** What the parent can ask of the service process, and what each answers. */
export interface Commands {
  /** Waits until every S3 event so far has been ingested, rejected or dead-lettered. */
  idle: { args: Record<string, never>; result: QueueState };
  generateDigests: { args: Record<string, never>; result: null };
  /** The stored digest item of a date: its JSON inline (`bodyBytes`), or split into `parts` items. */
  digestItem: { args: { date: string }; result: { bodyBytes: number | null; parts: number | null } };
  /** Starts the baseline of the API benchmark beside the service and answers its address. */
  startBaselineApi: { args: Record<string, never>; result: { url: string } };
  /** The baseline of the ingest benchmark: GetObject + PutItem of every key, `concurrency` at a time. */
  copyObjects: {
    args: { bucketName: string; keys: readonly string[]; concurrency: number };
    result: { elapsedMs: number; stored: number };
  };
  /** CPU time the service process has used so far (user + system), to divide by the work done between two reads. */
  cpuTime: { args: Record<string, never>; result: { ms: number } };
  /** Ingests these keys of a bucket the ingest function does not serve, one at a time, timing each stage. */
  ingestStages: {
    args: { bucketName: string; keys: readonly string[] };
    result: IngestStages;
  };
  /** Ingests the write-cost articles as new ones and answers what each wrote (scripts/local/write-cost.ts). */
  writeCost: {
    args: Record<string, never>;
    result: {
      key: string;
      bytes: number;
      billedWriteUnits: number;
      /** The article's own writes (its text and its transaction), and the name index's follow-up (issue #15). */
      articleBilledWriteUnits: number;
      nameBilledWriteUnits: number;
      reportedWriteUnits: number;
    }[];
  };
  stop: { args: Record<string, never>; result: null };
}

export type Request = {
  [Name in keyof Commands]: { id: number; command: Name; args: Commands[Name]['args'] };
}[keyof Commands];

export type Reply =
  | { ready: ServiceEndpoints }
  | { id: number; result: unknown }
  | { id: number; error: string }
  | { failed: string };

export interface BenchService extends ServiceEndpoints {
  /** A client for the service's s3rver, as a user's upload tool would have. */
  readonly s3: S3Client;
  call<Name extends keyof Commands>(
    command: Name,
    ...args: Commands[Name]['args'] extends Record<string, never> ? [] : [Commands[Name]['args']]
  ): Promise<Commands[Name]['result']>;
  /** Stops the stack and waits for the process to exit. */
  stop(): Promise<void>;
}

const SERVICE_PROCESS = resolve(import.meta.dirname, 'local-service-process.ts');
const PROJECT_ROOT = resolve(import.meta.dirname, '..');

async function startBenchService(): Promise<BenchService> {
  const child = fork(SERVICE_PROCESS, [], {
    cwd: PROJECT_ROOT,
    execPath: process.execPath,
    execArgv: ['--import', 'tsx'],
    // As `npm start` runs the service: warnings and errors only, no metrics lines.
    // The stack sets its own settings; what this process carries (a profile, a session token, another
    // benchmark's stack) must not mix with them.
    env: {
      ...environmentWithoutServiceSettings(),
      POWERTOOLS_LOG_LEVEL: 'WARN',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_DEV: 'true',
    },
    // The service's own output goes to stderr with the progress, keeping stdout for the results table.
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.once('exit', (code, signal) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`the service process exited (${code ?? signal})`));
    pending.clear();
  });
  // A process that does not stop in time must not outlive the run with its engines.
  const ended = async () => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  const endpoints = await waitUntilReady(child).catch(async (error: unknown) => {
    await ended();
    throw error;
  });
  child.on('message', (reply: Reply) => {
    if (!('id' in reply)) return;
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) waiter?.reject(new Error(`service: ${reply.error}`));
    else waiter?.resolve(reply.result);
  });

  let nextId = 0;
  const call = ((command: keyof Commands, args: Commands[keyof Commands]['args'] = {}) =>
    new Promise((resolve, reject) => {
      if (!child.connected) return reject(new Error('the service process is gone'));
      nextId += 1;
      pending.set(nextId, { resolve, reject });
      child.send({ id: nextId, command, args } as Request);
    })) as BenchService['call'];

  const s3 = createS3Client({
    endpoint: endpoints.s3Endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: S3RVER_CREDENTIALS,
  });
  return {
    ...endpoints,
    s3,
    call,
    stop: async () => {
      s3.destroy();
      try {
        await call('stop');
      } finally {
        await ended();
      }
    },
  };
}

function waitUntilReady(child: ChildProcess): Promise<ServiceEndpoints> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the service process exited with ${code} at start`));
    child.once('exit', onExit);
    child.once('message', (reply: Reply) => {
      child.off('exit', onExit);
      if ('ready' in reply) resolve(reply.ready);
      else reject(new Error(`the service did not start: ${'failed' in reply ? reply.failed : JSON.stringify(reply)}`));
    });
  });
}

/** A benchmark's whole run against a service of its own: started, measured, and stopped whatever happens. */
export async function withBenchService<T>(
  context: BenchContext,
  measure: (service: BenchService) => Promise<T>,
): Promise<T> {
  context.log('starting the local service (DynamoDB Local, s3rver, queue, API)');
  const service = await startBenchService();
  try {
    return await measure(service);
  } finally {
    await service.stop();
  }
}

/** Puts seed files into a bucket `concurrency` at a time, as the upload tool does; answers when the last is stored. */
export async function uploadSeeds(
  service: BenchService,
  bucketName: string,
  seeds: readonly GeneratedSeed[],
  concurrency: number,
): Promise<void> {
  const limit = pLimit(concurrency);
  await Promise.all(
    seeds.map((seed) =>
      limit(async () => {
        const body = Buffer.from(seed.text);
        await service.s3.send(
          new PutObjectCommand({ Bucket: bucketName, Key: seed.key, Body: body, ContentLength: body.length }),
        );
      }),
    ),
  );
}

/** The object counts the API reports: how the benchmarks check that every file ended up stored. */
export async function ingestStatus(service: BenchService): Promise<{ ingested: number; rejected: number }> {
  const response = await fetch(`${service.apiUrl}/admin/ingest-status`);
  if (!response.ok) throw new Error(`GET /admin/ingest-status answered ${response.status}`);
  return (await response.json()) as { ingested: number; rejected: number };
}
