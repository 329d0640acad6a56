import escapeHtml from 'escape-html';
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
  // Stored digests: a digest computed on demand is stamped with the time of the request.
  await service.generate({}, {} as never);
});
afterAll(() => service.close());

/** What a browser sends when a person follows a link. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8';

/** The API function's whole answer to one request, as the deployed HTTP API would pass it on. */
async function raw(url: string, headers: Record<string, string> = {}, method = 'GET') {
  const result = await service.api(toHttpApiEvent({ method, url, headers }), lambdaContext('api'));
  return { status: result.statusCode, headers: result.headers ?? {}, body: String(result.body ?? '') };
}

const firstArticle = async () => (await call(service, '/digests/2021-12')).body.articles[0].id as string;

describe('routes and methods', () => {
  it.each([
    ['POST', '/digests'],
    ['DELETE', '/digests/2021-12'],
    ['PUT', '/articles/0123456789abcdef'],
    ['OPTIONS', '/admin/ingest-status'],
  ])('answers %s %s with 405, the JSON error body and Allow', async (method, url) => {
    const { statusCode, headers, body } = await call(service, url, { method });
    expect(statusCode).toBe(405);
    expect(headers.Allow).toBe('GET, HEAD');
    expect(body.error).toEqual({ code: 'MethodNotAllowed', message: `${method} is not allowed here; use GET, HEAD` });
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

describe('HEAD', () => {
  const BROWSER_ACCEPT_HEADERS = { accept: BROWSER_ACCEPT };
  let articleId: string;
  const routes = (): [string, Record<string, string>][] => [
    ['/', {}],
    ['/', BROWSER_ACCEPT_HEADERS],
    ['/digests', {}],
    ['/digests?limit=1', {}],
    ['/digests/2021-12', {}],
    ['/digests/2021-12', BROWSER_ACCEPT_HEADERS],
    ['/digests/2021-12?format=atom', {}],
    ['/digests/2021?format=jsonfeed&limit=1', {}],
    ['/feeds/latest?format=rss', {}],
    [`/articles/${articleId}`, {}],
    [`/articles/${articleId}`, BROWSER_ACCEPT_HEADERS],
    [`/stories/${storyId}`, {}],
    [`/stories/${storyId}`, BROWSER_ACCEPT_HEADERS],
    [`/stories/${storyId}?format=rss`, {}],
    ['/stories/0123456789ab', {}],
    ['/names/vladimir-putin', {}],
    ['/names/vladimir-putin', BROWSER_ACCEPT_HEADERS],
    ['/names/vladimir-putin?format=atom&limit=1', {}],
    ['/names/nobody-at-all', {}],
    ['/names/Not-An-Id', BROWSER_ACCEPT_HEADERS],
    ['/openapi.json', {}],
    ['/admin/ingest-status', {}],
    ['/admin/rejections', {}],
    // Errors and 304s as well.
    ['/nothing/here', {}],
    ['/nothing/here', BROWSER_ACCEPT_HEADERS],
    ['/digests/2021-13', {}],
    ['/digests/1999', BROWSER_ACCEPT_HEADERS],
    ['/openapi.json', { accept: 'text/html' }],
  ];
  let storyId: string;
  beforeAll(async () => {
    articleId = await firstArticle();
    storyId = (await call(service, '/digests/2021-12')).body.stories[0].id;
  });

  it('answers every route with the status and headers of its GET, and no body', async () => {
    const seen = new Set<number>();
    for (const [url, headers] of routes()) {
      const get = await raw(url, headers);
      const head = await raw(url, headers, 'HEAD');
      expect({ url, status: head.status, headers: head.headers }).toEqual({
        url,
        status: get.status,
        headers: get.headers,
      });
      expect(head.body).toBe('');
      expect(get.body).not.toBe('');
      seen.add(get.status ?? 0);
    }
    expect([...seen].sort()).toEqual([200, 400, 404, 406]);
  });

  it('carries the caching, type and security headers of the GET', async () => {
    const { status, headers } = await raw('/digests/2021-12', {}, 'HEAD');
    expect(status).toBe(200);
    expect(headers).toMatchObject({
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
      ETag: expect.stringMatching(/^"[\w-]{27}"$/),
      'Last-Modified': expect.stringMatching(/ GMT$/),
      Vary: 'Accept',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': expect.stringMatching(/^default-src 'none';/),
    });
  });

  it('answers 304 where the GET would, with the same headers', async () => {
    const { headers } = await raw('/digests/2021-12');
    const conditional = { 'if-none-match': String(headers.ETag) };
    const get = await raw('/digests/2021-12', conditional);
    const head = await raw('/digests/2021-12', conditional, 'HEAD');
    expect(get.status).toBe(304);
    expect(head).toEqual(get);
  });

  it('is listed in the OpenAPI document for every path, as its GET without content', async () => {
    const document = (await call(service, '/openapi.json')).body;
    for (const [path, item] of Object.entries<Record<string, { operationId: string; responses: object }>>(
      document.paths,
    )) {
      const { get, head } = item;
      expect({ path, head: head?.operationId }).toEqual({ path, head: `${get?.operationId}Head` });
      expect(Object.keys(head?.responses ?? {})).toEqual(Object.keys(get?.responses ?? {}));
      expect(JSON.stringify(head?.responses)).not.toContain('"content"');
    }
  });
});

describe('conditional requests', () => {
  const digest = '/digests/2021-12';
  const lastModifiedOf = async (url: string) => String((await raw(url)).headers['Last-Modified']);
  /** The served Last-Modified moved by `seconds`, as an HTTP-date. */
  const shifted = (lastModified: string, seconds: number) =>
    new Date(Date.parse(lastModified) + seconds * 1000).toUTCString();

  it.each([
    ['the Last-Modified itself', 0, 304],
    ['a second later', 1, 304],
    ['a day later', 86_400, 304],
    ['a second earlier', -1, 200],
  ])('answers If-Modified-Since of %s (%i s) with %i', async (_, seconds, status) => {
    for (const url of [digest, `${digest}?format=atom`, `/articles/${await firstArticle()}`]) {
      const since = shifted(await lastModifiedOf(url), seconds);
      const answer = await raw(url, { 'if-modified-since': since });
      expect({ url, status: answer.status }).toEqual({ url, status });
      if (status === 304) {
        expect(answer.body).toBe('');
        expect(answer.headers.ETag).toEqual((await raw(url)).headers.ETag);
        expect(answer.headers['Content-Type']).toBeUndefined();
      }
    }
  });

  it('reads the obsolete date forms a recipient must accept', async () => {
    const lastModified = new Date(Date.parse(await lastModifiedOf(digest)));
    const [weekday, day, month, year, time] = lastModified.toUTCString().replace(',', '').split(' ');
    const long = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(lastModified);
    const rfc850 = `${long}, ${day}-${month}-${String(year).slice(2)} ${time} GMT`;
    const asctime = `${weekday} ${month} ${String(Number(day)).padStart(2, ' ')} ${time} ${year}`;
    for (const since of [rfc850, asctime]) {
      expect((await raw(digest, { 'if-modified-since': since })).status).toBe(304);
    }
  });

  it.each([
    'yesterday',
    '2999-01-01',
    '1/1/2999',
    'Fri, 01 Jan 2999 00:00:00 GMT, Fri, 01 Jan 2999 00:00:00 GMT',
    'Fri, 31 Feb 2999 00:00:00 GMT',
    'Fri, 01 Jan 2999 25:00:00 GMT',
    'Fri, 01 Jan 2999 00:00:00 CET',
    '',
    '\u0000',
  ])('ignores the malformed If-Modified-Since %j: 200 with the body', async (since) => {
    const answer = await raw(digest, { 'if-modified-since': since });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).date).toBe('2021-12');
  });

  it('lets If-None-Match decide whenever it is sent', async () => {
    const { headers } = await raw(digest);
    const later = shifted(String(headers['Last-Modified']), 60);
    const earlier = shifted(String(headers['Last-Modified']), -60);
    expect((await raw(digest, { 'if-none-match': '"other"', 'if-modified-since': later })).status).toBe(200);
    expect((await raw(digest, { 'if-none-match': String(headers.ETag), 'if-modified-since': earlier })).status).toBe(
      304,
    );
  });

  it('ignores If-Modified-Since where the answer has no Last-Modified', async () => {
    const listing = await raw('/digests');
    expect(listing.headers['Last-Modified']).toBeUndefined();
    expect(
      (await raw('/digests', { 'if-modified-since': new Date(Date.now() + 86_400_000).toUTCString() })).status,
    ).toBe(200);
  });

  it('never turns an error into a 304', async () => {
    const since = new Date(Date.now() + 86_400_000).toUTCString();
    expect((await raw('/digests/1999', { 'if-modified-since': since, 'if-none-match': '*' })).status).toBe(404);
  });
});

describe('errors for browsers', () => {
  const pages = new HtmlValidate({ extends: ['html-validate:recommended'] });

  it.each([
    ['/nothing/here', 'GET', 404, 'NotFound', BROWSER_ACCEPT, '*/*'],
    ['/articles/0123456789abcdef', 'GET', 404, 'NotFound', BROWSER_ACCEPT, 'application/json'],
    ['/digests/2021-13', 'GET', 400, 'BadRequest', BROWSER_ACCEPT, '*/*'],
    ['/digests', 'POST', 405, 'MethodNotAllowed', BROWSER_ACCEPT, 'application/json'],
    ['/openapi.json', 'GET', 406, 'NotAcceptable', 'text/html', 'application/atom+xml'],
    ['/feeds/latest', 'GET', 406, 'NotAcceptable', 'text/html, application/json;q=0.5', 'application/json'],
    ['/digests/2021-12?cursor=x', 'GET', 400, 'BadRequest', BROWSER_ACCEPT, '*/*'],
  ])(
    'answer %s %s as a page: same status, code, message and headers as the JSON',
    async (url, method, status, code, accept, programAccept) => {
      const json = await raw(url, { accept: programAccept }, method);
      const page = await raw(url, { accept }, method);
      const { error } = JSON.parse(json.body);
      expect(json.status).toBe(status);
      expect(error.code).toBe(code);
      expect(page.status).toBe(status);
      expect(page.headers).toEqual({ ...json.headers, 'Content-Type': 'text/html; charset=utf-8' });
      expect(page.body.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(page.body).toContain(`<p class="lede">${escapeHtml(error.message)}</p>`);
      expect(page.body).toContain(`${status} · ${code}`);
      const report = await pages.validateString(page.body);
      expect(report.results.flatMap((file) => file.messages.map((message) => message.message))).toEqual([]);
    },
  );

  it.each([
    undefined,
    '*/*',
    'application/json',
    'application/json, text/html;q=0.9',
    'text/html;q=0.5, application/json',
    'application/xml',
  ])('stay JSON for Accept %s, which does not prefer text/html', async (accept) => {
    const { status, headers, body } = await raw('/nothing/here', accept === undefined ? {} : { accept });
    expect(status).toBe(404);
    expect(headers['Content-Type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(body).error.code).toBe('NotFound');
  });

  it('escapes what the caller sent, quoted in the message', async () => {
    const { body } = await raw('/<script>alert(1)</script>', { accept: 'text/html' });
    expect(body).not.toContain('<script>');
    expect(body).toContain('&lt;script&gt;');
  });
});

describe('any request', () => {
  const storyIds: string[] = [];
  const segment = fc.oneof(
    fc.constantFrom(
      'digests',
      'articles',
      'admin',
      'rejections',
      'ingest-status',
      'feeds',
      'latest',
      'stories',
      'names',
      'vladimir-putin',
      'RU',
      'openapi.json',
      '2021',
      '2021-12',
      '2021-12-07',
      '..',
      '.',
      '',
    ),
    fc.constantFrom(
      '%2F',
      '%00',
      '%',
      '%E0%A4%A',
      '%FF',
      '..%2F..%2Fetc',
      '2021-02-30',
      '2021-13',
      '0123456789abcdef',
      '0123456789ab',
    ),
    // The real ids of the seeds' stories, so that story pages are reached, not only their errors.
    fc.nat().map((index) => storyIds[index % storyIds.length] ?? '0123456789ab'),
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
          fc.constantFrom('0', '1', '50', '201', '-1', '1e3', 'json', 'html', 'rss', 'atom', 'jsonfeed', ''),
          fc.string({ maxLength: 40 }),
        ),
      ),
      { maxLength: 3 },
    )
    .map((pairs) => pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&'));
  const accept = fc.oneof(
    fc.constantFrom(
      'application/json',
      'text/html',
      BROWSER_ACCEPT,
      'application/atom+xml',
      '*/*',
      'text/html;q=0.9, */*;q=0.1',
      '',
    ),
    fc.string({ maxLength: 200 }),
  );
  /** ETags the API really hands out (filled in before the runs), among made-up and malformed ones. */
  const etags: string[] = [];
  const ifNoneMatch = fc.oneof(
    fc.constantFrom(undefined, undefined, '*', '"nope"', 'W/"nope"', ''),
    fc.nat().map((index) => etags[index % etags.length] ?? '*'),
    fc.nat().map((index) => `"x", W/${etags[index % etags.length] ?? '"y"'}`),
    fc.string({ maxLength: 60 }),
  );
  const date = fc.date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  });
  const ifModifiedSince = fc.oneof(
    fc.constant(undefined),
    date.map((value) => value.toUTCString()),
    date.map((value) => value.toISOString()),
    fc.constantFrom('Sun, 06 Nov 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994'),
    fc.constantFrom('Fri, 31 Feb 2099 00:00:00 GMT', 'Fri, 01 Jan 2099 24:00:00 GMT', 'now', ''),
    fc.string({ maxLength: 60 }),
  );
  const headers = fc
    .record({ accept, 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince })
    .map((all) =>
      Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    );
  const method = fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'HEAD', 'POST', 'OPTIONS', 'DELETE');
  const request = (verb: string, route: string, search: string, sent: Record<string, string>) =>
    service.api(
      toHttpApiEvent({
        method: verb,
        url: search ? `${route}?${search}` : route,
        headers: { ...sent, 'x-forwarded-for': '\u0000' },
      }),
      lambdaContext('api'),
    );

  const pages = new HtmlValidate({ extends: ['html-validate:recommended'] });

  beforeAll(async () => {
    storyIds.push(...(await call(service, '/digests/2021')).body.stories.map((story: { id: string }) => story.id));
    const urls = [
      '/',
      '/digests',
      '/digests/2021-12',
      '/digests/2021',
      '/digests/2021-12?format=atom',
      '/feeds/latest',
      '/names/vladimir-putin',
    ];
    for (const url of urls) etags.push(String((await raw(url)).headers.ETag));
  });

  it('never gets a 5xx, and always gets a valid body of the type it says, or none for a HEAD or a 304', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, query, headers, async (verb, route, search, sent) => {
        const result = await request(verb, route, search, sent);
        const statusCode = result.statusCode ?? 200;
        expect(statusCode).toBeLessThan(500);
        if (verb === 'HEAD' || statusCode === 304) {
          expect(result.body).toBe('');
          return;
        }
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

  it('gets the status and headers of the GET for a HEAD, and no body', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(path, query, headers, async (route, search, sent) => {
        const get = await request('GET', route, search, sent);
        const head = await request('HEAD', route, search, sent);
        expect({ statusCode: head.statusCode, headers: head.headers }).toEqual({
          statusCode: get.statusCode,
          headers: get.headers,
        });
        expect(head.body).toBe('');
        statuses.add(get.statusCode ?? 200);
      }),
      { numRuns: 500 },
    );
    // The runs reached real answers, not only errors.
    expect([...statuses]).toEqual(expect.arrayContaining([200, 400, 404]));
  });
});

describe('formats', () => {
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
    const { status, headers, body } = await raw(url, accept === undefined ? {} : { accept });
    expect(status).toBe(200);
    expect(headers['Content-Type']).toBe(`${type}; charset=utf-8`);
    expect(headers.Vary).toBe('Accept');
    if (type === 'text/html') expect(body.startsWith('<!DOCTYPE html>')).toBe(true);
    else expect(JSON.parse(body)).toBeInstanceOf(Object);
  });

  it('serves an article as a page to a browser and as JSON to a program', async () => {
    const id = await firstArticle();
    const page = await raw(`/articles/${id}`, { accept: BROWSER_ACCEPT });
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<h1>Gesprek tussen Biden en Poetin afgelopen</h1>');
    const data = await raw(`/articles/${id}`);
    expect(JSON.parse(data.body)).toMatchObject({ id, headline: 'Gesprek tussen Biden en Poetin afgelopen' });
  });

  it('gives the same listing as JSON at / and at /digests', async () => {
    expect((await raw('/', { accept: 'application/json' })).body).toBe((await raw('/digests')).body);
  });

  it.each([
    ['/openapi.json', 'application/atom+xml'],
    ['/admin/ingest-status?format=html', undefined],
    ['/admin/rejections', 'application/atom+xml'],
    ['/articles/0123456789abcdef', 'application/rss+xml'],
    ['/feeds/latest', 'application/json'],
    ['/', 'application/xml'],
  ])('answers %s with Accept %s, which rules out every format it has, with 406 naming them', async (url, accept) => {
    const { status, body } = await raw(url, accept === undefined ? {} : { accept });
    expect(status).toBe(406);
    expect(JSON.parse(body).error).toEqual({ code: 'NotAcceptable', message: expect.stringMatching(/json|atom/) });
  });

  it('puts security headers on pages and data alike', async () => {
    for (const accept of [BROWSER_ACCEPT, 'application/json']) {
      const { headers } = await raw('/digests/2021-12', { accept });
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
