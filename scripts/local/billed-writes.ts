import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { BY_DATE_INDEX, TABLE_KEYS } from '../../functions/adapters/table-schema';

/**
 * Write units as DynamoDB bills them, which DynamoDB Local's ReturnConsumedCapacity does not report for transactions
 * (it rounds a transaction's items up together and counts them four times). Per AWS's documentation: each item
 * written costs one unit per KB of the larger of its size before and after, rounded up; twice that in a transaction;
 * the byDate index costs one more write per KB of its projected item (keys, `entry`, 100 bytes overhead) whenever
 * its keys or projected attributes change, counted here at the rate of the write that caused it (conservative).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
 */

export interface BilledWrite {
  readonly command: string;
  readonly table: string;
  readonly key: Readonly<Record<string, unknown>>;
  readonly transactional: boolean;
  readonly tableUnits: number;
  readonly indexUnits: number;
}

type Item = Readonly<Record<string, unknown>>;

const KB = 1024;
const INDEX_OVERHEAD_BYTES = 100;
const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;

/** An attribute value's size in bytes, by DynamoDB's rules (strings and binaries by length, numbers by digits). */
export function valueSize(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return bytes(value);
  if (typeof value === 'number' || typeof value === 'bigint') {
    const digits =
      String(value)
        .replace(/^-|\.|e.*$/giu, '')
        .replace(/^0+/u, '').length || 1;
    return Math.ceil(digits / 2) + 1;
  }
  if (value instanceof Uint8Array) return value.length;
  if (value instanceof Set) return [...value].reduce((sum: number, element) => sum + valueSize(element), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, element) => sum + 1 + valueSize(element), 0);
  if (typeof value === 'object') return 3 + itemSize(value as Item) + Object.keys(value).length;
  throw new Error(`no DynamoDB size for ${typeof value}`);
}

/** An item's size: every attribute's name and value. */
export function itemSize(item: Item): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + bytes(name) + valueSize(value), 0);
}

const units = (size: number) => Math.max(1, Math.ceil(size / KB));

const INDEX_ATTRIBUTES = [
  TABLE_KEYS.partitionKey,
  TABLE_KEYS.sortKey,
  BY_DATE_INDEX.partitionKey,
  BY_DATE_INDEX.sortKey,
  ...BY_DATE_INDEX.projectedAttributes,
];

/** The item as the byDate index holds it, or undefined when the item is not in the index. */
function indexed(item: Item | undefined): Item | undefined {
  if (!item || item[BY_DATE_INDEX.partitionKey] === undefined || item[BY_DATE_INDEX.sortKey] === undefined) return;
  return Object.fromEntries(INDEX_ATTRIBUTES.filter((name) => name in item).map((name) => [name, item[name]]));
}

function sameIndexed(a: Item | undefined, b: Item | undefined): boolean {
  return JSON.stringify(a, setsAsArrays) === JSON.stringify(b, setsAsArrays);
}
const setsAsArrays = (_key: string, value: unknown) => (value instanceof Set ? [...value].sort() : value);

/** The billed units of one item's write, from the item before and after it. */
export function billedWrite(
  command: string,
  table: string,
  key: Item,
  transactional: boolean,
  before: Item | undefined,
  after: Item | undefined,
): BilledWrite {
  const rate = transactional ? 2 : 1;
  const size = Math.max(before ? itemSize(before) : 0, after ? itemSize(after) : 0);
  const [oldIndexed, newIndexed] = [indexed(before), indexed(after)];
  let indexUnits = 0;
  if (!sameIndexed(oldIndexed, newIndexed)) {
    const keysMoved =
      oldIndexed &&
      newIndexed &&
      (oldIndexed[BY_DATE_INDEX.partitionKey] !== newIndexed[BY_DATE_INDEX.partitionKey] ||
        oldIndexed[BY_DATE_INDEX.sortKey] !== newIndexed[BY_DATE_INDEX.sortKey]);
    // A moved index entry is a delete and a put; otherwise one write of the larger projected item.
    const sizes = [oldIndexed, newIndexed].flatMap((item) => (item ? [itemSize(item) + INDEX_OVERHEAD_BYTES] : []));
    indexUnits = keysMoved ? sizes.reduce((sum, one) => sum + units(one), 0) : units(Math.max(...sizes));
  }
  return { command, table, key, transactional, tableUnits: rate * units(size), indexUnits: rate * indexUnits };
}

/** Reads an item as it is now, past the counted client, so that reading it is not counted. */
export async function currentItem(reader: DynamoDBDocumentClient, table: string, key: Item): Promise<Item | undefined> {
  const { Item } = await reader.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
  return Item;
}

/** The write units of `writes` together, table and index. */
export function billedUnits(writes: readonly BilledWrite[]): number {
  return writes.reduce((sum, write) => sum + write.tableUnits + write.indexUnits, 0);
}
