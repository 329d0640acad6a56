import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SeedObject, SeedSource } from '../core/ports';

export class S3SeedSource implements SeedSource {
  constructor(
    private readonly client: S3Client,
    private readonly bucketName: string,
  ) {}

  async read(key: string): Promise<SeedObject> {
    const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.bucketName, Key: key }));
    if (!Body) throw new Error(`s3://${this.bucketName}/${key} has no body`);
    return { key, bytes: await Body.transformToByteArray() };
  }
}
