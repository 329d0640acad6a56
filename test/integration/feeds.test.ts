import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { EDGE_HEADERS } from '../../functions/api/edge';
import { toHttpApiEvent } from '../../scripts/local/http-api-bridge';
import { lambdaContext } from '../../scripts/local/lambda-context';
import { seedFiles } from '../seed-files';
import { call, type Service, startService, uploadAndIngest } from './support';

const BASE = 'http://api.test';
const TRICKY =
  ' date 2021-11-15 Wethouder zegt ]]> & <geen> commentaar te geven op de plannen voor het nieuwe zwembad in Zwolle.';
let service: Service;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });

beforeAll(async () => {
  service = await startService();
  await uploadAndIngest(service, { ...Object.fromEntries(seedFiles), 'tricky.txt': TRICKY });
  await service.generate({}, {} as never);
});
afterAll(() => service.close());

/** Fetches `url` as a feed reader on host api.test would. */
async function get(url: string, headers: Record<string, string> = {}) {
  const result = await service.api(
    toHttpApiEvent({ method: 'GET', url, headers: { host: 'api.test', ...headers } }),
    lambdaContext('api'),
  );
  return { status: result.statusCode, type: String(result.headers?.['Content-Type']), body: String(result.body) };
}

const digestIds = async (period: string) =>
  ((await call(service, `/digests/${period}`)).body.articles as { id: string; headline: string }[]).map(
    ({ id, headline }) => ({ id, headline }),
  );

describe('a digest as a feed', () => {
  it('is Atom 1.0 with stable entry ids, titles, links, UTC times and a self link', async () => {
    const { status, type, body } = await get('/digests/2021-12?format=atom');
    expect(status).toBe(200);
    expect(type).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(body)).toBe(true);
    const { feed } = xml.parse(body);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`${BASE}/digests/2021-12`);
    expect([feed.link].flat()).toContainEqual({ '@rel': 'self', '@href': `${BASE}/digests/2021-12?format=atom` });
    expect(feed.updated).toMatch(/Z$/);
    const entries = [feed.entry].flat();
    const expected = await digestIds('2021-12');
    expect(entries.map((entry) => entry.id)).toEqual(expected.map(({ id }) => `${BASE}/articles/${id}`));
    expect(entries.map((entry) => entry.title['#text'])).toEqual(expected.map(({ headline }) => headline));
    for (const entry of entries) {
      expect(entry.link['@href']).toBe(entry.id);
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
  });

  it('links to the host the reader used when CloudFront passes it on, not to the API behind it', async () => {
    // The distribution's viewer-request function sets this header to the viewer's Host (lib/edge/viewer-request.js).
    const { body } = await get('/digests/2021-12?format=atom', { [EDGE_HEADERS.host]: 'news.example.com' });
    const { feed } = xml.parse(body);
    const base = BASE.replace('api.test', 'news.example.com');
    expect([feed.link].flat()).toContainEqual({ '@rel': 'self', '@href': `${base}/digests/2021-12?format=atom` });
    for (const entry of [feed.entry].flat()) expect(entry.id).toMatch(/^http:\/\/news\.example\.com\/articles\//);
  });

  it('is RSS 2.0 with a self link, and a guid, title and link per article', async () => {
    const { type, body } = await get('/digests/2021-12', { accept: 'application/rss+xml' });
    expect(type).toBe('application/rss+xml; charset=utf-8');
    expect(XMLValidator.validate(body)).toBe(true);
    const { rss } = xml.parse(body);
    expect(rss['@version']).toBe('2.0');
    expect([rss.channel['atom:link']].flat()).toContainEqual({
      '@rel': 'self',
      '@href': `${BASE}/digests/2021-12?format=rss`,
      '@type': 'application/rss+xml',
    });
    const items = [rss.channel.item].flat();
    const expected = await digestIds('2021-12');
    expect(items.map((item) => item.guid['#text'])).toEqual(expected.map(({ id }) => `${BASE}/articles/${id}`));
    expect(items.map((item) => item.title)).toEqual(expected.map(({ headline }) => headline));
    expect(items.map((item) => item.link)).toEqual(items.map((item) => item.guid['#text']));
  });

  it('is JSON Feed 1.1', async () => {
    const { type, body } = await get('/digests/2021-12?format=jsonfeed');
    expect(type).toBe('application/feed+json; charset=utf-8');
    const feed = JSON.parse(body);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${BASE}/digests/2021-12?format=jsonfeed`);
    const expected = await digestIds('2021-12');
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual(
      expected.map(({ id }) => `${BASE}/articles/${id}`),
    );
  });

  it('carries ]]>, & and < in text intact, escaped where the format reads HTML', async () => {
    const headline = (await digestIds('2021-11'))[0]?.headline ?? '';
    expect(headline).toContain(']]>');
    const atom = xml.parse((await get('/digests/2021-11?format=atom')).body).feed.entry;
    // Atom titles are type="html": the XML text is HTML whose text is the headline.
    expect(atom.title['#text']).toBe(headline.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    const rss = xml.parse((await get('/digests/2021-11?format=rss')).body).rss.channel.item;
    expect(rss.title).toBe(headline);
    const json = JSON.parse((await get('/digests/2021-11?format=jsonfeed')).body).items[0];
    expect(json.title).toBe(headline);
  });

  it('answers 304 to a feed reader polling with the ETag it has', async () => {
    const first = await service.api(
      toHttpApiEvent({ method: 'GET', url: '/digests/2021-12?format=atom' }),
      lambdaContext('api'),
    );
    const again = await service.api(
      toHttpApiEvent({
        method: 'GET',
        url: '/digests/2021-12?format=atom',
        headers: { 'if-none-match': String(first.headers?.ETag) },
      }),
      lambdaContext('api'),
    );
    expect(again.statusCode).toBe(304);
  });

  it.each(['atom', 'rss', 'jsonfeed'])(
    'answers 304 to a feed reader polling the %s feed with only the Last-Modified it has',
    async (format) => {
      const url = `/digests/2021-12?format=${format}`;
      const first = await service.api(toHttpApiEvent({ method: 'GET', url }), lambdaContext('api'));
      const lastModified = String(first.headers?.['Last-Modified']);
      expect(lastModified).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      const again = await service.api(
        toHttpApiEvent({ method: 'GET', url, headers: { 'if-modified-since': lastModified } }),
        lambdaContext('api'),
      );
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers?.['Last-Modified']).toBe(lastModified);
    },
  );
});

describe('the latest digests as a feed', () => {
  it('lists a stored digest per date, newest first, linking to it', async () => {
    const { status, body } = await get('/feeds/latest');
    expect(status).toBe(200);
    const { feed } = xml.parse(body);
    expect(feed.id).toBe(`${BASE}/feeds/latest`);
    const ids = [feed.entry].flat().map((entry) => entry.id);
    expect(ids).toEqual(
      ((await call(service, '/digests')).body.dates as { date: string }[]).map(({ date }) => `${BASE}/digests/${date}`),
    );
  });
});

describe('formats that are not offered', () => {
  it.each([
    ['/digests/2021-12?format=xml', {}],
    ['/digests/2021-12', { accept: 'text/csv' }],
    ['/feeds/latest?format=json', {}],
  ])('answer 406 naming the formats there are: %s %j', async (url, headers) => {
    const { status, type, body } = await get(url, headers);
    expect(status).toBe(406);
    expect(type).toMatch(/^application\/json/);
    expect(JSON.parse(body).error).toMatchObject({
      code: 'NotAcceptable',
      message: expect.stringMatching(/atom, rss, jsonfeed/),
    });
  });

  it('serves JSON, the first format, to an Accept that takes anything alike', async () => {
    expect((await get('/digests/2021-12', { accept: '*/*' })).type).toMatch(/^application\/json/);
    expect((await get('/digests/2021-12', { accept: 'application/*' })).type).toMatch(/^application\/json/);
  });
});
