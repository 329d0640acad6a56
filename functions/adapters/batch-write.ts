import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';

/** A put or delete as BatchWriteItem takes it. */
export type WriteRequest =
  | { readonly PutRequest: { readonly Item: Record<string, unknown> } }
  | { readonly DeleteRequest: { readonly Key: Record<string, unknown> } };

/**
 * Every request written: BatchWriteItem takes 25 at a time and may hand some back, which are sent
 * again after a growing pause; after 8 attempts the table is taken to be refusing them.
 */
export async function batchWriteAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
): Promise<void> {
  for (let start = 0; start < requests.length; start += 25) {
    let pending: unknown[] = requests.slice(start, start + 25);
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt === 8) throw new Error(`DynamoDB kept ${pending.length} writes to ${tableName} unprocessed`);
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      const { UnprocessedItems } = await client.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }),
      );
      pending = UnprocessedItems?.[tableName] ?? [];
    }
  }
}

/**
 * Every item of these keys that exists: BatchGetItem takes 100 keys at a time and may hand some back, which are
 * asked for again after a growing pause, as writes are.
 */
export async function batchGetAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Record<string, unknown>[],
  projection?: string,
  consistent = false,
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let start = 0; start < keys.length; start += 100) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(start, start + 100);
    for (let attempt = 0; pending && pending.length > 0; attempt += 1) {
      if (attempt === 8) throw new Error(`DynamoDB kept ${pending.length} reads from ${tableName} unprocessed`);
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      const answer: BatchGetCommandOutput = await client.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: {
              Keys: pending,
              ...(projection ? { ProjectionExpression: projection } : {}),
              ...(consistent ? { ConsistentRead: true } : {}),
            },
          },
        }),
      );
      found.push(...(answer.Responses?.[tableName] ?? []));
      pending = answer.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return found;
}
