import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { type Service, startService } from './support';

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the production S3 client against s3rver', () => {
  it('stores a streamed multi-megabyte upload byte for byte', async () => {
    const content = randomBytes(6 * 1024 * 1024);
    const chunks = Array.from({ length: 24 }, (_, index) => content.subarray(index * 262_144, (index + 1) * 262_144));
    await service.s3.send(
      new PutObjectCommand({
        Bucket: service.bucketName,
        Key: 'large/streamed.bin',
        Body: Readable.from(chunks),
        ContentLength: content.length,
      }),
    );
    const { Body, ContentLength } = await service.s3.send(
      new GetObjectCommand({ Bucket: service.bucketName, Key: 'large/streamed.bin' }),
    );
    const stored = await Body?.transformToByteArray();
    expect(ContentLength).toBe(content.length);
    expect(sha256(stored ?? new Uint8Array())).toBe(sha256(content));
  });
});
