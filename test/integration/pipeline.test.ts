import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/adapters/table-schema';
import { HEADLINE_MAX_CHARS } from '../../functions/core/headline';
import { FIRST_SEED, SECOND_SEED, seedFiles } from '../seed-files';
import { call, type Service, startService, uploadAndIngest } from './support';

const DAY_ARTICLE =
  ' date 2021-12-07 De Nederlandse regering maakte dinsdag nieuwe maatregelen bekend tegen de verspreiding van het virus.\n\nDe maatregelen gaan woensdag in.';
const YEAR_ARTICLE =
  ' date 2021 In het hele jaar werden in Nederland meer fietsen verkocht dan ooit tevoren, meldt de branche.';

let service: Service;

/** The digest entry of the first seed file, found through its object record rather than its headline. */
async function firstSeedArticle(): Promise<{ id: string; url: string }> {
  const { Item } = await service.documents.send(
    new GetCommand({ TableName: service.tableName, Key: keys.object(FIRST_SEED) }),
  );
  return { id: Item?.articleId, url: `/articles/${Item?.articleId}` };
}

beforeAll(async () => {
  service = await startService();
  const response = await uploadAndIngest(service, Object.fromEntries(seedFiles));
  expect(response.batchItemFailures).toEqual([]);
});

afterAll(() => service.close());

describe('the seed files, from S3 through DynamoDB to the API', () => {
  it('serves the December 2021 digest with exactly the two seed articles, each with a headline', async () => {
    const { statusCode, headers, body } = await call(service, '/digests/2021-12');
    expect(statusCode).toBe(200);
    expect(headers['Content-Type']).toMatch(/^application\/json/);
    expect(body).toMatchObject({ date: '2021-12', articleCount: 2 });
    expect(body.articles).toHaveLength(2);
    for (const article of body.articles) {
      expect(article.headline).toMatch(/Biden|Poetin/);
      expect(article.headline.length).toBeLessThanOrEqual(HEADLINE_MAX_CHARS);
      expect(article).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^[0-9a-f]{16}$/),
          date: '2021-12',
          summary: expect.any(String),
          language: 'nl',
          url: `/articles/${article.id}`,
        }),
      );
      expect(JSON.stringify(article)).not.toContain('date 2021');
    }
  });

  it('serves an article with its body, subheadings included, and the object it came from', async () => {
    const first = await firstSeedArticle();
    const { statusCode, body } = await call(service, first.url);
    expect(statusCode).toBe(200);
    expect(body.blocks[0]).toEqual({ type: 'paragraph', text: expect.stringMatching(/^Het gesprek tussen/) });
    expect(body.blocks).toContainEqual({ type: 'subheading', text: 'Bondgenoten' });
    expect(body.sources).toEqual([FIRST_SEED]);
  });

  it('lists the dates that have articles, newest first, with their counts', async () => {
    // Ingest counts an article in its own period (the seeds are dated to the month) at once ...
    const { statusCode, body } = await call(service, '/digests');
    expect(statusCode).toBe(200);
    expect(body.dates).toEqual([{ date: '2021-12', articleCount: 2, url: '/digests/2021-12' }]);
    // ... and the generator adds it to the wider ones (issue #18, below); the year's digest is served meanwhile.
    expect((await call(service, '/digests/2021')).body).toMatchObject({ articleCount: 2 });
  });
});

describe('period membership', () => {
  beforeAll(async () => {
    await uploadAndIngest(service, { 'day.txt': DAY_ARTICLE, 'year.txt': YEAR_ARTICLE });
  });

  const idsIn = async (period: string) =>
    (await call(service, `/digests/${period}`)).body.articles.map((article: { date: string }) => article.date).sort();

  it('puts a day-dated article in its day, month and year', async () => {
    expect(await idsIn('2021-12-07')).toEqual(['2021-12-07']);
    expect(await idsIn('2021-12')).toEqual(['2021-12', '2021-12', '2021-12-07']);
    expect(await idsIn('2021')).toEqual(['2021', '2021-12', '2021-12', '2021-12-07']);
  });

  it('leaves month- and year-dated articles out of every day', async () => {
    expect((await call(service, '/digests/2021-12-08')).statusCode).toBe(404);
    expect(await idsIn('2021-12-07')).not.toContain('2021-12');
  });
});

describe('scheduled generation', () => {
  it('stores the digests of changed periods and leaves unchanged ones alone', async () => {
    const first = await service.generate({}, {} as never);
    expect([...first.generated].sort()).toEqual(['2021', '2021-12', '2021-12-07']);
    expect(first.failed).toEqual([]);
    // The month and year now count what ingest counted in the day, the month and the year themselves.
    expect((await call(service, '/digests')).body.dates).toEqual([
      { date: '2021-12-07', articleCount: 1, url: '/digests/2021-12-07' },
      { date: '2021-12', articleCount: 3, url: '/digests/2021-12' },
      { date: '2021', articleCount: 4, url: '/digests/2021' },
    ]);
    const stored = await call(service, '/digests/2021-12');
    expect(stored.body.generatedAt).toBeDefined();

    const second = await service.generate({}, {} as never);
    expect(second.generated).toEqual([]);
    expect(second.unchanged).toBe(3);
    expect((await call(service, '/digests/2021-12')).body.generatedAt).toBe(stored.body.generatedAt);
  });

  it('serves a stored digest as stale once its articles change, and fresh after the next generation', async () => {
    expect((await call(service, '/digests/2021-12')).body.stale).toBe(false);
    await uploadAndIngest(service, {
      'stale.txt': ' date 2021-12-30 Tussen kerst en oud en nieuw waren de winkels in Den Haag drukker dan verwacht.',
    });
    const stale = await call(service, '/digests/2021-12');
    expect(stale.statusCode).toBe(200);
    expect(stale.body.stale).toBe(true);
    await service.generate({}, {} as never);
    expect((await call(service, '/digests/2021-12')).body).toMatchObject({ stale: false, articleCount: 4 });
  });

  it('regenerates a period when an article is added to it', async () => {
    await uploadAndIngest(service, {
      'later.txt':
        ' date 2021-12-24 Op kerstavond bleef het opvallend rustig in de binnenstad van Utrecht, meldt de politie.',
    });
    const report = await service.generate({}, {} as never);
    // 2021-12-30 lies within 7 days after it: its articles may continue the new day's stories, so it is looked at again.
    expect([...report.generated].sort()).toEqual(['2021', '2021-12', '2021-12-24', '2021-12-30']);
    expect((await call(service, '/digests/2021-12')).body.articleCount).toBe(5);
    // Its stories did not change, so nothing after it did either: the next run has nothing to do.
    expect((await service.generate({}, {} as never)).generated).toEqual([]);
  });
});

describe('ingesting the same content again', () => {
  it('keeps one article when the same file is delivered twice', async () => {
    const before = (await call(service, '/digests/2021-12')).body.articleCount;
    const response = await uploadAndIngest(service, { [SECOND_SEED]: seedFiles.get(SECOND_SEED) as Buffer });
    expect(response.batchItemFailures).toEqual([]);
    await service.generate({}, {} as never);
    expect((await call(service, '/digests/2021-12')).body.articleCount).toBe(before);
  });

  it('keeps one article with both keys as sources when the same content arrives under another key', async () => {
    await uploadAndIngest(service, { 'copy/of-first.txt': seedFiles.get(FIRST_SEED) as Buffer });
    const first = await firstSeedArticle();
    expect((await call(service, first.url)).body.sources).toEqual(['000_7341066c0f110c02.txt', 'copy/of-first.txt']);
    const digest = await call(service, '/digests/2021-12');
    expect(digest.body.articles.filter((article: { id: string }) => article.id === first.id)).toHaveLength(1);
  });
});

describe('a file that is not an article', () => {
  it('is not ingested, and its key and reason are recorded', async () => {
    const response = await uploadAndIngest(service, {
      'bad date.txt': ' date 2021-02-30 Een artikel met een onmogelijke datum, dat verder wel lang genoeg is.',
    });
    expect(response.batchItemFailures).toEqual([]);
    const { Item } = await service.documents.send(
      new GetCommand({ TableName: service.tableName, Key: keys.object('bad date.txt') }),
    );
    expect(Item).toMatchObject({ key: 'bad date.txt', status: 'rejected', code: 'invalid-date' });
    expect(Item?.reason).toMatch(/2021-02-30/);
  });
});

describe('errors', () => {
  it.each(['2021-13', '2021-02-30', 'abc', '2021-1'])('answers 400 for the date %p, naming it', async (date) => {
    const { statusCode, body } = await call(service, `/digests/${date}`);
    expect(statusCode).toBe(400);
    expect(body.error.code).toBe('BadRequest');
    expect(body.error.message).toContain(date);
  });

  it('answers 404 with the error body when no article falls in the period', async () => {
    const { statusCode, body } = await call(service, '/digests/2020');
    expect(statusCode).toBe(404);
    expect(body).toEqual({ error: { code: 'NotFound', message: 'No articles are dated inside 2020' } });
  });

  it('answers 404 for an unknown article and an unknown route', async () => {
    expect((await call(service, '/articles/0000000000000000')).body.error.code).toBe('NotFound');
    expect((await call(service, '/nothing-here')).statusCode).toBe(404);
  });
});
