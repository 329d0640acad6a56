import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
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

  it('never gets a 5xx, and always gets a JSON body that says what happened', async () => {
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
        // Every answer is a valid document of the type it says: JSON (errors included), or a feed.
        if (/\+xml/.test(type)) {
          expect(XMLValidator.validate(String(result.body))).toBe(true);
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
