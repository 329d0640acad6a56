import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { keys } from '../../functions/adapters/table-schema';
import { MAX_SEED_BYTES } from '../../functions/core/seed';
import { toHttpApiEvent } from '../../scripts/local/http-api-bridge';
import { lambdaContext } from '../../scripts/local/lambda-context';
import { FIRST_SEED, seedFiles } from '../seed-files';
import { call, nextSequencer, type Service, sqsEventFor, startService, uploadAndIngest } from './support';

const BODY =
  'Het kabinet heeft dinsdag nieuwe maatregelen aangekondigd om de energierekening van huishoudens te verlagen.';
const TEXT = ` date 2021-11-02 ${BODY}\n\nDe maatregelen gaan volgende maand in en kosten naar schatting twee miljard euro.`;

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

/** Uploads one file, delivers its notification, and returns what became of it. */
async function ingestOne(key: string, body: string | Uint8Array) {
  const response = await uploadAndIngest(service, { [key]: body });
  expect(response.batchItemFailures).toEqual([]);
  return objectRecord(key);
}

async function objectRecord(key: string) {
  const { Item } = await service.documents.send(
    new GetCommand({ TableName: service.tableName, Key: keys.object(key), ConsistentRead: true }),
  );
  return Item;
}

async function article(key: string) {
  const record = await objectRecord(key);
  return (await call(service, `/articles/${record?.articleId}`)).body;
}

async function deliver(key: string, eventName: string, sequencer: string) {
  return service.ingest(
    sqsEventFor(service.bucketName, [key], eventName, () => sequencer),
    lambdaContext('ingest'),
  );
}

const utf16 = (text: string, bom: number[]) => Buffer.concat([Buffer.from(bom), Buffer.from(text, 'utf16le')]);

describe('every shape of file, through S3 into DynamoDB', () => {
  const belgian =
    ' date 2021-11-03 België betaalt € 40 miljoen aan Oekraïne voor de wederopbouw van scholen en ziekenhuizen.';
  const belgianText = 'België betaalt € 40 miljoen aan Oekraïne voor de wederopbouw van scholen en ziekenhuizen.';

  it.each([
    ['utf8.txt', Buffer.from(belgian, 'utf8')],
    ['utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(belgian, 'utf8')])],
    ['utf16le.txt', utf16(belgian, [0xff, 0xfe])],
    ['utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(belgian, 'utf16le').swap16()])],
    ['windows-1252.txt', Buffer.from(belgian.replace('€', '\x80'), 'latin1')],
    ['crlf.txt', Buffer.from(belgian.replace(' 40', '\r\n40'), 'utf8')],
    ['nul.txt', Buffer.from(belgian.replace('betaalt', 'bet\u0000aalt\u0007'), 'utf8')],
    ['nfd.txt', Buffer.from(belgian.normalize('NFD'), 'utf8')],
  ])('ingests %s with its text intact', async (key, bytes) => {
    const record = await ingestOne(key, bytes);
    expect(record).toMatchObject({ status: 'ingested' });
    const stored = await article(key);
    expect(stored.blocks).toEqual([{ type: 'paragraph', text: belgianText }]);
  });

  it('keeps a title line as the title, and boilerplate in the stored body marked with its kind but off the page', async () => {
    await ingestOne(
      'title.txt',
      ` date 2021-11-04 Publicatie: di 2 nov 2021 11.05 uur\n\nKabinet verlaagt energierekening\n\n© ANP\n\n${BODY}\n\nLees ook: Wat betekent dit voor u?\n\nBondgenoten\n\nDe maatregelen gaan volgende maand in en kosten twee miljard euro per jaar.\n\nDeel dit artikel`,
    );
    const stored = await article('title.txt');
    expect(stored.title).toBe('Kabinet verlaagt energierekening');
    expect(stored.headline).toBe('Kabinet verlaagt energierekening');
    expect(stored.blocks.map((block: { type: string; kind?: string }) => block.kind ?? block.type)).toEqual([
      'timestamp',
      'credit',
      'paragraph',
      'link',
      'subheading',
      'paragraph',
      'link',
    ]);
    expect(stored.summary).not.toMatch(/ANP|Lees ook|Deel dit|Publicatie/);
    const page = await service.api(
      toHttpApiEvent({ method: 'GET', url: `/articles/${stored.id}?format=html` }),
      lambdaContext('api'),
    );
    expect(page.statusCode).toBe(200);
    expect(String(page.body)).toContain(BODY);
    expect(String(page.body)).not.toMatch(/© ANP|Lees ook|Deel dit artikel|Publicatie:/);
  });

  it('strips HTML before anything else sees the text', async () => {
    await ingestOne(
      'page.html',
      ` date 2021-11-05 <html><head><style>p{}</style></head><body><p>${BODY}</p><script>track()</script><p>Het &quot;pakket&quot; kost twee miljard.</p></body></html>`,
    );
    const stored = await article('page.html');
    expect(stored.blocks).toEqual([
      { type: 'paragraph', text: BODY },
      { type: 'paragraph', text: 'Het "pakket" kost twee miljard.' },
    ]);
  });

  it.each([
    ['empty.txt', '', 'empty-file'],
    ['marker-only.txt', ' date 2021-12 ', 'no-article-text'],
    ['no-marker.txt', BODY, 'missing-date-marker'],
    ['month-13.txt', ` date 2021-13 ${BODY}`, 'invalid-date'],
    ['february-30.txt', ` date 2021-02-30 ${BODY}`, 'invalid-date'],
    [
      'image.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      'binary-content',
    ],
    ['short.txt', ' date 2021-12 Kort bericht.', 'too-few-words'],
  ])('rejects %s, recording the reason', async (key, body, code) => {
    const record = await ingestOne(key, body);
    expect(record).toMatchObject({ key, status: 'rejected', code, reason: expect.any(String) });
  });

  it('rejects a file over the size limit without downloading it', async () => {
    const record = await ingestOne('huge.txt', new Uint8Array(MAX_SEED_BYTES + 1).fill(0x61));
    expect(record).toMatchObject({ status: 'rejected', code: 'too-large' });
    expect(record?.reason).toContain(String(MAX_SEED_BYTES));
  });

  it('ingests an article of several megabytes, storing its beginning and keeping the whole in S3', async () => {
    const paragraph = `${BODY} `.repeat(40).trim();
    const body = ` date 2021-11-06 ${Array.from({ length: 900 }, () => paragraph).join('\n\n')}`;
    expect(Buffer.byteLength(body)).toBeGreaterThan(3_000_000);
    const record = await ingestOne('long.txt', body);
    expect(record).toMatchObject({ status: 'ingested' });
    const stored = await article('long.txt');
    expect(stored.truncated).toBe(true);
    expect(stored.wordCount).toBeGreaterThan(400_000);
    expect(stored.summary.length).toBeGreaterThan(0);
  });
});

describe('identity and change', () => {
  it('changes nothing when the same content is uploaded again under the same key', async () => {
    await ingestOne('same.txt', TEXT);
    const before = await call(service, '/admin/ingest-status');
    const first = await article('same.txt');
    await ingestOne('same.txt', TEXT);
    expect(await article('same.txt')).toEqual(first);
    expect((await call(service, '/admin/ingest-status')).body).toEqual(before.body);
  });

  it('replaces the article when the key gets new content, leaving no stale copy', async () => {
    await ingestOne('replace.txt', ` date 2021-10-01 ${BODY}`);
    const old = await objectRecord('replace.txt');
    await ingestOne(
      'replace.txt',
      ` date 2021-10-02 Een heel ander bericht over de bouw van een nieuwe brug in Nijmegen.`,
    );
    const current = await objectRecord('replace.txt');
    expect(current?.articleId).not.toBe(old?.articleId);
    expect((await call(service, `/articles/${old?.articleId}`)).statusCode).toBe(404);
    await service.generate({}, {} as never);
    const october = (await call(service, '/digests/2021-10')).body;
    expect(october.articles.map((entry: { id: string }) => entry.id)).toEqual([current?.articleId]);
    expect((await call(service, '/digests/2021-10-01')).statusCode).toBe(404);
  });

  it('removes a deleted object from its article at once and from every digest at the next generation', async () => {
    await ingestOne('deleted.txt', ` date 2021-09-15 ${BODY}`);
    const { articleId } = (await objectRecord('deleted.txt')) ?? {};
    await service.generate({}, {} as never);
    expect((await call(service, '/digests/2021-09')).body.articleCount).toBe(1);

    await service.s3.send(new DeleteObjectCommand({ Bucket: service.bucketName, Key: 'deleted.txt' }));
    const response = await deliver('deleted.txt', 'ObjectRemoved:Delete', nextSequencer());
    expect(response.batchItemFailures).toEqual([]);
    expect((await call(service, `/articles/${articleId}`)).statusCode).toBe(404);
    expect(await objectRecord('deleted.txt')).toMatchObject({ status: 'deleted' });

    const report = await service.generate({}, {} as never);
    expect(report.generated).toEqual(expect.arrayContaining(['2021', '2021-09', '2021-09-15']));
    expect((await call(service, '/digests/2021-09')).statusCode).toBe(404);
  });

  it('keeps one article for the same content under two keys, listing both, until both are gone', async () => {
    await ingestOne('twin-a.txt', ` date 2021-08-01 ${BODY}`);
    await ingestOne('twin-b.txt', ` date 2021-08-01 ${BODY}`);
    expect((await article('twin-a.txt')).sources).toEqual(['twin-a.txt', 'twin-b.txt']);
    expect((await call(service, '/digests/2021-08')).body.articleCount).toBe(1);

    await service.s3.send(new DeleteObjectCommand({ Bucket: service.bucketName, Key: 'twin-a.txt' }));
    await deliver('twin-a.txt', 'ObjectRemoved:Delete', nextSequencer());
    expect((await article('twin-b.txt')).sources).toEqual(['twin-b.txt']);
    await service.s3.send(new DeleteObjectCommand({ Bucket: service.bucketName, Key: 'twin-b.txt' }));
    await deliver('twin-b.txt', 'ObjectRemoved:Delete', nextSequencer());
    expect((await call(service, '/digests/2021-08')).statusCode).toBe(404);
  });

  it('ignores a late event that is older than the change already applied', async () => {
    await service.s3.send(
      new PutObjectCommand({ Bucket: service.bucketName, Key: 'late.txt', Body: ` date 2021-07-01 ${BODY}` }),
    );
    await deliver('late.txt', 'ObjectCreated:Put', nextSequencer());
    const applied = await objectRecord('late.txt');
    // A delete that happened before the upload arrives late: it must not remove the newer content.
    await deliver('late.txt', 'ObjectRemoved:Delete', '000000000000000001');
    expect(await objectRecord('late.txt')).toEqual(applied);
    expect((await article('late.txt')).sources).toEqual(['late.txt']);
  });

  it('changes nothing when the same event is delivered twice', async () => {
    await service.s3.send(
      new PutObjectCommand({ Bucket: service.bucketName, Key: 'twice.txt', Body: ` date 2021-06-01 ${BODY}` }),
    );
    const sequencer = nextSequencer();
    await deliver('twice.txt', 'ObjectCreated:Put', sequencer);
    const counts = (await call(service, '/admin/ingest-status')).body;
    const record = await objectRecord('twice.txt');
    await deliver('twice.txt', 'ObjectCreated:Put', sequencer);
    expect(await objectRecord('twice.txt')).toEqual(record);
    expect((await call(service, '/admin/ingest-status')).body).toEqual(counts);
  });
});

describe('what operators see', () => {
  it('lists rejected files newest first, with key, reason and time, page by page', async () => {
    const first = await call(service, '/admin/rejections?limit=2');
    expect(first.statusCode).toBe(200);
    expect(first.body.rejections).toHaveLength(2);
    expect(first.body.rejections[0]).toEqual({
      key: expect.any(String),
      code: expect.any(String),
      reason: expect.any(String),
      rejectedAt: expect.any(String),
    });
    const [a, b] = first.body.rejections;
    expect(a.rejectedAt >= b.rejectedAt).toBe(true);
    const second = await call(service, `/admin/rejections?limit=200&cursor=${first.body.cursor}`);
    const keysSeen = [...first.body.rejections, ...second.body.rejections].map(
      (rejection: { key: string }) => rejection.key,
    );
    expect(keysSeen).toEqual(
      expect.arrayContaining(['empty.txt', 'image.png', 'huge.txt', 'short.txt', 'month-13.txt']),
    );
    expect(new Set(keysSeen).size).toBe(keysSeen.length);
  });

  it('counts ingested, rejected, deleted and dead-lettered files', async () => {
    const { body } = await call(service, '/admin/ingest-status');
    expect(body).toEqual({ ingested: expect.any(Number), rejected: 8, deleted: 3, deadLettered: 0 });
    expect(body.ingested).toBeGreaterThanOrEqual(10);
  });

  it.each(['0', '201', 'abc', '1.5'])('answers 400 for limit=%s, naming the parameter', async (limit) => {
    const { statusCode, body } = await call(service, `/admin/rejections?limit=${limit}`);
    expect(statusCode).toBe(400);
    expect(body.error.message).toMatch(/^limit:/);
  });

  it('answers 400 for a cursor it did not hand out', async () => {
    const { statusCode, body } = await call(service, '/admin/rejections?cursor=not-a-cursor');
    expect(statusCode).toBe(400);
    expect(body.error.message).toMatch(/^cursor:/);
  });
});

describe('an article removed behind the service', () => {
  it('is ingested again when its object is delivered again', async () => {
    await ingestOne('restore.txt', ` date 2021-05-01 ${BODY}`);
    const { articleId } = (await objectRecord('restore.txt')) ?? {};
    await service.documents.send(new DeleteCommand({ TableName: service.tableName, Key: keys.object('restore.txt') }));
    await deliver('restore.txt', 'ObjectCreated:Put', nextSequencer());
    expect(await objectRecord('restore.txt')).toMatchObject({ status: 'ingested', articleId });
  });
});

describe('seeds', () => {
  it('are unaffected by everything above', async () => {
    await uploadAndIngest(service, Object.fromEntries(seedFiles));
    expect((await article(FIRST_SEED)).sources).toEqual([FIRST_SEED]);
  });
});

describe('reconciliation by the scheduled run', () => {
  it('ingests an object whose notification was lost', async () => {
    await service.s3.send(
      new PutObjectCommand({ Bucket: service.bucketName, Key: 'lost-event.txt', Body: ` date 2021-04-01 ${BODY}` }),
    );
    expect(await objectRecord('lost-event.txt')).toBeUndefined();
    const run = await service.generate({}, {} as never);
    expect(run.requeued).toEqual(['lost-event.txt']);
    await service.queue.idle();
    expect(await objectRecord('lost-event.txt')).toMatchObject({ status: 'ingested' });
    expect((await service.generate({}, {} as never)).requeued).toEqual([]);
  });

  it('restores an article deleted behind the service, without counting it twice', async () => {
    await ingestOne('hand-deleted.txt', ` date 2021-03-01 ${BODY}`);
    const { articleId } = (await objectRecord('hand-deleted.txt')) ?? {};
    // Counted in its own day at once, in its month once the generator adds the day's changes to it (issue #18).
    const counted = async (period: string) =>
      (await call(service, '/digests')).body.dates.find((entry: { date: string }) => entry.date === period)
        ?.articleCount;
    expect(await counted('2021-03-01')).toBe(1);
    await service.documents.send(new DeleteCommand({ TableName: service.tableName, Key: keys.article(articleId) }));
    expect((await call(service, `/articles/${articleId}`)).statusCode).toBe(404);

    const run = await service.generate({}, {} as never);
    expect(run.requeued).toEqual(['hand-deleted.txt']);
    await service.queue.idle();
    expect((await call(service, `/articles/${articleId}`)).statusCode).toBe(200);
    expect(await counted('2021-03-01')).toBe(1);
    await service.generate({}, {} as never);
    expect(await counted('2021-03')).toBe(1);
  });
});

describe('arbitrary files', () => {
  it('never fail the handler: each ends ingested or rejected, with nothing for SQS to redeliver', async () => {
    let index = 0;
    const text = fc.string({ unit: 'binary', maxLength: 400 });
    const file = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      text.map((body) => Buffer.from(` date 2021-0${(index % 9) + 1} ${body}`)),
      text.map((body) => Buffer.from(body, 'latin1')),
    );
    await fc.assert(
      fc.asyncProperty(file, async (bytes) => {
        const key = `arbitrary/${index++}.bin`;
        const response = await uploadAndIngest(service, { [key]: bytes });
        expect(response.batchItemFailures).toEqual([]);
        expect(['ingested', 'rejected']).toContain((await objectRecord(key))?.status);
      }),
      { numRuns: 60 },
    );
  });
});
