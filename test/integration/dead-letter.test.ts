import { DeleteBucketCommand } from '@aws-sdk/client-s3';
import { lambdaContext } from '../../scripts/local/lambda-context';
import { call, nextSequencer, type Service, sqsEventFor, startService } from './support';

let service: Service;
beforeAll(async () => {
  service = await startService();
  // Every read of a seed now fails: the bucket the function is bound to is gone.
  await service.s3.send(new DeleteBucketCommand({ Bucket: service.bucketName }));
});
afterAll(() => service.close());

const deliver = (key: string, receiveCount: number) =>
  service.ingest(
    sqsEventFor(service.bucketName, [key], 'ObjectCreated:Put', nextSequencer, receiveCount),
    lambdaContext('ingest'),
  );

describe('an event that cannot be processed', () => {
  it('fails the invocation when every record fails, so that SQS delivers the batch again', async () => {
    expect.assertions(2);
    await expect(deliver('unreadable.txt', 1)).rejects.toThrow('All records failed processing');
    expect((await call(service, '/admin/ingest-status')).body.deadLettered).toBe(0);
  });

  it('is recorded as dead-lettered on its last delivery, where operators see it', async () => {
    expect.assertions(2);
    await expect(deliver('unreadable.txt', 3)).rejects.toThrow('All records failed processing');
    expect((await call(service, '/admin/ingest-status')).body).toMatchObject({ deadLettered: 1, ingested: 0 });
  });

  it('fails only its own record in a batch', async () => {
    // A removal needs no read of the bucket, so it succeeds beside the garbled record.
    const event = sqsEventFor(service.bucketName, ['a.txt', 'b.txt'], 'ObjectRemoved:Delete');
    const garbled = { ...event.Records[1], body: 'not json' } as (typeof event.Records)[number];
    const response = await service.ingest(
      { Records: [event.Records[0], garbled] as typeof event.Records },
      lambdaContext('ingest'),
    );
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: garbled.messageId }]);
    expect((await call(service, '/admin/ingest-status')).body.deleted).toBe(1);
  });
});
