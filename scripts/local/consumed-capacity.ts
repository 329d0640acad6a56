import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

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
export function countCapacity(client: DynamoDBDocumentClient): CapacityTally {
  const byCommand = new Map<string, CommandCapacity>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      const name = context.commandName ?? 'unknown';
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
    reset: () => byCommand.clear(),
  };
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
