import { GetObjectCommand, NoSuchKey, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import type { SeedObject, SeedSource } from '../core/ports';

export class S3SeedSource implements SeedSource {
  constructor(
    private readonly client: S3Client,
    private readonly bucketName: string,
  ) {}

  async read(key: string, maxBytes: number): Promise<SeedObject | undefined> {
    try {
      const { Body, ContentLength = 0 } = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucketName, Key: key }),
      );
      if (!Body) throw new Error(`s3://${this.bucketName}/${key} has no body`);
      if (ContentLength > maxBytes) {
        // Only the size is needed to refuse it; the rest of the body is never downloaded.
        (Body as { destroy?: () => void }).destroy?.();
        return { key, size: ContentLength };
      }
      const bytes = await Body.transformToByteArray();
      return { key, size: bytes.length, bytes };
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  async *list(): AsyncIterable<string> {
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucketName })) {
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
    }
  }
}
