import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type BatchHandler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

export interface DeadLetter {
  readonly messageId: string;
  readonly body: string;
  readonly receiveCount: number;
  readonly deadLetteredAt: string;
}

interface Message {
  readonly messageId: string;
  readonly body: string;
  readonly sentAt: number;
  receiveCount: number;
}

export interface LocalQueueOptions {
  readonly handler: BatchHandler;
  readonly batchSize?: number;
  /** As the deployed queue's redrive policy: after this many failed receives a message is dead-lettered. */
  readonly maxReceiveCount?: number;
  /** Stands in for the visibility timeout: how long a failed message waits before it is received again. */
  readonly redeliveryDelayMs?: number;
  readonly onDeadLetter?: (letter: DeadLetter) => void;
}

/**
 * SQS with a Lambda event source mapping, as far as the ingest function can tell: batches
 * of records, partial batch responses (only the reported failures come back), redelivery,
 * and a dead-letter list after `maxReceiveCount` receives.
 */
export class LocalQueue {
  readonly deadLetters: DeadLetter[] = [];
  /** How many times a failed message was delivered again. */
  redeliveries = 0;
  private readonly ready: Message[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private outstanding = 0;
  private processing = false;
  private idleWaiters: (() => void)[] = [];
  private readonly batchSize: number;
  private readonly maxReceiveCount: number;
  private readonly redeliveryDelayMs: number;

  constructor(private readonly options: LocalQueueOptions) {
    this.batchSize = options.batchSize ?? 10;
    this.maxReceiveCount = options.maxReceiveCount ?? 3;
    this.redeliveryDelayMs = options.redeliveryDelayMs ?? 1000;
  }

  send(body: string): void {
    this.outstanding += 1;
    this.ready.push({ messageId: randomUUID(), body, sentAt: Date.now(), receiveCount: 0 });
    // Like the event source mapping's batching window: messages sent together are received together.
    setImmediate(() => void this.pump());
  }

  /** Resolves once every message sent so far has been processed or dead-lettered. */
  idle(): Promise<void> {
    if (this.outstanding === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops redelivery timers; messages still waiting are dropped with the local stack. */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async pump(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.ready.length > 0) {
        const batch = this.ready.splice(0, this.batchSize);
        for (const message of batch) message.receiveCount += 1;
        const failed = await this.deliver(batch);
        for (const message of batch) {
          if (failed.has(message.messageId)) this.retryOrDeadLetter(message);
          else this.settle();
        }
      }
    } finally {
      this.processing = false;
    }
  }

  private async deliver(batch: Message[]): Promise<Set<string>> {
    try {
      const response = await this.options.handler({ Records: batch.map(toRecord) });
      return new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch {
      // A handler that throws fails the whole batch, as with Lambda.
      return new Set(batch.map((message) => message.messageId));
    }
  }

  private retryOrDeadLetter(message: Message): void {
    if (message.receiveCount >= this.maxReceiveCount) {
      const letter = {
        messageId: message.messageId,
        body: message.body,
        receiveCount: message.receiveCount,
        deadLetteredAt: new Date().toISOString(),
      };
      this.deadLetters.push(letter);
      this.options.onDeadLetter?.(letter);
      this.settle();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.redeliveries += 1;
      this.ready.push(message);
      void this.pump();
    }, this.redeliveryDelayMs * message.receiveCount);
    this.timers.add(timer);
  }

  private settle(): void {
    this.outstanding -= 1;
    if (this.outstanding > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function toRecord(message: Message): SQSRecord {
  return {
    messageId: message.messageId,
    receiptHandle: message.messageId,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(message.sentAt),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:local:000000000000:ingest-queue',
    awsRegion: 'local',
  };
}
