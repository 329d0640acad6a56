import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { DynamoDbNameStore } from '../../functions/adapters/dynamodb-name-store';
import { keys } from '../../functions/adapters/table-schema';
import { namedArticle } from '../../functions/core/name-index';
import { toHttpApiEvent } from '../../scripts/local/http-api-bridge';
import { lambdaContext } from '../../scripts/local/lambda-context';
import { FIRST_SEED, SECOND_SEED, seedText } from '../seed-files';
import { call, type Service, sqsEventFor, startService, uploadAndIngest } from './support';

const STORIES = join(import.meta.dirname, '../fixtures/stories');
const fixture = (file: string) => readFileSync(join(STORIES, file), 'utf8');
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let service: Service;
beforeAll(async () => {
  service = await startService();
  await uploadAndIngest(service, {
    [FIRST_SEED]: seedText(FIRST_SEED),
    [SECOND_SEED]: seedText(SECOND_SEED),
    'en-call.txt': fixture('en-putin-call.txt'),
    'storm.txt': fixture('nl-storm-bert-zeeland.txt'),
  });
  // Ingest counts an article in its own period; its month and year follow at the generator's run (issue #18), and
  // the links between digests of a level count on those, remembered a minute by the API.
  await service.generate({}, {} as never);
});
afterAll(() => service.close());

async function raw(url: string, headers: Record<string, string> = {}) {
  const result = await service.api(toHttpApiEvent({ method: 'GET', url, headers }), lambdaContext('api'));
  return { status: result.statusCode, headers: result.headers ?? {}, body: String(result.body ?? '') };
}

/** The ids of the articles on a name's first page, or its status when it has none. */
async function articlesOf(name: string): Promise<string[] | number> {
  const { statusCode, body } = await call(service, `/names/${name}`);
  return statusCode === 200 ? body.articles.map((article: { id: string }) => article.id).sort() : statusCode;
}

const recordOf = async (key: string) =>
  (
    await service.documents.send(
      new QueryCommand({
        TableName: service.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.object(key).pk },
      }),
    )
  ).Items?.[0] as { articleId: string; sequencer: string };

/** Every item of the name index, as `<pk> <sk>`. */
async function nameItems(name: string): Promise<string[]> {
  const items: string[] = [];
  for (let shard = 0; shard < 4; shard += 1) {
    const { Items = [] } = await service.documents.send(
      new QueryCommand({
        TableName: service.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.nameShard(name, shard) },
      }),
    );
    items.push(...Items.map((item) => `${item.pk} ${item.sk}`));
  }
  return items.sort();
}

async function remove(key: string): Promise<void> {
  await service.s3.send(new DeleteObjectCommand({ Bucket: service.bucketName, Key: key }));
  await service.ingest(sqsEventFor(service.bucketName, [key], 'ObjectRemoved:Delete'), lambdaContext('ingest'));
}

describe('a name across dates', () => {
  it('lists both seeds and the English article about Putin, with both spellings and the counts by period', async () => {
    const ids = await Promise.all(
      [FIRST_SEED, SECOND_SEED, 'en-call.txt'].map(async (key) => (await recordOf(key)).articleId),
    );
    const { statusCode, body, headers } = await call(service, '/names/vladimir-putin');
    expect(statusCode).toBe(200);
    expect(headers['Cache-Control']).toBe('public, max-age=60');
    expect(headers.ETag).toEqual(expect.any(String));
    expect(body.articles.map((article: { id: string }) => article.id).sort()).toEqual([...ids].sort());
    expect(body).toMatchObject({ id: 'vladimir-putin', url: '/names/vladimir-putin', articleCount: 3 });
    expect(body.spellings.map((entry: { spelling: string }) => entry.spelling)).toEqual(
      expect.arrayContaining(['Vladimir Poetin', 'Vladimir Putin']),
    );
    expect(body.name).toBe('Vladimir Poetin');
    // Newest first: the English article of 2024-11-12 before the seeds of 2021-12.
    expect(body.articles.map((article: { date: string }) => article.date)).toEqual([
      '2024-11-12',
      '2021-12',
      '2021-12',
    ]);
    expect(body.periods).toEqual([
      { period: '2021', articleCount: 2, url: '/digests/2021' },
      { period: '2021-12', articleCount: 2, url: '/digests/2021-12' },
      { period: '2024', articleCount: 1, url: '/digests/2024' },
      { period: '2024-11', articleCount: 1, url: '/digests/2024-11' },
      { period: '2024-11-12', articleCount: 1, url: '/digests/2024-11-12' },
    ]);
    // A place by its code, spelled in two languages.
    expect(await articlesOf('RU')).toEqual(expect.arrayContaining(ids));
    // The storm names none of them.
    expect(await articlesOf('joe-biden')).toEqual(expect.arrayContaining(ids));
  });

  it('is paged with a cursor, newest first, without repeating or skipping an article', async () => {
    const whole = (await call(service, '/names/vladimir-putin')).body.articles.map(
      (article: { id: string }) => article.id,
    );
    const seen: string[] = [];
    let url = '/names/vladimir-putin?limit=1';
    for (let page = 0; page < 5; page += 1) {
      const { body } = await call(service, url);
      seen.push(...body.articles.map((article: { id: string }) => article.id));
      if (!body.cursor) break;
      url = `/names/vladimir-putin?limit=1&cursor=${body.cursor}`;
    }
    expect(seen).toEqual(whole);
    for (const bad of [
      '?limit=0',
      '?limit=201',
      '?cursor=nonsense',
      `?cursor=${Buffer.from('{"after":"x"}').toString('base64url')}`,
    ]) {
      const { statusCode, body } = await call(service, `/names/vladimir-putin${bad}`);
      expect([bad, statusCode, body.error.code]).toEqual([bad, 400, 'BadRequest']);
    }
  });

  it('answers a malformed id with 400 and an unknown one with 404', async () => {
    for (const id of ['Vladimir-Putin', 'vladimir--putin', 'a%20b', 'x'.repeat(300), 'RUS']) {
      const { statusCode, body } = await call(service, `/names/${id}`);
      expect([id, statusCode, body.error.code]).toEqual([id, 400, 'BadRequest']);
    }
    for (const id of ['nobody-at-all', 'ZZ', encodeURIComponent('путин')]) {
      const { statusCode, body } = await call(service, `/names/${id}`);
      expect([id, statusCode, body.error.code]).toEqual([id, 404, 'NotFound']);
    }
  });

  it('is a page for a browser that announces its feeds, and a feed in Atom, RSS and JSON Feed', async () => {
    const page = await raw('/names/vladimir-putin', { accept: BROWSER_ACCEPT });
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    for (const type of ['application/atom+xml', 'application/rss+xml', 'application/feed+json']) {
      expect(page.body).toContain(`<link rel="alternate" type="${type}"`);
    }
    expect(page.body).toContain('href="/digests/2021-12"');
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(page.body);
    expect(report.results.flatMap((file) => file.messages.map((message) => message.message))).toEqual([]);
    for (const format of ['atom', 'rss']) {
      const feed = await raw(`/names/vladimir-putin?format=${format}`);
      expect(feed.headers['Content-Type']).toBe(`application/${format}+xml; charset=utf-8`);
      expect(XMLValidator.validate(feed.body)).toBe(true);
      expect(new Set(feed.body.match(/\/articles\/[0-9a-f]{16}/g)).size).toBe(3);
    }
    const json = JSON.parse((await raw('/names/vladimir-putin?format=jsonfeed')).body);
    expect(json.items).toHaveLength(3);
    expect(json.title).toBe('Headline digest: Vladimir Poetin');
  });

  it("is linked from a digest's top names and from the names of a digest page and an article page", async () => {
    const digest = (await call(service, '/digests/2021-12')).body;
    expect(digest.topNames).toEqual(
      expect.arrayContaining([
        { id: 'vladimir-putin', name: 'Vladimir Poetin', count: 2, url: '/names/vladimir-putin' },
      ]),
    );
    for (const entry of digest.topNames) expect((await call(service, entry.url)).statusCode).toBe(200);
    expect((await raw('/digests/2021-12', { accept: BROWSER_ACCEPT })).body).toContain('href="/names/vladimir-putin"');
    const article = await raw(digest.articles[0].url, { accept: BROWSER_ACCEPT });
    expect(article.body).toContain('href="/names/vladimir-putin"');
  });
});

describe('a digest between the digests of its level', () => {
  it('links the previous and the next period of the same level that has articles', async () => {
    const around = async (date: string) => {
      const { body } = await call(service, `/digests/${date}`);
      return { previous: body.previous?.date, next: body.next?.date };
    };
    expect(await around('2021-12')).toEqual({ previous: undefined, next: '2024-11' });
    expect(await around('2024-11')).toEqual({ previous: '2021-12', next: undefined });
    expect(await around('2021')).toEqual({ previous: undefined, next: '2024' });
    expect(await around('2024-11-12')).toEqual({ previous: undefined, next: '2024-11-23' });
    const page = await raw('/digests/2024-11-23', { accept: BROWSER_ACCEPT });
    expect(page.body).toContain('<a href="/digests/2024-11-12">← 12 November 2024</a>');
  });
});

describe('the name index as articles change', () => {
  const putinCall = fixture('en-biden-putin-video-call.txt');

  it('keeps an article fed by two objects until the last goes, then the name with no article left is a 404', async () => {
    await uploadAndIngest(service, { 'copy-a.txt': putinCall, 'copy-b.txt': putinCall });
    const { articleId } = await recordOf('copy-a.txt');
    expect((await recordOf('copy-b.txt')).articleId).toBe(articleId);
    const before = (await call(service, '/names/vladimir-putin')).body.articleCount;
    expect(await articlesOf('vladimir-putin')).toContain(articleId);
    await remove('copy-a.txt');
    expect(await articlesOf('vladimir-putin')).toContain(articleId);
    // Counted once, though two objects filed it.
    expect((await call(service, '/names/vladimir-putin')).body.articleCount).toBe(before);
    await remove('copy-b.txt');
    expect(await articlesOf('vladimir-putin')).not.toContain(articleId);
    expect((await call(service, '/names/vladimir-putin')).body.articleCount).toBe(before - 1);

    await uploadAndIngest(service, {
      'zwolle.txt':
        ' date 2023-05-04 In Zwolle opende Henk Wijnperle donderdag een nieuwe brug over de IJssel voor fietsers en wandelaars.',
    });
    const [name] = namedArticle({
      ...(await call(service, `/articles/${(await recordOf('zwolle.txt')).articleId}`)).body,
    }).names;
    expect(name?.id).toEqual(expect.any(String));
    expect(await articlesOf(name?.id as string)).toHaveLength(1);
    await remove('zwolle.txt');
    expect(await articlesOf(name?.id as string)).toBe(404);
    expect(await nameItems(name?.id as string)).toEqual([]);
  });

  it("replaces an object's names when its content is replaced", async () => {
    await uploadAndIngest(service, { 'changing.txt': putinCall });
    const first = (await recordOf('changing.txt')).articleId;
    expect(await articlesOf('vladimir-putin')).toContain(first);
    await uploadAndIngest(service, { 'changing.txt': fixture('nl-storm-conall-maas.txt') });
    const second = (await recordOf('changing.txt')).articleId;
    expect(second).not.toBe(first);
    expect(await articlesOf('vladimir-putin')).not.toContain(first);
    expect(await articlesOf('vladimir-putin')).not.toContain(second);
    await remove('changing.txt');
  });

  it('files an article again when its event is delivered again after the follow-up failed', async () => {
    const { articleId, sequencer } = await recordOf(FIRST_SEED);
    const store = new DynamoDbNameStore(service.documents, service.tableName);
    const article = (await call(service, `/articles/${articleId}`)).body;
    // As if the follow-up had failed: the transaction applied, the name items were never written.
    await store.remove(namedArticle(article));
    expect(await articlesOf('vladimir-putin')).not.toContain(articleId);
    const again = sqsEventFor(service.bucketName, [FIRST_SEED], 'ObjectCreated:Put', () => sequencer);
    expect(await service.ingest(again, lambdaContext('ingest'))).toEqual({ batchItemFailures: [] });
    expect(await articlesOf('vladimir-putin')).toContain(articleId);
  });

  it('is repaired by reconciliation: missing items filed, items of a noted article that is gone removed', async () => {
    const store = new DynamoDbNameStore(service.documents, service.tableName);
    const { articleId } = await recordOf(SECOND_SEED);
    const article = namedArticle((await call(service, `/articles/${articleId}`)).body);
    await store.remove(article);
    // A change noted an article and stopped before its follow-up: the article is gone, its items are not.
    const gone = { ...article, id: 'ffffffffffffffff', date: '2020-01-02' };
    await store.noteCheck(gone);
    await store.put(gone);
    expect(await articlesOf('vladimir-putin')).toContain('ffffffffffffffff');
    expect(await articlesOf('vladimir-putin')).not.toContain(articleId);
    await service.generate({}, {} as never);
    expect(await articlesOf('vladimir-putin')).toContain(articleId);
    expect(await articlesOf('vladimir-putin')).not.toContain('ffffffffffffffff');
    expect(await store.listChecks()).toEqual([]);
    expect(
      (await call(service, '/names/vladimir-putin')).body.periods.map((entry: { period: string }) => entry.period),
    ).not.toContain('2020');
  });
});
