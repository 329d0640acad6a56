import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type BilledWrite, billedUnits, billedWrite, currentItem } from './billed-writes';

/** Capacity DynamoDB reported for one kind of command, summed over its calls. */
export interface CommandCapacity {
  calls: number;
  writeUnits: number;
  readUnits: number;
}

/**
 * What a client consumed, as DynamoDB reports it (`ReturnConsumedCapacity: 'TOTAL'`, indexes included): by command
 * name, so that one path's writes (the article's transaction, a later name-index BatchWriteItem) are told apart.
 */
export interface CapacityTally {
  readonly byCommand: Map<string, CommandCapacity>;
  writeUnits(): number;
  readUnits(): number;
  /** Each item written, with its units as DynamoDB bills them (only when a reader was given). */
  readonly billed: BilledWrite[];
  /** Write units as DynamoDB bills them, table and index (only when a reader was given). */
  billedWriteUnits(): number;
  reset(): void;
}

interface ReportedCapacity {
  readonly CapacityUnits?: number;
  readonly WriteCapacityUnits?: number;
  readonly ReadCapacityUnits?: number;
}

/**
 * Asks every command this client sends to report its consumed capacity and adds it up. For measurements only (tests,
 * benchmarks): the handlers never ask for it. A report without a read/write split (DynamoDB Local gives only
 * `CapacityUnits` for some operations) counts as writes for write commands and as reads for the rest.
 */
export function countCapacity(client: DynamoDBDocumentClient, reader?: DynamoDBDocumentClient): CapacityTally {
  const byCommand = new Map<string, CommandCapacity>();
  const billed: BilledWrite[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const name = context.commandName ?? 'unknown';
      const targets = reader ? writeTargets(name, args.input as Record<string, unknown>) : [];
      const before = await Promise.all(
        targets.map((target) => currentItem(reader as DynamoDBDocumentClient, target.table, target.key)),
      );
      const result = await next(args);
      const after = await Promise.all(
        targets.map((target) => currentItem(reader as DynamoDBDocumentClient, target.table, target.key)),
      );
      targets.forEach((target, index) => {
        billed.push(billedWrite(name, target.table, target.key, target.transactional, before[index], after[index]));
      });
      const reported = (result.output as { ConsumedCapacity?: ReportedCapacity | ReportedCapacity[] }).ConsumedCapacity;
      const reports = reported === undefined ? [] : Array.isArray(reported) ? reported : [reported];
      const total = byCommand.get(name) ?? { calls: 0, writeUnits: 0, readUnits: 0 };
      total.calls += 1;
      const writes = WRITE_COMMANDS.has(name.replace(/Command$/u, ''));
      for (const report of reports) {
        const units = report.CapacityUnits ?? 0;
        const write = report.WriteCapacityUnits ?? (writes ? units : 0);
        const read = report.ReadCapacityUnits ?? (writes ? 0 : units);
        total.writeUnits += write;
        total.readUnits += read;
      }
      byCommand.set(name, total);
      return result;
    },
    { step: 'initialize', name: 'countConsumedCapacity' },
  );
  const sum = (key: 'writeUnits' | 'readUnits') => [...byCommand.values()].reduce((all, one) => all + one[key], 0);
  return {
    byCommand,
    writeUnits: () => sum('writeUnits'),
    readUnits: () => sum('readUnits'),
    billed,
    billedWriteUnits: () => billedUnits(billed),
    reset: () => {
      byCommand.clear();
      billed.length = 0;
    },
  };
}

interface WriteTarget {
  readonly table: string;
  readonly key: Record<string, unknown>;
  readonly transactional: boolean;
}

type Operation = { TableName?: string; Item?: Record<string, unknown>; Key?: Record<string, unknown> };

const MARSHALLED = /^(S|N|B|SS|NS|BS|M|L|NULL|BOOL)$/u;

/** The input's attributes as plain values, whether the document client has marshalled them yet or not. */
function plain(record: Record<string, unknown>): Record<string, unknown> {
  const marshalled = Object.values(record).every((value) => {
    const keys = value && typeof value === 'object' && !(value instanceof Set) ? Object.keys(value) : [];
    return keys.length === 1 && MARSHALLED.test(keys[0] as string);
  });
  return marshalled ? unmarshall(record as Parameters<typeof unmarshall>[0]) : record;
}

function keyOf(operation: Operation): Record<string, unknown> {
  const source = plain(operation.Key ?? operation.Item ?? {});
  return { pk: source.pk, sk: source.sk };
}

/** The items a write command writes: its table and key, and whether it is part of a transaction. */
function writeTargets(command: string, input: Record<string, unknown>): WriteTarget[] {
  const name = command.replace(/Command$/u, '');
  if (
    name === 'PutItem' ||
    name === 'UpdateItem' ||
    name === 'DeleteItem' ||
    name === 'Put' ||
    name === 'Update' ||
    name === 'Delete'
  ) {
    const operation = input as Operation;
    return [{ table: operation.TableName as string, key: keyOf(operation), transactional: false }];
  }
  if (name === 'TransactWriteItems' || name === 'TransactWrite') {
    const items = (input.TransactItems ?? []) as Record<string, Operation>[];
    return items.flatMap((item) =>
      Object.values(item).map((operation) => ({
        table: operation.TableName as string,
        key: keyOf(operation),
        transactional: true,
      })),
    );
  }
  if (name === 'BatchWriteItem' || name === 'BatchWrite') {
    const requests = (input.RequestItems ?? {}) as Record<
      string,
      { PutRequest?: Operation; DeleteRequest?: Operation }[]
    >;
    return Object.entries(requests).flatMap(([table, writes]) =>
      writes.map((write) => ({
        table,
        key: keyOf({ ...(write.PutRequest ?? {}), ...(write.DeleteRequest ?? {}) }),
        transactional: false,
      })),
    );
  }
  return [];
}

const WRITE_COMMANDS = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'Put',
  'Update',
  'Delete',
  'BatchWrite',
  'TransactWrite',
]);
