import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { EDGE_HEADERS } from '../../functions/api/edge';
import { type Format, preferredFormat } from '../../functions/api/formats';
import { openApiDocument } from '../../functions/api/openapi';
import { type EdgeRoute, edgeRoutes, MAX_FUNCTION_CODE_BYTES, viewerRequestCode } from '../../lib/edge/code';

interface ViewerValue {
  value: string;
  multiValue?: { value: string }[];
}
interface ViewerRequest {
  uri: string;
  headers: Record<string, ViewerValue>;
  querystring: Record<string, ViewerValue>;
}
interface EdgeResponse {
  statusCode: number;
  headers: Record<string, { value: string }>;
  body: { encoding: string; data: string };
}

const CODE = viewerRequestCode();
/** The function exactly as CloudFront gets it, run in a context of its own with nothing of Node's. */
const handler = runInNewContext(`${CODE}\nhandler`, {}) as (event: {
  request: ViewerRequest;
}) => ViewerRequest | EdgeResponse;

const ROUTES = edgeRoutes();

function viewerRequest(
  uri: string,
  headers: Record<string, string> = {},
  query: Record<string, string> = {},
): ViewerRequest {
  const wrap = (values: Record<string, string>): Record<string, ViewerValue> =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }]));
  return { uri, headers: wrap({ host: 'd111111abcdef8.cloudfront.net', ...headers }), querystring: wrap(query) };
}

function forwarded(uri: string, headers: Record<string, string> = {}, query: Record<string, string> = {}) {
  const result = handler({ request: viewerRequest(uri, headers, query) });
  if ('statusCode' in result) throw new Error(`${uri} was answered at the edge with ${result.statusCode}`);
  return result;
}

const representation = (uri: string, accept?: string, query: Record<string, string> = {}) =>
  forwarded(uri, accept === undefined ? {} : { accept }, query).headers[EDGE_HEADERS.representation]?.value;

/** A path of each public route, with its parameters filled in. */
const SAMPLE_PATHS: Record<string, string> = {
  '/': '/',
  '/digests': '/digests',
  '/digests/{date}': '/digests/2021-12',
  '/feeds/latest': '/feeds/latest',
  '/articles/{id}': '/articles/1f593337c9f3638e',
  '/stories/{id}': '/stories/96d6f5872b6a',
  '/names/{id}': '/names/vladimir-putin',
  '/openapi.json': '/openapi.json',
};
const samplePath = (path: string): string => {
  const sample = SAMPLE_PATHS[path];
  if (!sample) throw new Error(`no sample path for the route ${path}: add one above`);
  return sample;
};

const ACCEPT = {
  chrome: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8',
  firefox: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  feedReader: 'application/atom+xml,application/rss+xml;q=0.9,application/xml;q=0.8,text/html;q=0.5,*/*;q=0.1',
  jsonFeedReader: 'application/feed+json, application/json;q=0.9',
  curl: '*/*',
  httpClient: 'application/json; charset=utf-8',
  garbage: ';;q=,=/;,\u0000',
  image: 'image/png',
} as const;

describe('the CloudFront viewer-request function', () => {
  it('fits in CloudFront (10 KB)', () => {
    expect(Buffer.byteLength(CODE)).toBeLessThanOrEqual(MAX_FUNCTION_CODE_BYTES);
  });

  it('knows every public route of the OpenAPI document, with its formats in the order of its format parameter', () => {
    const documented = Object.entries(openApiDocument.paths).filter(([path]) => !path.startsWith('/admin/'));
    expect(ROUTES).toHaveLength(documented.length);
    for (const [path, item] of documented) {
      const { parameters = [] } = item.get as {
        parameters?: readonly { name?: string; schema?: { enum?: readonly string[] } }[];
      };
      // A route without the parameter answers JSON only.
      const formatEnum = parameters.find((parameter) => parameter.name === 'format')?.schema?.enum ?? ['json'];
      const route = ROUTES.find((candidate) => new RegExp(candidate.pattern).test(samplePath(path)));
      expect(route?.formats).toEqual(formatEnum);
    }
  });

  it.each([
    [
      'a browser',
      ACCEPT.chrome,
      { '/': 'html', '/digests/2021-12': 'html', '/feeds/latest': 'atom', '/openapi.json': 'json' },
    ],
    ['another browser', ACCEPT.firefox, { '/digests': 'html', '/articles/1f593337c9f3638e': 'html' }],
    ['a feed reader', ACCEPT.feedReader, { '/digests/2021-12': 'atom', '/feeds/latest': 'atom', '/': 'html' }],
    [
      'a JSON Feed reader',
      ACCEPT.jsonFeedReader,
      { '/digests/2021-12': 'jsonfeed', '/feeds/latest': 'jsonfeed', '/': 'json' },
    ],
    ['curl', ACCEPT.curl, { '/': 'html', '/digests': 'json', '/digests/2021-12': 'json', '/feeds/latest': 'atom' }],
    ['a client that sends no Accept', undefined, { '/': 'html', '/digests/2021-12': 'json', '/feeds/latest': 'atom' }],
    ['an HTTP client asking for JSON with a charset', ACCEPT.httpClient, { '/': 'json', '/feeds/latest': 'none' }],
    ['garbage', ACCEPT.garbage, { '/': 'none', '/digests/2021-12': 'none', '/openapi.json': 'none' }],
    ['an image viewer', ACCEPT.image, { '/digests/2021-12': 'none' }],
  ] as const)('keys %s by the format the route chooses', (_client, accept, expected) => {
    for (const [uri, format] of Object.entries(expected))
      expect([uri, representation(uri, accept)]).toEqual([uri, format]);
  });

  it('chooses what the API itself chooses, on every route, for any Accept', () => {
    const mediaRange = fc.oneof(
      fc.constantFrom(
        'text/html',
        'application/json',
        'application/atom+xml',
        'application/rss+xml',
        'application/feed+json',
        'application/xml',
        'application/*',
        'text/*',
        '*/*',
        'image/webp',
        'TEXT/HTML',
        'text',
        '',
      ),
      fc.string({ maxLength: 12 }),
    );
    const parameter = fc.oneof(
      fc.constantFrom(
        'q=0',
        'q=0.5',
        'q=1',
        'q=0.8',
        ' q = 0.9 ',
        'Q=0.3',
        'charset=utf-8',
        'level=1',
        'q="0.4"',
        'q=abc',
      ),
      fc.string({ maxLength: 8 }),
    );
    const range = fc
      .tuple(mediaRange, fc.array(parameter, { maxLength: 3 }))
      .map(([type, parameters]) => [type, ...parameters].join(';'));
    const accept = fc.oneof(
      fc.array(range, { maxLength: 6 }).map((ranges) => ranges.join(',')),
      fc.string({ maxLength: 40 }),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(accept, fc.constantFrom(...ROUTES), (value: string | undefined, route: EdgeRoute) => {
        const path = Object.values(SAMPLE_PATHS).find((sample) => new RegExp(route.pattern).test(sample)) as string;
        const expected = preferredFormat<Format>(value, route.formats) ?? 'none';
        expect(representation(path, value)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('keys a request with ?format= by the query alone, which is in the cache key already', () => {
    expect(representation('/digests/2021-12', ACCEPT.chrome, { format: 'atom' })).toBe('query');
    expect(representation('/digests/2021-12', ACCEPT.curl, { format: 'atom' })).toBe('query');
  });

  it('keys a path no public route has by the whole Accept, whatever the API answers there', () => {
    expect(representation('/topics/abc', ACCEPT.chrome)).toBe(`accept:${ACCEPT.chrome}`);
    expect(representation('/topics/abc', undefined)).toBe('accept:');
    expect(representation('/digests/2021/12', ACCEPT.curl)).toBe('accept:*/*');
  });

  it('matches percent-encoded paths as API Gateway decodes them', () => {
    expect(representation('/%64igests/2021-12', ACCEPT.chrome)).toBe('html');
  });

  it('reads a repeated Accept as API Gateway passes it on: joined by commas', () => {
    const request = viewerRequest('/digests/2021-12');
    request.headers.accept = {
      value: 'application/rss+xml;q=0.5',
      multiValue: [{ value: 'application/rss+xml;q=0.5' }, { value: 'application/atom+xml' }],
    };
    const result = handler({ request }) as ViewerRequest;
    expect(result.headers[EDGE_HEADERS.representation]?.value).toBe('atom');
  });

  it('passes on the host the reader used, and overwrites what a viewer sends under the function’s header names', () => {
    const result = forwarded('/feeds/latest', {
      host: 'news.example.com',
      [EDGE_HEADERS.host]: 'evil.example',
      [EDGE_HEADERS.representation]: 'html',
    });
    expect(result.headers[EDGE_HEADERS.host]?.value).toBe('news.example.com');
    expect(result.headers[EDGE_HEADERS.representation]?.value).toBe('atom');
  });

  it.each([
    '/admin/rejections',
    '/admin/ingest-status',
    '/admin',
    '/admin/',
    '/%61dmin/rejections',
    '/ADMIN/rejections',
  ])('answers %s itself with a 404 in the API error shape, never passing it on', (uri) => {
    const result = handler({ request: viewerRequest(uri, { accept: ACCEPT.curl }) }) as EdgeResponse;
    expect(result.statusCode).toBe(404);
    expect(result.headers['cache-control']?.value).toBe('no-store');
    expect(JSON.parse(result.body.data)).toEqual({
      error: { code: 'NotFound', message: expect.stringContaining('IAM') },
    });
  });

  it('passes on a path that only starts like admin', () => {
    expect(representation('/administrator', ACCEPT.curl)).toBe('accept:*/*');
  });
});
