import type { SQSClient } from '@aws-sdk/client-sqs';
import type { IngestQueue, IngestRequest } from '../core/ports';
import { encodeS3EventKey } from './s3-event-key';

/** The event name that marks a request from reconciliation rather than from S3. */
export const RECONCILED_EVENT = 'ObjectCreated:Reconciled';

/** SendMessageBatch takes at most ten messages. */
const BATCH = 10;

/**
 * Puts ingest requests on the ingest queue shaped as the S3 notifications the ingest
 * function already consumes, so that it needs no second way in.
 */
export class SqsIngestQueue implements IngestQueue {
  /**
   * `client` is asked for on the first batch: most scheduled runs requeue nothing, and neither the client nor the SDK's
   * SQS code is paid for in the generator's cold start (imported through ./sqs-sdk, which esbuild bundles as a module
   * evaluated on that first import). The provider is to return the same client each time.
   */
  constructor(
    private readonly client: () => Promise<SQSClient>,
    private readonly queueUrl: string,
  ) {}

  async enqueue(requests: readonly IngestRequest[]): Promise<void> {
    if (requests.length === 0) return;
    const [client, { SendMessageBatchCommand }] = await Promise.all([this.client(), import('./sqs-sdk')]);
    for (let start = 0; start < requests.length; start += BATCH) {
      const batch = requests.slice(start, start + BATCH);
      const { Failed = [] } = await client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((request, index) => ({ Id: String(index), MessageBody: messageFor(request) })),
        }),
      );
      if (Failed.length > 0) {
        throw new Error(
          `the ingest queue refused ${Failed.length} message(s): ${Failed[0]?.Message ?? Failed[0]?.Code}`,
        );
      }
    }
  }
}

function messageFor({ key, sequencer }: IngestRequest): string {
  return JSON.stringify({
    Records: [
      {
        eventSource: 'headline-digest:reconciliation',
        eventName: RECONCILED_EVENT,
        s3: {
          object: { key: encodeS3EventKey(key), sequencer },
        },
      },
    ],
  });
}
