import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { type LocalStack, PROJECT_ROOT, startLocalStack } from '../../scripts/local/stack';
import { SEEDS_DIRECTORY } from '../seed-files';
import { fetchJson } from './support';

let stack: LocalStack;
let s3Directory: string;

beforeAll(async () => {
  s3Directory = await mkdtemp(join(tmpdir(), 'headline-digest-stack-'));
  stack = await startLocalStack({
    host: '127.0.0.1',
    apiPort: 0,
    s3Port: 0,
    dynamoDbPort: 0,
    dynamoDbEndpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB as string,
    bucketName: 'local-stack-test',
    tableName: 'local-stack-test',
    seedsDirectory: SEEDS_DIRECTORY,
    generateIntervalSeconds: 0,
    dynamoDbLocalDirectory: join(PROJECT_ROOT, '.local', 'dynamodb-local'),
    s3Directory,
  });
});

afterAll(async () => {
  await stack.stop();
  await rm(s3Directory, { recursive: true, force: true });
});

const getJson = (path: string) => fetchJson(`${stack.apiUrl}${path}`);

describe('the local stack', () => {
  it('has ingested and generated the seeds by the time it has started', async () => {
    const { statusCode, headers, body } = await getJson('/digests/2021-12');
    expect(statusCode).toBe(200);
    expect(headers['content-type']).toMatch(/^application\/json/);
    expect(body.articleCount).toBe(2);
    expect(body.generatedAt).toEqual(expect.any(String));
  });

  it('ingests a file uploaded with an ordinary S3 client, as S3 → SQS → Lambda would', async () => {
    // A client configured only by endpoint and credentials, as a user's own tool would be.
    const client = new S3Client({
      endpoint: stack.s3Endpoint,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    await client.send(
      new PutObjectCommand({
        Bucket: stack.bucketName,
        Key: 'uploads/new article.txt',
        Body: ' date 2021-12-15 In Gent opende woensdag een nieuwe brug over de Leie voor fietsers en voetgangers.',
      }),
    );
    client.destroy();
    await stack.idle();
    const { body } = await getJson('/digests/2021-12-15');
    expect(body.articles).toEqual([
      expect.objectContaining({ date: '2021-12-15', headline: expect.stringMatching(/^In Gent opende/) }),
    ]);
    const article = await getJson(body.articles[0].url);
    expect(article.body.sources).toEqual(['uploads/new article.txt']);
  });

  it('answers errors over HTTP with the JSON error body', async () => {
    const { statusCode, body } = await getJson('/digests/2021-13');
    expect(statusCode).toBe(400);
    expect(body.error.code).toBe('BadRequest');
  });

  it('dead-letters nothing when every file was handled', () => {
    expect(stack.ingestQueue.deadLetters).toEqual([]);
  });
});
