import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDbArticleStore } from '../../functions/adapters/dynamodb-article-store';
import { createDocumentClient, createS3Client } from '../../functions/shared/clients';
import { type LocalStack, PROJECT_ROOT, startLocalStack } from '../../scripts/local/stack';
import { collectFiles, describeReport, uploadCorpus } from '../../scripts/upload/corpus';
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

  it('answers odd request lines and stays up', async () => {
    // `//` is the index with a trailing slash, as `/digests/` is `/digests`; a third slash is no resource.
    for (const path of ['///', '//digests', '/digests/..%2F..', '/%']) {
      const { statusCode, body } = await getJson(path);
      expect(statusCode).toBeGreaterThanOrEqual(400);
      expect(statusCode).toBeLessThan(500);
      expect(body.error.code).toEqual(expect.any(String));
    }
    expect((await getJson('/digests/2021-12')).statusCode).toBe(200);
  });

  it('answers HEAD on every route with the headers and status of its GET and no body, as curl -I shows', async () => {
    const id = (await getJson('/digests/2021-12')).body.articles[0].id;
    // Set per connection by the HTTP server, not by the API.
    const perConnection = ['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'];
    const headersOf = (response: Response) =>
      Object.fromEntries([...response.headers].filter(([name]) => !perConnection.includes(name)));
    const paths = ['/', '/digests', '/digests/2021-12', '/digests/2021?format=rss', '/feeds/latest'];
    paths.push(
      `/articles/${id}`,
      '/openapi.json',
      '/admin/ingest-status',
      '/admin/rejections',
      '/nothing',
      '/digests/x',
    );
    for (const path of paths) {
      const get = await fetch(`${stack.apiUrl}${path}`);
      const head = await fetch(`${stack.apiUrl}${path}`, { method: 'HEAD' });
      expect({ path, status: head.status, headers: headersOf(head) }).toEqual({
        path,
        status: get.status,
        headers: headersOf(get),
      });
      expect(await head.text()).toBe('');
      expect((await get.text()).length).toBeGreaterThan(0);
    }
  });

  it('answers a CORS preflight as API Gateway does with the default settings', async () => {
    const response = await fetch(`${stack.apiUrl}/digests/2021-12`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' },
    });
    expect(response.status).toBe(204);
    expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET,HEAD',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '3600',
    });
    expect(await response.text()).toBe('');
  });

  it('lets a page on another origin read an answer, and adds nothing for a caller that sends no Origin', async () => {
    const fromPage = await fetch(`${stack.apiUrl}/digests/2021-12`, { headers: { origin: 'https://app.example' } });
    expect(fromPage.headers.get('access-control-allow-origin')).toBe('*');
    expect(fromPage.status).toBe(200);
    const direct = await fetch(`${stack.apiUrl}/digests/2021-12`);
    expect([...direct.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('dead-letters nothing when every file was handled', () => {
    expect(stack.ingestQueue.deadLetters).toEqual([]);
  });
});

describe('npm run upload', () => {
  let corpus: string;
  const article = (place: string) =>
    ` date 2021-12-20 In ${place} werd maandag een nieuw gemeentehuis geopend in aanwezigheid van de burgemeester.`;
  /** Folders of files under `corpus/<under>/`, made for one test; their paths, in order. */
  const folders = async (under: string, contents: Record<string, Record<string, string>>) => {
    const made: string[] = [];
    for (const [name, files] of Object.entries(contents)) {
      const folder = join(corpus, under, name);
      await mkdir(folder, { recursive: true });
      for (const [file, text] of Object.entries(files)) await writeFile(join(folder, file), text);
      made.push(folder);
    }
    return made;
  };
  /** On a date of its own, away from the one `npm run generate` checks below. */
  const elsewhere = (place: string) =>
    ` date 2021-11-20 In ${place} ging zaterdag een nieuwe bibliotheek open met een leeszaal en een werkplaats.`;

  beforeAll(async () => {
    corpus = await mkdtemp(join(tmpdir(), 'headline-digest-corpus-'));
    await mkdir(join(corpus, 'nested'));
    await writeFile(join(corpus, 'zwolle.txt'), article('Zwolle'));
    await writeFile(join(corpus, 'nested', 'deventer.txt'), article('Deventer'));
    await writeFile(
      join(corpus, 'no-marker.txt'),
      'Een tekst zonder datum, en dus geen artikel voor deze dienst vandaag.',
    );
    await writeFile(join(corpus, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]));
    await writeFile(join(corpus, '.hidden'), 'not uploaded');
  });

  afterAll(async () => {
    await rm(corpus, { recursive: true, force: true });
  });

  it('uploads every file of a folder and reports what became of each, rejections with their reasons', async () => {
    const files = await collectFiles([corpus]);
    expect(files.map((file) => file.key)).toEqual(['nested/deventer.txt', 'no-marker.txt', 'photo.jpg', 'zwolle.txt']);
    const s3 = createS3Client();
    const documents = createDocumentClient();
    const uploaded: number[] = [];
    const report = await uploadCorpus({
      s3,
      bucketName: stack.bucketName,
      articles: new DynamoDbArticleStore(documents, stack.tableName),
      files,
      onUploaded: (done) => uploaded.push(done),
    });
    s3.destroy();
    documents.destroy();
    expect(uploaded.at(-1)).toBe(4);
    expect(report).toMatchObject({
      uploaded: 4,
      unchanged: [],
      ingested: 2,
      deleted: 0,
      pending: [],
      failedUploads: [],
      deadLettered: [],
    });
    expect(report.rejected.map((rejection) => [rejection.key, rejection.code]).sort()).toEqual([
      ['no-marker.txt', 'missing-date-marker'],
      ['photo.jpg', 'binary-content'],
    ]);
    const summary = describeReport(report);
    expect(summary).toMatch(
      /^4 uploaded: 2 ingested, 2 rejected, 0 deleted, 0 dead-lettered, 0 still pending; 0 unchanged, 0 failed to upload$/m,
    );
    expect(summary).toContain('binary-content (1)');
  });

  it('keeps the files of two folders with the same names under their own keys, and counts a repeat as unchanged', async () => {
    const [dirA = '', dirB = ''] = await folders('overlap', {
      dirA: { '000.txt': elsewhere('Kampen') },
      dirB: { '000.txt': elsewhere('Hattem') },
    });
    const upload = async () => {
      const s3 = createS3Client();
      const documents = createDocumentClient();
      const files = await collectFiles([dirA, dirB]);
      try {
        return await uploadCorpus({
          s3,
          bucketName: stack.bucketName,
          articles: new DynamoDbArticleStore(documents, stack.tableName),
          files,
        });
      } finally {
        s3.destroy();
        documents.destroy();
      }
    };
    const first = await upload();
    expect(first).toMatchObject({ uploaded: 2, ingested: 2, rejected: [], pending: [], unchanged: [] });
    // Both objects are in the bucket, each ingested as the article of its own content.
    const documents = createDocumentClient();
    const store = new DynamoDbArticleStore(documents, stack.tableName);
    const records = await Promise.all(['dirA/000.txt', 'dirB/000.txt'].map((key) => store.getObject(key)));
    documents.destroy();
    expect(records.map((record) => record?.status)).toEqual(['ingested', 'ingested']);
    expect(new Set(records.map((record) => record?.articleId)).size).toBe(2);
    const again = await upload();
    expect(again).toMatchObject({ uploaded: 0, ingested: 0, pending: [], unchanged: ['dirA/000.txt', 'dirB/000.txt'] });
    expect(describeReport(again)).toMatch(/^0 uploaded: 0 ingested, .*; 2 unchanged, 0 failed to upload$/m);
  });

  const uploadCommand = (...args: string[]) =>
    promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/upload.ts',
        '--s3-endpoint',
        stack.s3Endpoint,
        '--dynamodb-endpoint',
        stack.dynamoDbEndpoint,
        ...args,
      ],
      { cwd: PROJECT_ROOT, env: { ...process.env, BUCKET_NAME: stack.bucketName, TABLE_NAME: stack.tableName } },
    );

  const objectExists = async (key: string) => {
    const s3 = createS3Client();
    try {
      await s3.send(new HeadObjectCommand({ Bucket: stack.bucketName, Key: key }));
      return true;
    } catch {
      return false;
    } finally {
      s3.destroy();
    }
  };

  it('runs as a command against the local stack, leaving a file the bucket already has alone', async () => {
    const { stdout } = await uploadCommand(join(corpus, 'zwolle.txt'));
    expect(stdout).toMatch(
      /^0 uploaded: 0 ingested, 0 rejected, 0 deleted, 0 dead-lettered, 0 still pending; 1 unchanged/m,
    );
    await writeFile(join(corpus, 'zwolle.txt'), article('Zwolle-Zuid'));
    const changed = await uploadCommand(join(corpus, 'zwolle.txt'));
    expect(changed.stdout).toMatch(
      /^1 uploaded: 1 ingested, 0 rejected, 0 deleted, 0 dead-lettered, 0 still pending; 0 unchanged/m,
    );
  });

  it('stops before uploading anything when two files would get the same key, naming both', async () => {
    expect.assertions(4);
    const [dirC = '', dirD = ''] = await folders('clash', {
      dirC: { '000.txt': elsewhere('Elburg'), '001.txt': elsewhere('Harderwijk') },
      dirD: { '000.txt': elsewhere('Nunspeet') },
    });
    try {
      await uploadCommand('--prefix', 'clash', dirC, dirD);
    } catch (error) {
      const { code, stderr } = error as { code: number; stderr: string };
      expect(code).toBe(2);
      expect(stderr).toContain(`clash/000.txt: ${join(dirC, '000.txt')} and ${join(dirD, '000.txt')}`);
      expect(stderr).toContain('nothing was uploaded');
    }
    expect(await Promise.all(['clash/000.txt', 'clash/001.txt'].map(objectExists))).toEqual([false, false]);
  });

  it('lists the keys it would write with --dry-run, and writes nothing', async () => {
    const [dirE = '', dirF = ''] = await folders('dry', {
      dirE: { '000.txt': elsewhere('Epe') },
      dirF: { '000.txt': elsewhere('Heerde') },
    });
    const { stdout } = await uploadCommand('--dry-run', dirE, dirF, join(corpus, 'zwolle.txt'));
    expect(stdout.trim().split('\n')).toEqual([
      `would upload: dirE/000.txt (${join(dirE, '000.txt')})`,
      `would upload: dirF/000.txt (${join(dirF, '000.txt')})`,
      `unchanged: zwolle.txt (${join(corpus, 'zwolle.txt')})`,
      'dry run: 2 would be uploaded, 1 unchanged; nothing was written',
    ]);
    expect(await Promise.all(['dirE/000.txt', 'dirF/000.txt'].map(objectExists))).toEqual([false, false]);
  });
});

describe('npm run generate', () => {
  const generate = () =>
    promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/generate.ts', '--dynamodb-endpoint', stack.dynamoDbEndpoint],
      { cwd: PROJECT_ROOT, env: { ...process.env, TABLE_NAME: stack.tableName } },
    );

  it('regenerates the dates that changed since the last run, then nothing', async () => {
    const first = await generate();
    expect(first.stdout).toMatch(/^\d+ digests generated \(.*2021-12-20.*\), \d+ unchanged, 0 failed$/m);
    const second = await generate();
    expect(second.stdout).toMatch(/^0 digests generated, \d+ unchanged, 0 failed$/m);
    expect((await getJson('/digests/2021-12-20')).body).toMatchObject({ stale: false, articleCount: 2 });
  });
});
