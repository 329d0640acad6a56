import type { SQSEvent } from 'aws-lambda';
import { LocalQueue } from '../../scripts/local/local-queue';

describe('LocalQueue (SQS with a Lambda event source mapping)', () => {
  it('delivers in batches and redelivers only the reported failures', async () => {
    const received: string[][] = [];
    let failOnce = true;
    const queue = new LocalQueue({
      batchSize: 2,
      redeliveryDelayMs: 1,
      handler: async (event: SQSEvent) => {
        received.push(event.Records.map((record) => record.body));
        const bad = event.Records.find((record) => record.body === 'b');
        if (bad && failOnce) {
          failOnce = false;
          return { batchItemFailures: [{ itemIdentifier: bad.messageId }] };
        }
        return { batchItemFailures: [] };
      },
    });
    for (const body of ['a', 'b', 'c']) queue.send(body);
    await queue.idle();
    expect(received).toEqual([['a', 'b'], ['c'], ['b']]);
    expect(queue.deadLetters).toEqual([]);
  });

  it('dead-letters a message after maxReceiveCount failed receives', async () => {
    const receiveCounts: string[] = [];
    const queue = new LocalQueue({
      maxReceiveCount: 3,
      redeliveryDelayMs: 1,
      handler: async (event) => {
        receiveCounts.push(...event.Records.map((record) => record.attributes.ApproximateReceiveCount));
        throw new Error('handler crashed');
      },
    });
    queue.send('poison');
    await queue.idle();
    expect(receiveCounts).toEqual(['1', '2', '3']);
    expect(queue.deadLetters).toEqual([expect.objectContaining({ body: 'poison', receiveCount: 3 })]);
  });

  it('is idle at once when nothing was sent', async () => {
    const queue = new LocalQueue({ handler: async () => undefined });
    await expect(queue.idle()).resolves.toBeUndefined();
  });
});
