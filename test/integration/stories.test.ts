import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { toHttpApiEvent } from '../../scripts/local/http-api-bridge';
import { lambdaContext } from '../../scripts/local/lambda-context';
import { call, type Service, startService, uploadAndIngest } from './support';

const STORIES = join(import.meta.dirname, '../fixtures/stories');
/** A fixture article as a seed file dated `date` instead of its own date. */
const dated = (file: string, date: string) =>
  readFileSync(join(STORIES, file), 'utf8').replace(/^\s*date \d{4}(-\d{2}){0,2}/, ` date ${date}`);

let service: Service;
beforeAll(async () => {
  service = await startService();
  await uploadAndIngest(service, {
    'call.txt': dated('nl-poetin-gesprek.txt', '2024-11-12'),
    'next.txt': dated('en-putin-call.txt', '2024-11-13'),
    'storm.txt': dated('nl-storm-bert-zeeland.txt', '2024-11-13'),
  });
  await service.generate({}, {} as never);
});
afterAll(() => service.close());

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

async function raw(url: string, headers: Record<string, string> = {}) {
  const result = await service.api(toHttpApiEvent({ method: 'GET', url, headers }), lambdaContext('api'));
  return { status: result.statusCode, headers: result.headers ?? {}, body: String(result.body ?? '') };
}

/** The story of the digest of `date` that holds the article with this headline word. */
async function storyWith(date: string, word: RegExp) {
  const digest = (await call(service, `/digests/${date}`)).body;
  const article = digest.articles.find((candidate: { headline: string }) => word.test(candidate.headline));
  return digest.stories.find((story: { id: string }) => story.id === article.story);
}

describe('a story across days', () => {
  it('has the same id in both day digests and in the month digest; an unrelated article is not in it', async () => {
    const first = await storyWith('2024-11-12', /Poetin/);
    const second = await storyWith('2024-11-13', /Putin/);
    const month = await storyWith('2024-11', /Putin/);
    expect(first.id).toMatch(/^[0-9a-f]{12}$/);
    expect(second.id).toBe(first.id);
    expect(month.id).toBe(first.id);
    expect((await storyWith('2024-11-13', /Storm/)).id).not.toBe(first.id);
    expect(first).toMatchObject({ url: `/stories/${first.id}`, since: '2024-11-12', earlierArticleCount: 0 });
    expect(second).toMatchObject({ since: '2024-11-12', earlierArticleCount: 1, articleCount: 1 });
    // The month lists the story once, with its articles of both days.
    expect(month).toMatchObject({ since: '2024-11-12', earlierArticleCount: 0, articleCount: 2 });
    const monthDigest = (await call(service, '/digests/2024-11')).body;
    expect(monthDigest.stories.filter((story: { id: string }) => story.id === first.id)).toHaveLength(1);
  });

  it('is served at /stories/{id} with its dates and its articles by date', async () => {
    const { id } = await storyWith('2024-11-12', /Poetin/);
    const { statusCode, body, headers } = await call(service, `/stories/${id}`);
    expect(statusCode).toBe(200);
    expect(headers['Last-Modified']).toMatch(/ GMT$/);
    expect(body).toMatchObject({
      id,
      url: `/stories/${id}`,
      since: '2024-11-12',
      until: '2024-11-13',
      articleCount: 2,
      dates: [
        { date: '2024-11-12', articleCount: 1, url: '/digests/2024-11-12' },
        { date: '2024-11-13', articleCount: 1, url: '/digests/2024-11-13' },
      ],
    });
    expect(body.articles.map((article: { date: string }) => article.date)).toEqual(['2024-11-12', '2024-11-13']);
    expect(body.articles[0]).toMatchObject({
      language: 'nl',
      url: expect.stringMatching(/^\/articles\/[0-9a-f]{16}$/),
    });
  });

  it('is paged like a digest, and a cursor of a changed story is a 409', async () => {
    const { id } = await storyWith('2024-11-12', /Poetin/);
    const first = (await call(service, `/stories/${id}?limit=1`)).body;
    expect(first.articles).toHaveLength(1);
    expect(first.cursor).toEqual(expect.any(String));
    const second = (await call(service, `/stories/${id}?limit=1&cursor=${first.cursor}`)).body;
    expect(second.articles.map((article: { date: string }) => article.date)).toEqual(['2024-11-13']);
    expect(second.cursor).toBeUndefined();
    expect((await call(service, `/stories/${id}?limit=0`)).statusCode).toBe(400);
    expect((await call(service, `/stories/${id}?cursor=nonsense`)).statusCode).toBe(400);
  });

  it('is a page for a browser and a feed in Atom, RSS and JSON Feed', async () => {
    const { id, headline } = await storyWith('2024-11-12', /Poetin/);
    const page = await raw(`/stories/${id}`, { accept: BROWSER_ACCEPT });
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain(`<link rel="alternate" type="application/atom+xml"`);
    expect(page.body).toContain('href="/digests/2024-11-13"');
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(page.body);
    expect(report.results.flatMap((file) => file.messages.map((message) => message.message))).toEqual([]);
    for (const format of ['atom', 'rss']) {
      const feed = await raw(`/stories/${id}?format=${format}`);
      expect(feed.headers['Content-Type']).toBe(`application/${format}+xml; charset=utf-8`);
      expect(XMLValidator.validate(feed.body)).toBe(true);
      expect(feed.body.match(/\/articles\/[0-9a-f]{16}/g)?.length).toBeGreaterThanOrEqual(2);
    }
    const json = JSON.parse((await raw(`/stories/${id}?format=jsonfeed`)).body);
    expect(json.items).toHaveLength(2);
    expect(json.title).toContain(headline.slice(0, 10));
    // The digest's page links to the story's page.
    expect((await raw('/digests/2024-11-13', { accept: BROWSER_ACCEPT })).body).toContain(`href="/stories/${id}"`);
  });

  it('answers an unknown or malformed story id with 404', async () => {
    for (const id of ['0123456789ab', 'nope', 'x'.repeat(3000)]) {
      const { statusCode, body } = await call(service, `/stories/${id}`);
      expect(statusCode).toBe(404);
      expect(body.error.code).toBe('NotFound');
    }
  });
});

describe('a story when articles are added', () => {
  it('keeps its id, and the next day then counts the added article among the earlier ones', async () => {
    const { id } = await storyWith('2024-11-12', /Poetin/);
    await uploadAndIngest(service, { 'added.txt': dated('de-putin-telefonat.txt', '2024-11-12') });
    const run = await service.generate({}, {} as never);
    // The day after is regenerated as well: it may continue the day's stories.
    expect(run.generated).toEqual(expect.arrayContaining(['2024-11-12', '2024-11-13', '2024-11', '2024']));
    expect(run.failed).toEqual([]);
    const first = await storyWith('2024-11-12', /Putin|Poetin/);
    expect(first).toMatchObject({ id, articleCount: 2 });
    expect(await storyWith('2024-11-13', /Putin/)).toMatchObject({ id, earlierArticleCount: 2 });
    expect((await call(service, `/stories/${id}`)).body).toMatchObject({ articleCount: 3 });
    // Nothing changed since: the next run regenerates nothing.
    expect((await service.generate({}, {} as never)).generated).toEqual([]);
  });
});
