/** The API as OpenAPI 3.1 (JSON Schema 2020-12), served at /openapi.json and checked against real responses in the tests. */
const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const ok = (schema: string, description: string) => ({
  description,
  headers: {
    ETag: { description: 'Tag of this body; send it back as If-None-Match', schema: { type: 'string' } },
    'Cache-Control': { schema: { type: 'string' } },
    Vary: { description: 'Accept: the representation depends on it', schema: { type: 'string' } },
  },
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
});
/** `ok` for a representation that also says when it last changed. */
const dated = (schema: string, description: string) => {
  const response = ok(schema, description);
  return {
    ...response,
    headers: {
      ...response.headers,
      'Last-Modified': {
        description: 'When it last changed; send it back as If-Modified-Since',
        schema: { type: 'string' },
      },
    },
  };
};
const page = { 'text/html': { schema: { type: 'string', description: 'An HTML5 page for people' } } };
const notModified = {
  description:
    'The body the caller has is still current: its ETag matches If-None-Match, or, when the request has no If-None-Match, it has not changed since If-Modified-Since',
};
const methodNotAllowed = error('Another method than GET or HEAD; `Allow` names the methods the path takes');
const ifNoneMatch = {
  name: 'If-None-Match',
  in: 'header',
  description: 'ETags the caller has; a match is a 304 with no body',
  schema: { type: 'string' },
};
const ifModifiedSince = {
  name: 'If-Modified-Since',
  in: 'header',
  description:
    'An HTTP-date, the Last-Modified the caller has: 304 when nothing changed since. Ignored when If-None-Match is sent, or when it is not one valid HTTP-date',
  schema: { type: 'string' },
};
const paging = [
  {
    name: 'limit',
    in: 'query',
    description: 'Page size',
    schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
  { name: 'cursor', in: 'query', description: 'Opaque; `cursor` of the previous page', schema: { type: 'string' } },
];
const stringList = { type: 'array', items: { type: 'string' } };
/** A date with its number of articles and the address of its digest, as a listing and a story name them. */
const dateCount = (url: { type: 'string'; description?: string }) => ({
  type: 'object',
  required: ['date', 'articleCount', 'url'],
  properties: { date: { type: 'string' }, articleCount: { type: 'integer', minimum: 1 }, url },
});
/** What every list of articles gives of each: a story's, a name's. */
const listedArticle = {
  id: { type: 'string', pattern: '^[0-9a-f]{16}$' },
  date: { type: 'string' },
  headline: {
    type: 'string',
    description:
      "The file's own title line as written (up to 40 words), else one made from its lead (at most 110 characters)",
  },
  summary: { type: 'string' },
  language: { type: 'string' },
  url: { type: 'string' },
} as const;
const periodLink = (description: string) => ({
  type: 'object',
  description,
  required: ['date', 'url'],
  properties: { date: { type: 'string' }, url: { type: 'string' } },
});
const formatParameter = (formats: readonly string[]) => ({
  name: 'format',
  in: 'query',
  description: 'Overrides `Accept`',
  schema: { enum: formats },
});
const feeds = {
  'application/atom+xml': { schema: { type: 'string', description: 'Atom 1.0' } },
  'application/rss+xml': { schema: { type: 'string', description: 'RSS 2.0' } },
  'application/feed+json': { schema: { type: 'object', description: 'JSON Feed 1.1' } },
};
/** The parameters of a list of articles served a page at a time in every format: a digest's, a story's. */
/** The parameters of a paged list of articles in every format; `conditions` as the answer has validators. */
const pagedArticles = (
  order: string,
  conditions: readonly (typeof ifNoneMatch | typeof ifModifiedSince)[] = [ifNoneMatch, ifModifiedSince],
) => [
  formatParameter(['json', 'html', 'atom', 'rss', 'jsonfeed']),
  ...paging.map((parameter) => ({ ...parameter, description: `${parameter.description}, in articles: ${order}` })),
  ...conditions,
];
const notAcceptable = error('Neither `format` nor `Accept` names a format this path has');

interface GetOperation {
  readonly operationId: string;
  readonly summary: string;
  readonly responses: Readonly<Record<string, { readonly description: string; readonly content?: unknown }>>;
}

/**
 * Every path answers HEAD as it answers GET (RFC 9110 §9.3.2): the same parameters, security,
 * statuses and headers, and no content.
 */
function withHeadOperations<P extends Record<string, { readonly get: GetOperation }>>(
  paths: P,
): { [K in keyof P]: P[K] & { readonly head: GetOperation } } {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => {
      const { get } = item;
      const responses = Object.fromEntries(
        Object.entries(get.responses).map(([status, { content: _content, ...response }]) => [status, response]),
      );
      const head = {
        ...get,
        operationId: `${get.operationId}Head`,
        summary: `The status and headers of GET ${path}, without the body`,
        responses,
      };
      return [path, { ...item, head }];
    }),
  ) as { [K in keyof P]: P[K] & { readonly head: GetOperation } };
}

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'headline-digest',
    version: '1.0.0',
    description:
      'Per-date news digests (a day, a month or a year) built from seed articles, and the articles themselves.',
  },
  paths: withHeadOperations({
    '/': {
      get: {
        operationId: 'index',
        summary: 'A page for people: the dates that have articles, newest first, linking to their digests',
        parameters: [...paging, formatParameter(['html', 'json']), ifNoneMatch],
        responses: {
          '200': {
            ...ok('DigestListing', 'An HTML page unless JSON is asked for; the JSON is that of /digests'),
            content: { ...page, ...ok('DigestListing', '').content },
          },
          '304': notModified,
          '400': error('`limit` out of range or a `cursor` this API did not hand out'),
          '405': methodNotAllowed,
          '406': notAcceptable,
        },
      },
    },
    '/digests': {
      get: {
        operationId: 'listDigests',
        summary: 'Dates that have articles, newest first',
        parameters: [...paging, formatParameter(['json', 'html']), ifNoneMatch],
        responses: {
          '200': {
            ...ok('DigestListing', 'A page of dates'),
            content: { ...ok('DigestListing', '').content, ...page },
          },
          '304': notModified,
          '400': error('`limit` out of range or a `cursor` this API did not hand out'),
          '405': methodNotAllowed,
          '406': notAcceptable,
        },
      },
    },
    '/digests/{date}': {
      get: {
        operationId: 'getDigest',
        summary: 'The digest of a year, a month or a day',
        parameters: [
          {
            name: 'date',
            in: 'path',
            required: true,
            description: 'YYYY, YYYY-MM or YYYY-MM-DD',
            schema: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
          },
          ...pagedArticles("stories by rank, each story's most central article first"),
        ],
        responses: {
          '200': {
            ...dated(
              'Digest',
              'The stored digest, or one computed on demand, a page of its articles at a time; `stale` when articles changed since',
            ),
            content: {
              ...ok('Digest', '').content,
              ...page,
              ...feeds,
            },
          },
          '406': notAcceptable,
          '304': notModified,
          '400': error('Not a date, or an impossible one (2021-13, 2021-02-30); or a bad `limit` or `cursor`'),
          '409': error('`cursor` is from before the digest was regenerated: start again from the first page'),
          '404': error('No article is dated inside the period'),
          '405': methodNotAllowed,
        },
      },
    },
    '/feeds/latest': {
      get: {
        operationId: 'latestFeed',
        summary: 'The latest digests as a feed, one entry per date',
        parameters: [formatParameter(['atom', 'rss', 'jsonfeed']), ifNoneMatch],
        responses: {
          '200': { description: 'The feed (Atom unless asked otherwise)', content: feeds },
          '304': notModified,
          '406': notAcceptable,
          '405': methodNotAllowed,
        },
      },
    },
    '/articles/{id}': {
      get: {
        operationId: 'getArticle',
        summary: 'One article with its text and the objects it came from',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{16}$' } },
          formatParameter(['json', 'html']),
          ifNoneMatch,
          ifModifiedSince,
        ],
        responses: {
          '200': { ...dated('Article', 'The article'), content: { ...ok('Article', '').content, ...page } },
          '304': notModified,
          '404': error('No article has this id'),
          '405': methodNotAllowed,
          '406': notAcceptable,
        },
      },
    },
    '/stories/{id}': {
      get: {
        operationId: 'getStory',
        summary:
          'One story across its dates (a story keeps its id from day to day while its articles follow within 7 days): its dates with their article counts, and its articles by date, a page at a time',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{12}$' } },
          ...pagedArticles("oldest date first, each date's most central article first"),
        ],
        responses: {
          '200': {
            ...dated('Story', 'The story, a page of its articles at a time'),
            content: { ...ok('Story', '').content, ...page, ...feeds },
          },
          '304': notModified,
          '400': error('A bad `limit` or `cursor`'),
          '404': error('No story has this id (stories get their ids when digests are generated)'),
          '405': methodNotAllowed,
          '406': notAcceptable,
          '409': error('`cursor` is from before the story changed: start again from the first page'),
        },
      },
    },
    '/names/{id}': {
      get: {
        operationId: 'getName',
        summary:
          'One person, place or organisation across dates, by its normalised id (Putin, Poetin and Poutine are `vladimir-putin`; Rusland and Russia `RU`): its spellings, its article counts by period, and its articles newest first, a page at a time',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description:
              'A country code in capitals (`RU`) or lower-case words joined by hyphens (`vladimir-putin`), as a digest lists it in `topNames`',
            schema: { type: 'string', maxLength: 200 },
          },
          // An ETag and no Last-Modified: a name's articles have no one generation time.
          ...pagedArticles('newest first', [ifNoneMatch]),
        ],
        responses: {
          '200': {
            ...ok('Name', 'The name, a page of its articles at a time'),
            content: { ...ok('Name', '').content, ...page, ...feeds },
          },
          '304': notModified,
          '400': error('Not a name id, or a bad `limit` or `cursor`'),
          '404': error('No article names it'),
          '405': methodNotAllowed,
          '406': notAcceptable,
        },
      },
    },
    '/admin/rejections': {
      get: {
        operationId: 'listRejections',
        summary: 'Seed files that were refused, newest first, with the reason',
        security: [{ awsSigV4: [] }],
        parameters: paging,
        responses: {
          '200': ok('Rejections', 'A page of rejections'),
          '400': error('`limit` out of range or a `cursor` this API did not hand out'),
          '405': methodNotAllowed,
          '406': notAcceptable,
        },
      },
    },
    '/admin/ingest-status': {
      get: {
        operationId: 'ingestStatus',
        summary: 'How many seed files ended in each state',
        security: [{ awsSigV4: [] }],
        responses: { '200': ok('IngestStatus', 'Counts'), '405': methodNotAllowed, '406': notAcceptable },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'openApi',
        summary: 'This document',
        responses: {
          '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } },
          '406': notAcceptable,
        },
      },
    },
  }),
  components: {
    securitySchemes: {
      awsSigV4: {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: 'Deployed, requests are signed with AWS SigV4 by credentials allowed execute-api:Invoke',
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' } },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
      DigestListing: {
        type: 'object',
        required: ['dates'],
        properties: {
          dates: {
            type: 'array',
            items: dateCount({ type: 'string' }),
          },
          cursor: { type: 'string' },
        },
      },
      Digest: {
        type: 'object',
        required: ['date', 'level', 'generatedAt', 'articleCount', 'summary', 'stories', 'articles', 'stale'],
        properties: {
          date: { type: 'string' },
          level: { enum: ['year', 'month', 'day'] },
          generatedAt: { type: 'string', format: 'date-time' },
          articleCount: { type: 'integer', minimum: 0 },
          stale: { type: 'boolean', description: 'Articles changed after this digest was generated' },
          summary: {
            type: 'array',
            items: {
              type: 'object',
              required: ['text', 'articleId'],
              properties: { text: { type: 'string' }, articleId: { type: 'string' } },
            },
          },
          stories: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'headline', 'articleCount', 'articleIds'],
              properties: {
                id: { type: 'string' },
                headline: { type: 'string' },
                url: {
                  type: 'string',
                  description:
                    "The story's page, /stories/{id}. This and `since` and `earlierArticleCount` are absent from digests stored before stories had pages",
                },
                since: { type: 'string', description: "The story's first date, which may lie before this period" },
                earlierArticleCount: {
                  type: 'integer',
                  minimum: 0,
                  description: 'Its articles dated before this period',
                },
                articleCount: { type: 'integer', minimum: 1, description: 'Its articles in this period' },
                articleIds: {
                  ...stringList,
                  description:
                    'Its articles listed in this digest, the most central first: all of them, but in a month or year of over 1,000 articles its 3 most central (its page has every one)',
                },
                keywords: stringList,
                entities: stringList,
              },
            },
          },
          topEntities: { type: 'array', items: { type: 'object', required: ['name', 'count'] } },
          previous: periodLink(
            'The period of the same level (day, month or year) just before this one that has articles',
          ),
          next: periodLink('The period of the same level just after this one that has articles'),
          topNames: {
            type: 'array',
            description:
              "`topEntities` with each name's id and page, /names/{id} (a name of which no id is made is left out)",
            items: {
              type: 'object',
              required: ['id', 'name', 'count', 'url'],
              properties: {
                id: { type: 'string' },
                name: { type: 'string' },
                count: { type: 'integer', minimum: 1 },
                url: { type: 'string' },
              },
            },
          },
          topKeywords: { type: 'array', items: { type: 'object', required: ['keyword', 'count'] } },
          articles: {
            type: 'array',
            description: 'This page of the articles; `stories` holds the stories they belong to',
            items: { $ref: '#/components/schemas/DigestArticle' },
          },
          cursor: { type: 'string', description: 'Present while more articles follow: pass it as `?cursor=`' },
        },
      },
      DigestArticle: {
        type: 'object',
        required: ['id', 'date', 'headline', 'summary', 'language', 'wordCount', 'url', 'story'],
        properties: {
          id: { type: 'string', pattern: '^[0-9a-f]{16}$' },
          date: { type: 'string' },
          headline: listedArticle.headline,
          summary: { type: 'string' },
          language: { type: 'string', description: 'ISO 639-1, or und' },
          wordCount: { type: 'integer', minimum: 0 },
          readingMinutes: { type: 'integer', minimum: 0 },
          url: { type: 'string' },
          keywords: stringList,
          entities: stringList,
          story: { type: 'string' },
          duplicates: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'url'],
              properties: { id: { type: 'string' }, url: { type: 'string' } },
            },
          },
        },
      },
      Article: {
        type: 'object',
        required: [
          'id',
          'date',
          'headline',
          'summary',
          'language',
          'wordCount',
          'blocks',
          'sources',
          'ingestedAt',
          'url',
        ],
        properties: {
          id: { type: 'string', pattern: '^[0-9a-f]{16}$' },
          date: { type: 'string' },
          title: { type: 'string', description: "The file's own title line, when it had one" },
          headline: { type: 'string' },
          summary: { type: 'string' },
          language: { type: 'string' },
          wordCount: { type: 'integer', minimum: 0 },
          blocks: {
            type: 'array',
            items: {
              type: 'object',
              required: ['type', 'text'],
              description:
                'The body in order. Boilerplate the parser recognised is kept, marked with its kind, and left out of every analysis and of the page',
              properties: {
                type: { enum: ['paragraph', 'subheading', 'boilerplate'] },
                kind: {
                  enum: ['timestamp', 'credit', 'caption', 'byline', 'link', 'label', 'dateline', 'notice', 'noise'],
                  description: 'What the boilerplate is; only on boilerplate',
                },
                text: { type: 'string' },
              },
            },
          },
          truncated: {
            type: 'boolean',
            description: 'Only the beginning is stored; the whole text is in the source object',
          },
          storyTerms: {
            ...stringList,
            maxItems: 32,
            description:
              'What stories are found by, `kind:id=weight` (weights 1-9): `n:` a name by its normalised id (`n:vladimir-putin`), `c:` a country by its ISO 3166-1 code (`c:RU`), `w:` a word by its cognate key (`w:sankt`). Absent from articles ingested before it was added',
          },
          sources: { ...stringList, minItems: 1 },
          ingestedAt: { type: 'string', format: 'date-time' },
          url: { type: 'string' },
        },
      },
      Story: {
        type: 'object',
        required: ['id', 'url', 'headline', 'since', 'until', 'articleCount', 'updatedAt', 'dates', 'articles'],
        properties: {
          id: { type: 'string', pattern: '^[0-9a-f]{12}$' },
          url: { type: 'string' },
          headline: { type: 'string' },
          since: { type: 'string', description: 'Its first date' },
          until: { type: 'string', description: 'Its last date' },
          articleCount: { type: 'integer', minimum: 1, description: 'Every article of the story, copies included' },
          updatedAt: { type: 'string', format: 'date-time' },
          dates: {
            type: 'array',
            description: 'Each date it has articles on, oldest first',
            items: dateCount({ type: 'string', description: "The date's digest" }),
          },
          articles: {
            type: 'array',
            description: "This page of its articles: oldest date first, each date's most central first",
            items: {
              type: 'object',
              required: ['id', 'date', 'headline', 'summary', 'language', 'wordCount', 'url'],
              properties: {
                ...listedArticle,
                wordCount: { type: 'integer', minimum: 0 },
                readingMinutes: { type: 'integer', minimum: 0 },
                keywords: stringList,
                entities: stringList,
              },
            },
          },
          cursor: { type: 'string', description: 'Present while more articles follow: pass it as `?cursor=`' },
        },
      },
      Name: {
        type: 'object',
        required: ['id', 'url', 'name', 'spellings', 'articleCount', 'periods', 'articles'],
        properties: {
          id: { type: 'string' },
          url: { type: 'string' },
          name: { type: 'string', description: 'The spelling most of its articles use' },
          spellings: {
            type: 'array',
            description: 'Every spelling its articles use, most used first',
            items: {
              type: 'object',
              required: ['spelling', 'count'],
              properties: { spelling: { type: 'string' }, count: { type: 'integer', minimum: 1 } },
            },
          },
          articleCount: { type: 'integer', minimum: 1 },
          periods: {
            type: 'array',
            description: 'Each day, month and year it has articles in, oldest first, with their number',
            items: {
              type: 'object',
              required: ['period', 'articleCount', 'url'],
              properties: {
                period: { type: 'string' },
                articleCount: { type: 'integer', minimum: 1 },
                url: { type: 'string', description: "The period's digest" },
              },
            },
          },
          articles: {
            type: 'array',
            description: 'This page of its articles, newest first',
            items: {
              type: 'object',
              required: ['id', 'date', 'headline', 'summary', 'language', 'url', 'spelling'],
              properties: {
                ...listedArticle,
                spelling: { type: 'string', description: 'How this article spells the name' },
              },
              additionalProperties: false,
            },
          },
          cursor: { type: 'string', description: 'Present while more articles follow: pass it as `?cursor=`' },
        },
        additionalProperties: false,
      },
      Rejections: {
        type: 'object',
        required: ['rejections'],
        properties: {
          rejections: {
            type: 'array',
            items: {
              type: 'object',
              required: ['key', 'code', 'reason', 'rejectedAt'],
              properties: {
                key: { type: 'string' },
                code: { type: 'string' },
                reason: { type: 'string' },
                rejectedAt: { type: 'string', format: 'date-time' },
              },
            },
          },
          cursor: { type: 'string' },
        },
      },
      IngestStatus: {
        type: 'object',
        required: ['ingested', 'rejected', 'deleted', 'deadLettered'],
        properties: {
          ingested: { type: 'integer', minimum: 0 },
          rejected: { type: 'integer', minimum: 0 },
          deleted: { type: 'integer', minimum: 0 },
          deadLettered: { type: 'integer', minimum: 0 },
        },
        additionalProperties: false,
      },
    },
  },
} as const;
