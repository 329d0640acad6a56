import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpRouterHandler, { type Route } from '@middy/http-router';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { DynamoDbArticleStore } from '../adapters/dynamodb-article-store';
import { DynamoDbDigestStore } from '../adapters/dynamodb-digest-store';
import { DynamoDbNameStore } from '../adapters/dynamodb-name-store';
import { DynamoDbStoryStore } from '../adapters/dynamodb-story-store';
import { ingestStatus, listRejections } from '../app/admin';
import {
  isOpenPeriod,
  latestDigests,
  listDigests,
  neighbouringDigests,
  type OnDemandDigest,
  pageDigest,
  readDigest,
  rememberNeighbours,
} from '../app/digests';
import { notFound, quoted } from '../app/errors';
import { readName } from '../app/names';
import { readStory } from '../app/stories';
import { ARTICLE_ID } from '../core/article-id';
import { articleUrl } from '../core/digest';
import { lazy } from '../core/lazy';
import { createDocumentClient } from '../shared/clients';
import { readConfig } from '../shared/config';
import {
  bodilessHead,
  conditionalGet,
  type ErrorPage,
  errorResponses,
  json,
  represent,
  routeNotFound,
  withHead,
} from '../shared/http';
import { logger } from '../shared/observability';
import { sideBundle } from '../shared/side-bundle';
import { EDGE_HEADERS } from './edge';
import { chooseFormat, type Format, MEDIA_TYPES, preferredFormat } from './formats';
import type * as OnDemand from './on-demand';
import { articlePage, digestPage, errorPage, indexPage, namePage, securityHeaders, storyPage } from './pages';

/*
 * Feeds, the OpenAPI document and digests computed on demand are loaded by the first request that needs one of them:
 * deployed, on-demand.ts is a bundle of its own beside this one, which init does not parse. One import per container.
 */
const onDemand = lazy(() => import(sideBundle(import.meta.url, 'on-demand')) as Promise<typeof OnDemand>);
const computeOnDemand: OnDemandDigest = async (deps, period, now) =>
  (await onDemand()).computeDigest(deps, period, now);

const config = readConfig(['TABLE_NAME']);
const documentClient = createDocumentClient();
const articles = new DynamoDbArticleStore(documentClient, config.TABLE_NAME);
const digests = new DynamoDbDigestStore(documentClient, config.TABLE_NAME);
const stories = new DynamoDbStoryStore(documentClient, config.TABLE_NAME);
const names = new DynamoDbNameStore(documentClient, config.TABLE_NAME);

type Event = APIGatewayProxyEventV2;
const pathParameter = (event: Event, name: string) => event.pathParameters?.[name] ?? '';

const DIGEST_FORMATS = ['json', 'html', 'atom', 'rss', 'jsonfeed'] as const satisfies readonly Format[];
const FEED_FORMATS = ['atom', 'rss', 'jsonfeed'] as const satisfies readonly Format[];
const LATEST_FEED_SIZE = 20;

/**
 * The address the caller used, for the absolute links a feed needs: behind CloudFront the host the
 * reader asked for (the distribution's function passes it on), else the API's own.
 */
const baseUrl = (event: Event) =>
  `${event.headers?.['x-forwarded-proto'] ?? 'https'}://${event.headers?.[EDGE_HEADERS.host] ?? event.requestContext.domainName}`;

const query = (event: Event) => event.queryStringParameters ?? {};
/** The representation this request asks for, among those the route has (the first is the default). */
const formatOf = <F extends Format>(event: Event, offered: readonly [F, ...F[]]) =>
  chooseFormat(query(event).format, event.headers?.accept, offered) as F;

type RouteHandler = (event: Event) => Promise<APIGatewayProxyResultV2>;

/** A route that has JSON only: an `Accept` or `format` that rules JSON out is a 406 all the same. */
const jsonOnly =
  (handler: RouteHandler): RouteHandler =>
  async (event) => {
    formatOf(event, ['json']);
    return handler(event);
  };

/** Seconds a response may be reused: briefly while it can change, long once it cannot. */
const SHORT = 60;
const LONG = 24 * 3600;
/** A digest's previous and next periods, remembered as long as an open period's page is cached. */
const neighbours = rememberNeighbours(digests, SHORT * 1000);

/** The dates with articles, newest first, a page at a time, in the first of `offered` unless asked otherwise. */
const dateIndex =
  (offered: readonly ['json' | 'html', ...('json' | 'html')[]]): RouteHandler =>
  async (event) => {
    const format = formatOf(event, offered);
    const listing = await listDigests(digests, query(event));
    if (format === 'json') return json(listing, { maxAge: SHORT });
    return represent(indexPage(listing, query(event)), MEDIA_TYPES.html, { maxAge: SHORT });
  };

const routes: Route<Event, APIGatewayProxyResultV2>[] = [
  // The same listing twice: a page for people at the root, JSON for programs under /digests.
  { method: 'GET', path: '/', handler: dateIndex(['html', 'json']) },
  { method: 'GET', path: '/digests', handler: dateIndex(['json', 'html']) },
  {
    method: 'GET',
    path: '/digests/{date}',
    handler: async (event: Event) => {
      const format = formatOf(event, DIGEST_FORMATS);
      const now = new Date();
      const digest = await readDigest(
        { articles, digests, stories, onDemand: computeOnDemand },
        pathParameter(event, 'date'),
        now,
      );
      const [paged, around] = await Promise.all([
        pageDigest(digest, query(event)),
        neighbouringDigests(neighbours, digest.date),
      ]);
      const page = { ...paged, ...around };
      const maxAge = digest.stale || isOpenPeriod(digest.date, now) ? SHORT : LONG;
      const freshness = { maxAge, lastModified: digest.generatedAt };
      if (format === 'json') return json(page, freshness);
      if (format === 'html') return represent(digestPage(page, query(event)), MEDIA_TYPES.html, freshness);
      return represent((await onDemand()).digestFeed(page, format, baseUrl(event)), MEDIA_TYPES[format], freshness);
    },
  },
  {
    method: 'GET',
    path: '/stories/{id}',
    handler: async (event: Event) => {
      const format = formatOf(event, DIGEST_FORMATS);
      const story = await readStory({ articles, stories }, pathParameter(event, 'id'), query(event));
      // A story changes while it runs: kept briefly.
      const freshness = { maxAge: SHORT, lastModified: story.updatedAt };
      if (format === 'json') return json(story, freshness);
      if (format === 'html') return represent(storyPage(story, query(event)), MEDIA_TYPES.html, freshness);
      return represent((await onDemand()).storyFeed(story, format, baseUrl(event)), MEDIA_TYPES[format], freshness);
    },
  },
  {
    method: 'GET',
    path: '/names/{id}',
    handler: async (event: Event) => {
      const format = formatOf(event, DIGEST_FORMATS);
      const name = await readName({ names }, pathParameter(event, 'id'), query(event));
      // A name gains articles with every ingest: kept briefly.
      const freshness = { maxAge: SHORT };
      if (format === 'json') return json(name, freshness);
      if (format === 'html') return represent(namePage(name, query(event)), MEDIA_TYPES.html, freshness);
      return represent((await onDemand()).nameFeed(name, format, baseUrl(event)), MEDIA_TYPES[format], freshness);
    },
  },
  {
    method: 'GET',
    path: '/feeds/latest',
    handler: async (event: Event) => {
      const format = formatOf(event, FEED_FORMATS);
      const latest = await latestDigests(digests, LATEST_FEED_SIZE);
      return represent((await onDemand()).latestFeed(latest, format, baseUrl(event)), MEDIA_TYPES[format], {
        maxAge: SHORT,
      });
    },
  },
  {
    method: 'GET',
    path: '/articles/{id}',
    handler: async (event: Event) => {
      const format = formatOf(event, ['json', 'html']);
      const id = pathParameter(event, 'id');
      // Ids are content hashes; anything else is unknown without asking the table (which refuses huge keys).
      const article = ARTICLE_ID.test(id) ? await articles.get(id) : undefined;
      if (!article) throw notFound(`No article has id ${quoted(id)}`);
      // Its text never changes (the id is its hash), but its list of sources can: kept briefly.
      const freshness = { maxAge: SHORT, lastModified: article.ingestedAt };
      if (format === 'html') return represent(articlePage(article), MEDIA_TYPES.html, freshness);
      return json({ ...article, url: articleUrl(article.id) }, freshness);
    },
  },
  {
    method: 'GET',
    path: '/openapi.json',
    handler: jsonOnly(async () => json((await onDemand()).openApiDocument, { maxAge: SHORT })),
  },
  // Deployed, API Gateway requires IAM authorization on /admin/*; the local server leaves it open.
  {
    method: 'GET',
    path: '/admin/rejections',
    handler: jsonOnly(async (event) => json(await listRejections(articles, query(event)), { maxAge: 0 })),
  },
  {
    method: 'GET',
    path: '/admin/ingest-status',
    handler: jsonOnly(async () => json(await ingestStatus(articles), { maxAge: 0 })),
  },
];

/** A browser (Accept preferring text/html to JSON) gets a 4xx as a page; everyone else gets the JSON. */
const errorPageFor: ErrorPage = (error, event) =>
  preferredFormat(event.headers?.accept, ['json', 'html']) === 'html' ? errorPage(error) : undefined;

// Every GET route answers HEAD as well, through the same handler.
const served = withHead(routes);

export const handler = middy<Event, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(bodilessHead())
  .use(securityHeaders)
  .use(conditionalGet())
  .use(errorResponses(errorPageFor))
  .handler(httpRouterHandler({ routes: served, notFoundResponse: routeNotFound(served) }));
