import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { batchWriteAll } from '../../functions/adapters/batch-write';
import { articleItems, DynamoDbArticleStore } from '../../functions/adapters/dynamodb-article-store';
import { DynamoDbDigestStore } from '../../functions/adapters/dynamodb-digest-store';
import { DynamoDbStoryStore } from '../../functions/adapters/dynamodb-story-store';
import { keys } from '../../functions/adapters/table-schema';
import { generateStaleDigests } from '../../functions/app/digests';
import { type ArticleSummary, summarizeArticle } from '../../functions/core/article';
import { parseSeed } from '../../functions/core/seed';
import { toHttpApiEvent } from '../../scripts/local/http-api-bridge';
import { lambdaContext } from '../../scripts/local/lambda-context';
import { PROJECT_ROOT } from '../../scripts/local/stack';
import { FIRST_SEED, seedText } from '../seed-files';
import { call, type Service, startService, uploadAndIngest } from './support';

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

const article = (day: number, text: string) =>
  ` date 2023-01-${String(day).padStart(2, '0')} ${text} Dat meldde de gemeente dinsdag in een verklaring aan de pers.`;

describe('generation running beside other work', () => {
  it('lets two generators run at once without corrupting a digest or failing', async () => {
    await uploadAndIngest(service, {
      'a.txt': article(2, 'In Leiden is een nieuwe bibliotheek geopend in het oude postkantoor.'),
      'b.txt': article(3, 'In Delft gaat de markt voortaan op zaterdag open in plaats van donderdag.'),
    });
    const [first, second] = await Promise.all([service.generate({}, {} as never), service.generate({}, {} as never)]);
    expect([...first.failed, ...second.failed]).toEqual([]);
    // Each stale date is stored once, by whichever generator got there first.
    const stored = [...first.generated, ...second.generated].sort();
    expect(stored).toEqual(['2023', '2023-01', '2023-01-02', '2023-01-03']);
    for (const date of stored) {
      expect((await call(service, `/digests/${date}`)).body).toMatchObject({ stale: false });
    }
    expect((await call(service, '/digests/2023-01')).body.articleCount).toBe(2);
  });

  it('keeps a date stale when an article lands while its digest is being generated', async () => {
    await uploadAndIngest(service, {
      'c.txt': article(4, 'In Gouda is de kaasmarkt dit jaar eerder begonnen dan gewoonlijk.'),
    });
    const articles = new DynamoDbArticleStore(service.documents, service.tableName);
    const digests = new DynamoDbDigestStore(service.documents, service.tableName);
    let landed = false;
    // The article store as the generator sees it, with an upload landing in the middle of its first read.
    const racing = Object.create(articles) as DynamoDbArticleStore;
    racing.listSummaries = async function* (period: string) {
      if (!landed) {
        landed = true;
        await uploadAndIngest(service, {
          'd.txt': article(4, 'In Gouda sloot de kaasmarkt ook eerder dan gewoonlijk.'),
        });
      }
      yield* articles.listSummaries(period);
    };
    const stories = new DynamoDbStoryStore(service.documents, service.tableName);
    await generateStaleDigests({ articles: racing, digests, stories }, () => new Date());
    expect(landed).toBe(true);
    const during = (await call(service, '/digests/2023-01-04')).body;
    expect(during.stale).toBe(true);

    await service.generate({}, {} as never);
    expect((await call(service, '/digests/2023-01-04')).body).toMatchObject({ stale: false, articleCount: 2 });
  });
});

describe('a date with 10,000 articles', () => {
  const COUNT = 10_000;
  /** Four times what it needs here (it completes at 64 MB, not at 16), and far below the function's 1,024 MB. */
  const HEAP_LIMIT_MB = 256;
  const base = summarizeArticle(parseSeed(seedText(FIRST_SEED)));

  beforeAll(async () => {
    const items = Array.from({ length: COUNT }, (_, index) => {
      const id = (0x1000000000000000 + index * 7919).toString(16).slice(0, 16);
      const entry: ArticleSummary = {
        ...base,
        id,
        date: '2024-02-29',
        headline: `Bericht ${index} over de gemeenteraad`,
        keywords: [`onderwerp${index % 400}`, `thema${index % 131}`, `woord${index}`, 'gemeenteraad', 'begroting'],
        entities: [`Persoon ${index % 700}`, `Plaats ${index % 90}`],
        bodyHash: `hash${index}`,
        minhash: '',
      };
      return articleItems(
        { ...entry, blocks: [], sources: [], ingestedAt: '2024-02-29T12:00:00.000Z' },
        `bulk/${index}.txt`,
        // No blocks, so no text item: the article item is all there is to write.
      ).article;
    });
    // Written straight into the table: generating, not ingesting, is what is measured here.
    const batches = Array.from({ length: Math.ceil(COUNT / 25) }, (_, index) =>
      items.slice(index * 25, index * 25 + 25).map((Item) => ({ PutRequest: { Item } })),
    );
    for (let start = 0; start < batches.length; start += 8) {
      await Promise.all(
        batches.slice(start, start + 8).map((batch) => batchWriteAll(service.documents, service.tableName, batch)),
      );
    }
    await batchWriteAll(
      service.documents,
      service.tableName,
      ['2024', '2024-02', '2024-02-29'].map((period) => ({
        PutRequest: { Item: { ...keys.period(period), articleCount: COUNT, version: 1 } },
      })),
    );
  });

  it('is generated within a bounded heap, stored beyond the item limit, and served', async () => {
    // The real generator in a process of its own, under a hard heap limit: it either fits or crashes.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        `--max-old-space-size=${HEAP_LIMIT_MB}`,
        '--import',
        'tsx',
        'scripts/generate.ts',
        '--dynamodb-endpoint',
        process.env.AWS_ENDPOINT_URL_DYNAMODB as string,
      ],
      { cwd: PROJECT_ROOT, env: { ...process.env, TABLE_NAME: service.tableName } },
    );
    expect(stdout).toMatch(/^\d+ digests generated \(.*2024-02-29.*\), \d+ unchanged, 0 failed$/m);

    const served = await call(service, '/digests/2024-02-29');
    expect(served.statusCode).toBe(200);
    expect(served.body).toMatchObject({ articleCount: COUNT, stale: false });
  });

  it('is served a page at a time, every page well inside the 6 MB a Lambda function may answer', async () => {
    const LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024;
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    let largest = 0;
    do {
      const result = await service.api(
        toHttpApiEvent({ method: 'GET', url: `/digests/2024-02-29?limit=200${cursor ? `&cursor=${cursor}` : ''}` }),
        lambdaContext('api'),
      );
      largest = Math.max(largest, Buffer.byteLength(String(result.body)));
      const page = JSON.parse(String(result.body));
      for (const article of page.articles) seen.add(article.id);
      cursor = page.cursor;
      pages += 1;
    } while (cursor && pages < 100);
    // Each article once; the copies the generator grouped under another are listed with it, not on their own.
    expect(seen.size).toBeGreaterThan(COUNT / 2);
    expect(pages).toBe(Math.ceil(seen.size / 200));
    expect(largest).toBeLessThan(LAMBDA_RESPONSE_LIMIT / 4);
  });
});
