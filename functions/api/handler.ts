import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpRouterHandler, { type Route } from '@middy/http-router';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { DynamoDbArticleStore } from '../adapters/dynamodb-article-store';
import { DynamoDbDigestStore } from '../adapters/dynamodb-digest-store';
import { ingestStatus, listRejections } from '../app/admin';
import { isOpenPeriod, latestDigests, listDigests, readDigest } from '../app/digests';
import { notFound, quoted } from '../app/errors';
import { ARTICLE_ID } from '../core/article';
import { createDocumentClient } from '../shared/clients';
import { readConfig } from '../shared/config';
import { conditionalGet, json, jsonErrors, represent, routeNotFound } from '../shared/http';
import { logger } from '../shared/observability';
import { digestFeed, type FeedFormat, latestFeed } from './feeds';
import { chooseFormat, type Format, MEDIA_TYPES } from './formats';
import { openApiDocument } from './openapi';

const config = readConfig(['TABLE_NAME']);
const documentClient = createDocumentClient();
const articles = new DynamoDbArticleStore(documentClient, config.TABLE_NAME);
const digests = new DynamoDbDigestStore(documentClient, config.TABLE_NAME);

type Event = APIGatewayProxyEventV2;
const pathParameter = (event: Event, name: string) => event.pathParameters?.[name] ?? '';

const DIGEST_FORMATS = ['json', 'atom', 'rss', 'jsonfeed'] as const satisfies readonly Format[];
const FEED_FORMATS = ['atom', 'rss', 'jsonfeed'] as const satisfies readonly Format[];
const LATEST_FEED_SIZE = 20;

/** The API's own address as the caller used it, for the absolute links a feed needs. */
const baseUrl = (event: Event) =>
  `${event.headers?.['x-forwarded-proto'] ?? 'https'}://${event.requestContext.domainName}`;

/** Seconds a response may be reused: briefly while it can change, long once it cannot. */
const SHORT = 60;
const LONG = 24 * 3600;

const routes: Route<Event, APIGatewayProxyResultV2>[] = [
  {
    method: 'GET',
    path: '/digests',
    handler: async (event: Event) =>
      json(await listDigests(digests, event.queryStringParameters ?? {}), { maxAge: SHORT }),
  },
  {
    method: 'GET',
    path: '/digests/{date}',
    handler: async (event: Event) => {
      const format = chooseFormat(event.queryStringParameters?.format, event.headers?.accept, DIGEST_FORMATS);
      const now = new Date();
      const digest = await readDigest({ articles, digests }, pathParameter(event, 'date'), now);
      const maxAge = digest.stale || isOpenPeriod(digest.date, now) ? SHORT : LONG;
      const freshness = { maxAge, lastModified: digest.generatedAt };
      if (format === 'json') return json(digest, freshness);
      return represent(digestFeed(digest, format, baseUrl(event)), MEDIA_TYPES[format], freshness);
    },
  },
  {
    method: 'GET',
    path: '/feeds/latest',
    handler: async (event: Event) => {
      const format = chooseFormat(event.queryStringParameters?.format, event.headers?.accept, FEED_FORMATS);
      const latest = await latestDigests(digests, LATEST_FEED_SIZE);
      return represent(latestFeed(latest, format as FeedFormat, baseUrl(event)), MEDIA_TYPES[format], {
        maxAge: SHORT,
      });
    },
  },
  {
    method: 'GET',
    path: '/articles/{id}',
    handler: async (event: Event) => {
      const id = pathParameter(event, 'id');
      // Ids are content hashes; anything else is unknown without asking the table (which refuses huge keys).
      const article = ARTICLE_ID.test(id) ? await articles.get(id) : undefined;
      if (!article) throw notFound(`No article has id ${quoted(id)}`);
      // Its text never changes (the id is its hash), but its list of sources can: kept briefly.
      return json({ ...article, url: `/articles/${article.id}` }, { maxAge: SHORT, lastModified: article.ingestedAt });
    },
  },
  { method: 'GET', path: '/openapi.json', handler: async () => json(openApiDocument, { maxAge: SHORT }) },
  // Deployed, API Gateway requires IAM authorization on /admin/*; the local server leaves it open.
  {
    method: 'GET',
    path: '/admin/rejections',
    handler: async (event: Event) =>
      json(await listRejections(articles, event.queryStringParameters ?? {}), { maxAge: 0 }),
  },
  {
    method: 'GET',
    path: '/admin/ingest-status',
    handler: async () => json(await ingestStatus(articles), { maxAge: 0 }),
  },
];

export const handler = middy<Event, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(conditionalGet())
  .use(jsonErrors())
  .handler(httpRouterHandler({ routes, notFoundResponse: routeNotFound(routes) }));
