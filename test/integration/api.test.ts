import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { toHttpApiEvent } from '../../scripts/local/http-api-bridge';
import { lambdaContext } from '../../scripts/local/lambda-context';
import { seedFiles } from '../seed-files';
import { call, type Service, startService, uploadAndIngest } from './support';

let service: Service;
beforeAll(async () => {
  service = await startService();
  await uploadAndIngest(service, Object.fromEntries(seedFiles));
});
afterAll(() => service.close());

describe('routes and methods', () => {
  it.each([
    ['POST', '/digests'],
    ['DELETE', '/digests/2021-12'],
    ['PUT', '/articles/0123456789abcdef'],
    ['HEAD', '/admin/ingest-status'],
  ])('answers %s %s with 405, the JSON error body and Allow', async (method, url) => {
    const { statusCode, headers, body } = await call(service, url, { method });
    expect(statusCode).toBe(405);
    expect(headers.Allow).toBe('GET');
    expect(body.error.code).toBe('MethodNotAllowed');
  });

  it('answers an unknown path with 404 and the JSON error body', async () => {
    const { statusCode, body } = await call(service, '/nothing/here');
    expect(statusCode).toBe(404);
    expect(body).toEqual({ error: { code: 'NotFound', message: "No resource at '/nothing/here'" } });
  });

  it('answers an article id of any length with 404, quoting it short', async () => {
    const { statusCode, body } = await call(service, `/articles/${'a'.repeat(5000)}`);
    expect(statusCode).toBe(404);
    expect(body.error.message.length).toBeLessThan(200);
  });

  it('quotes a huge date short in its 400', async () => {
    const { statusCode, body } = await call(service, `/digests/${'9'.repeat(5000)}`);
    expect(statusCode).toBe(400);
    expect(body.error.message).toMatch(/^date: /);
    expect(body.error.message.length).toBeLessThan(200);
  });
});

describe('any request', () => {
  const segment = fc.oneof(
    fc.constantFrom(
      'digests',
      'articles',
      'admin',
      'rejections',
      'ingest-status',
      '2021',
      '2021-12',
      '2021-12-07',
      '..',
      '.',
      '',
    ),
    fc.constantFrom('%2F', '%00', '%', '%E0%A4%A', '%FF', '..%2F..%2Fetc', '2021-02-30', '2021-13', '0123456789abcdef'),
    fc.string({ maxLength: 30 }).map(encodeURIComponent),
    fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
    fc.constant('x'.repeat(3000)),
  );
  const path = fc.array(segment, { minLength: 0, maxLength: 5 }).map((segments) => `/${segments.join('/')}`);
  const query = fc
    .array(
      fc.tuple(
        fc.constantFrom('limit', 'cursor', 'format', 'q', fc.sample(fc.string(), 1)[0] ?? 'k'),
        fc.oneof(
          fc.constantFrom('0', '1', '50', '201', '-1', '1e3', 'json', 'html', 'rss', ''),
          fc.string({ maxLength: 40 }),
        ),
      ),
      { maxLength: 3 },
    )
    .map((pairs) => pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&'));
  const accept = fc.oneof(
    fc.constantFrom('application/json', 'text/html', 'application/atom+xml', '*/*', 'text/html;q=0.9, */*;q=0.1', ''),
    fc.string({ maxLength: 200 }),
  );
  const method = fc.constantFrom('GET', 'GET', 'GET', 'POST', 'HEAD', 'OPTIONS', 'DELETE');

  const pages = new HtmlValidate({ extends: ['html-validate:recommended'] });

  it('never gets a 5xx, and always gets a valid body of the type it says', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, query, accept, async (verb, route, search, acceptValue) => {
        const url = search ? `${route}?${search}` : route;
        const result = await service.api(
          toHttpApiEvent({ method: verb, url, headers: { accept: acceptValue, 'x-forwarded-for': '\u0000' } }),
          lambdaContext('api'),
        );
        const statusCode = result.statusCode ?? 200;
        expect(statusCode).toBeLessThan(500);
        const type = String(result.headers?.['Content-Type']);
        // Every answer is a valid document of the type it says: JSON (errors included), a page, or a feed.
        if (/\+xml/.test(type)) {
          expect(XMLValidator.validate(String(result.body))).toBe(true);
        } else if (type.startsWith('text/html')) {
          const report = await pages.validateString(String(result.body));
          expect(report.results.flatMap((file) => file.messages.map((message) => message.message))).toEqual([]);
        } else {
          expect(type).toMatch(/^application\/(json|feed\+json)/);
          const body = JSON.parse(String(result.body));
          if (statusCode >= 400) expect(body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
        }
      }),
      { numRuns: 2000 },
    );
  });
});

/** What a browser sends when a person follows a link. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8';

describe('formats', () => {
  const firstArticle = async () => (await call(service, '/digests/2021-12')).body.articles[0].id as string;
  const raw = async (url: string, accept?: string) => {
    const result = await service.api(
      toHttpApiEvent({ method: 'GET', url, headers: accept === undefined ? {} : { accept } }),
      lambdaContext('api'),
    );
    return { status: result.statusCode, headers: result.headers ?? {}, body: String(result.body) };
  };

  it.each([
    ['/', undefined, 'text/html'],
    ['/', BROWSER_ACCEPT, 'text/html'],
    ['/', 'application/json', 'application/json'],
    ['/?format=json', BROWSER_ACCEPT, 'application/json'],
    ['/digests', undefined, 'application/json'],
    ['/digests', BROWSER_ACCEPT, 'text/html'],
    ['/digests?format=html', 'application/json', 'text/html'],
    ['/digests/2021-12', undefined, 'application/json'],
    ['/digests/2021-12', BROWSER_ACCEPT, 'text/html'],
    ['/digests/2021-12', 'application/json;q=0.5, text/html', 'text/html'],
    ['/digests/2021-12?format=html', undefined, 'text/html'],
    ['/openapi.json', BROWSER_ACCEPT, 'application/json'],
    ['/openapi.json', 'application/json; charset=utf-8', 'application/json'],
    ['/digests', 'application/json;charset=UTF-8', 'application/json'],
    ['/digests/2021-12', 'text/html; charset=utf-8; q=0.9, application/json; q=0.5', 'text/html'],
    ['/admin/ingest-status', 'application/json; charset=utf-8', 'application/json'],
  ])('answers %s with Accept %s as %s', async (url, accept, type) => {
    const { status, headers, body } = await raw(url, accept);
    expect(status).toBe(200);
    expect(headers['Content-Type']).toBe(`${type}; charset=utf-8`);
    expect(headers.Vary).toBe('Accept');
    if (type === 'text/html') expect(body.startsWith('<!DOCTYPE html>')).toBe(true);
    else expect(JSON.parse(body)).toBeInstanceOf(Object);
  });

  it('serves an article as a page to a browser and as JSON to a program', async () => {
    const id = await firstArticle();
    const page = await raw(`/articles/${id}`, BROWSER_ACCEPT);
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<h1>Gesprek tussen Biden en Poetin afgelopen</h1>');
    const data = await raw(`/articles/${id}`);
    expect(JSON.parse(data.body)).toMatchObject({ id, headline: 'Gesprek tussen Biden en Poetin afgelopen' });
  });

  it('gives the same listing as JSON at / and at /digests', async () => {
    expect((await raw('/', 'application/json')).body).toBe((await raw('/digests')).body);
  });

  it.each([
    ['/openapi.json', 'text/html'],
    ['/admin/ingest-status?format=html', undefined],
    ['/admin/rejections', 'application/atom+xml'],
    ['/articles/0123456789abcdef', 'application/rss+xml'],
    ['/feeds/latest', 'text/html'],
    ['/', 'application/xml'],
  ])('answers %s with Accept %s, which rules out every format it has, with 406 naming them', async (url, accept) => {
    const { status, body } = await raw(url, accept);
    expect(status).toBe(406);
    expect(JSON.parse(body).error).toEqual({ code: 'NotAcceptable', message: expect.stringMatching(/json|atom/) });
  });

  it('puts security headers on pages and data alike', async () => {
    for (const accept of [BROWSER_ACCEPT, 'application/json']) {
      const { headers } = await raw('/digests/2021-12', accept);
      expect(headers['Content-Security-Policy']).toMatch(/^default-src 'none';/);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Referrer-Policy']).toBe('no-referrer');
      expect(headers['X-Frame-Options']).toBe('DENY');
    }
  });
});

describe('a digest, page by page', () => {
  it('hands out its articles a page at a time, each with its stories and the whole date summary', async () => {
    const whole = (await call(service, '/digests/2021-12')).body;
    expect(whole.cursor).toBeUndefined();
    const first = (await call(service, '/digests/2021-12?limit=1')).body;
    expect(first.articles).toHaveLength(1);
    expect(first.cursor).toEqual(expect.any(String));
    const second = (await call(service, `/digests/2021-12?limit=1&cursor=${first.cursor}`)).body;
    expect(second.articles).toHaveLength(1);
    expect(second.cursor).toBeUndefined();
    for (const page of [first, second]) {
      expect(page).toMatchObject({ articleCount: 2, summary: whole.summary, topEntities: whole.topEntities });
      const storyIds = page.stories.map((story: { id: string }) => story.id);
      expect(storyIds).toEqual([page.articles[0].story]);
    }
    // In reading order: the story's most central article first, as the story lists them.
    expect([first.articles[0].id, second.articles[0].id]).toEqual(whole.stories[0].articleIds);
    expect([...whole.articles].map((article: { id: string }) => article.id).sort()).toEqual(
      [first.articles[0].id, second.articles[0].id].sort(),
    );
  });

  it.each([
    ['cursor', 'cursor=not-a-cursor'],
    ['cursor', `cursor=${Buffer.from('{"offset":"2"}').toString('base64url')}`],
    ['cursor', `cursor=${Buffer.from('{"offset":"-1"}').toString('base64url')}`],
    ['cursor', `cursor=${Buffer.from('{"offset":"1","x":"y"}').toString('base64url')}`],
    ['cursor', `cursor=${Buffer.from('{"offset":"1e0","edition":"x"}').toString('base64url')}`],
    ['limit', 'limit=0'],
    ['limit', 'limit=201'],
  ])('answers a bad %s (%s) with 400 naming it', async (name, search) => {
    const { statusCode, body } = await call(service, `/digests/2021-12?${search}`);
    expect(statusCode).toBe(400);
    expect(body.error.message).toMatch(new RegExp(`^${name}: `));
  });
});

describe('a digest that changes while a client pages through it', () => {
  const ARTICLES: Record<string, string> = {
    '01': 'De brandweer van Zwolle rukte dinsdagavond uit voor een grote brand in een loods aan de rand van de stad.',
    '02': 'In Almelo opende de bibliotheek een nieuwe vestiging met een leeszaal, een café en een werkplaats voor kinderen.',
    '03': 'De voetbalclub uit Hengelo won zaterdag de finale van het regionale toernooi na een spannende strafschoppenreeks.',
  };
  const article = (day: string) => ` date 2019-05-${day} ${ARTICLES[day]}`;

  it('answers the stale cursor with 409 naming it, and a fresh walk sees the new article', async () => {
    await uploadAndIngest(service, { 'may-1.txt': article('01'), 'may-2.txt': article('02') });
    await service.generate({}, {} as never);
    const first = (await call(service, '/digests/2019-05?limit=1')).body;
    expect(first.cursor).toEqual(expect.any(String));

    await uploadAndIngest(service, { 'may-3.txt': article('03') });
    await service.generate({}, {} as never);
    const stale = await call(service, `/digests/2019-05?limit=1&cursor=${first.cursor}`);
    expect(stale.statusCode).toBe(409);
    expect(stale.body.error).toEqual({ code: 'DigestChanged', message: expect.stringMatching(/^cursor: /) });

    const ids: string[] = [];
    let url = '/digests/2019-05?limit=1';
    for (let page = 0; page < 5 && url; page += 1) {
      const { body } = await call(service, url);
      ids.push(...body.articles.map((entry: { id: string }) => entry.id));
      url = body.cursor ? `/digests/2019-05?limit=1&cursor=${body.cursor}` : '';
    }
    expect(new Set(ids).size).toBe(3);
  });
});

describe('caching', () => {
  it('tags a closed period with a long max-age, its generation time and an ETag, and answers a repeat with 304', async () => {
    await service.generate({}, {} as never);
    const first = await call(service, '/digests/2021-12');
    expect(first.headers['Cache-Control']).toBe('public, max-age=86400');
    expect(first.headers['Last-Modified']).toBe(new Date(first.body.generatedAt).toUTCString());
    const etag = first.headers.ETag as string;
    expect(etag).toMatch(/^"[\w-]{27}"$/);

    const again = await service.api(
      toHttpApiEvent({ method: 'GET', url: '/digests/2021-12', headers: { 'if-none-match': `W/${etag}` } }),
      lambdaContext('api'),
    );
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers?.ETag).toBe(etag);
  });

  it('answers 200 again once the digest changed', async () => {
    const before = await call(service, '/digests/2021');
    await uploadAndIngest(service, {
      'later.txt':
        ' date 2021-06-01 In Groningen ging dinsdag de nieuwe stationstunnel open voor fietsers en voetgangers.',
    });
    await service.generate({}, {} as never);
    const after = await service.api(
      toHttpApiEvent({
        method: 'GET',
        url: '/digests/2021',
        headers: { 'if-none-match': String(before.headers.ETag) },
      }),
      lambdaContext('api'),
    );
    expect(after.statusCode).toBe(200);
    expect(after.headers?.ETag).not.toBe(before.headers.ETag);
  });

  it('keeps the digest of the current month only briefly', async () => {
    const month = new Date().toISOString().slice(0, 7);
    await uploadAndIngest(service, {
      'today.txt': ` date ${month} Vandaag opende in Utrecht een nieuwe overdekte fietsenstalling met ruimte voor duizend fietsen.`,
    });
    expect((await call(service, `/digests/${month}`)).headers['Cache-Control']).toBe('public, max-age=60');
  });

  it('lets no one store the admin answers', async () => {
    expect((await call(service, '/admin/ingest-status')).headers['Cache-Control']).toBe('no-store');
  });
});

describe('GET /digests, page by page', () => {
  it('walks every date with articles, newest first, through opaque cursors', async () => {
    const everything = (await call(service, '/digests?limit=200')).body;
    expect(everything.cursor).toBeUndefined();
    expect(everything.dates.length).toBeGreaterThanOrEqual(4);
    const walked: string[] = [];
    let url = '/digests?limit=2';
    for (let page = 0; page < 20; page += 1) {
      const { statusCode, body } = await call(service, url);
      expect(statusCode).toBe(200);
      expect(body.dates.length).toBeLessThanOrEqual(2);
      walked.push(...body.dates.map((entry: { date: string }) => entry.date));
      if (!body.cursor) break;
      url = `/digests?limit=2&cursor=${encodeURIComponent(body.cursor)}`;
    }
    expect(walked).toEqual(everything.dates.map((entry: { date: string }) => entry.date));
    expect([...walked].sort().reverse()).toEqual(walked);
  });

  it.each(['0', '201', 'abc', '-5'])('answers 400 for limit=%s, naming the parameter', async (limit) => {
    const { statusCode, body } = await call(service, `/digests?limit=${limit}`);
    expect(statusCode).toBe(400);
    expect(body.error.message).toMatch(/^limit:/);
  });

  it('answers 400 for a cursor it did not hand out', async () => {
    const { statusCode, body } = await call(service, '/digests?cursor=bm90LWEta2V5');
    expect(statusCode).toBe(400);
    expect(body.error.message).toMatch(/^cursor:/);
  });
});

describe('forged cursors', () => {
  const forge = (key: unknown) => encodeURIComponent(Buffer.from(JSON.stringify(key)).toString('base64url'));

  it.each([
    ['another partition', { pk: 'ARTICLE#0123456789abcdef', sk: 'ARTICLE' }],
    ['a missing attribute', { pk: 'PERIODS' }],
    ['a number for a key', { pk: 'PERIODS', sk: 2021 }],
    ['an extra attribute', { pk: 'PERIODS', sk: '2021', other: 'x' }],
  ])('are refused with 400 when they carry %s', async (_, key) => {
    for (const route of ['/digests', '/admin/rejections']) {
      const { statusCode, body } = await call(service, `${route}?cursor=${forge(key)}`);
      expect(statusCode).toBe(400);
      expect(body.error.message).toMatch(/^cursor:/);
    }
  });
});
