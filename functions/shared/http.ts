import { createHash } from 'node:crypto';
import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ClientError, quoted } from '../app/errors';
import { parseHttpDate } from './http-date';
import { logger } from './observability';

interface ExposedError {
  statusCode: number;
  expose: boolean;
  code?: string;
  message: string;
  headers?: Record<string, string>;
}

/** What a caller learns of an error it can act on (a 4xx): its status, a stable code and a message. */
export interface PublicError {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
}

/** A page for `error` when this request prefers one to JSON, or undefined for the JSON body. */
export type ErrorPage = (error: PublicError, event: APIGatewayProxyEventV2) => string | undefined;

const INTERNAL_ERROR = { error: { code: 'InternalError', message: 'The server could not answer this request.' } };

/**
 * Turns any thrown error into the API's error body `{"error":{"code","message"}}`, or into the page
 * `page` makes of it when the caller prefers one (a browser). Errors marked `expose` (4xx) keep
 * their message; anything else becomes a bare 500 in JSON, the same for everyone, and is logged
 * in full, so internals never reach the caller.
 */
export function errorResponses(page?: ErrorPage): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> {
  return {
    onError: (request) => {
      const error = request.error as Partial<ExposedError> | null;
      const exposed = error?.expose === true && typeof error.statusCode === 'number' && error.statusCode < 500;
      if (!exposed) logger.error('request failed', { error: request.error as Error });
      const statusCode = exposed ? (error.statusCode as number) : 500;
      const body = exposed
        ? { error: { code: error.code ?? defaultCode(statusCode), message: error.message ?? '' } }
        : INTERNAL_ERROR;
      const html = exposed ? page?.({ statusCode, ...body.error }, request.event) : undefined;
      request.response = {
        statusCode,
        // An error can depend on Accept (406, or a page for a browser) as much as a representation does.
        headers: {
          ...(exposed ? error.headers : {}),
          'Content-Type': html === undefined ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
          Vary: 'Accept',
        },
        body: html ?? JSON.stringify(body),
      };
    },
  };
}

function defaultCode(statusCode: number): string {
  return statusCode === 404 ? 'NotFound' : statusCode === 405 ? 'MethodNotAllowed' : 'BadRequest';
}

/** How long a response may be reused, and since when it holds; `maxAge: 0` forbids storing it at all. */
export interface Freshness {
  readonly maxAge: number;
  readonly lastModified?: string;
}

export function json(body: unknown, freshness?: Freshness): APIGatewayProxyStructuredResultV2 {
  return represent(JSON.stringify(body), 'application/json', freshness);
}

/** A 200 with `body` as `mediaType` (UTF-8), and the caching headers its freshness calls for. */
export function represent(body: string, mediaType: string, freshness?: Freshness): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 200,
    headers: {
      'Content-Type': `${mediaType}; charset=utf-8`,
      // Routes choose the representation by Accept: a cache must keep one per Accept.
      Vary: 'Accept',
      ...(freshness && {
        'Cache-Control': freshness.maxAge > 0 ? `public, max-age=${freshness.maxAge}` : 'no-store',
      }),
      ...(freshness?.lastModified && { 'Last-Modified': new Date(freshness.lastModified).toUTCString() }),
    },
    body,
  };
}

/**
 * An ETag on every 200, from the body itself, and 304 with no body when the caller already has
 * what it would get (RFC 9110 §13.2.2): by `If-None-Match` when the request sends one, otherwise by
 * `If-Modified-Since` against the `Last-Modified` of the answer, so a feed reader's repeated poll
 * costs a few bytes whichever of the two it keeps.
 */
export function conditionalGet(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> {
  return {
    after: (request) => {
      const response = request.response;
      if (typeof response !== 'object' || response === null || response.statusCode !== 200) return;
      if (typeof response.body !== 'string') return;
      const etag = `"${createHash('sha256').update(response.body).digest('base64url').slice(0, 27)}"`;
      response.headers = { ...response.headers, ETag: etag };
      if (isCurrent(request.event.headers ?? {}, etag, response.headers['Last-Modified'])) {
        const { 'Content-Type': _type, ...headers } = response.headers;
        request.response = { statusCode: 304, headers, body: '' };
      }
    },
  };
}

/**
 * Whether the caller's copy is this representation. `If-None-Match` decides when present (§13.1.2,
 * weak comparison); `If-Modified-Since` only without it, only where the answer has a
 * `Last-Modified`, and only when it is one valid HTTP-date: anything else is ignored (§13.1.3).
 */
function isCurrent(
  headers: Readonly<Record<string, string | undefined>>,
  etag: string,
  lastModified: string | number | boolean | undefined,
): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const candidates = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return candidates.includes(etag) || candidates.includes('*');
  }
  const since = headers['if-modified-since'];
  if (since === undefined || typeof lastModified !== 'string') return false;
  const date = parseHttpDate(since);
  // Last-Modified is whole seconds, as the caller saw it: compared as sent, not as stored.
  return date !== undefined && Date.parse(lastModified) <= date;
}

/**
 * HEAD as RFC 9110 §9.3.2 has it, for every GET route at once: each GET route gets a HEAD twin,
 * which runs the same handler. Together with `bodilessHead`, a HEAD answers what the GET would,
 * status and headers, without the body.
 */
export function withHead<R extends { readonly method: string }>(routes: readonly R[]): R[] {
  return routes.flatMap((route) => (route.method === 'GET' ? [route, { ...route, method: 'HEAD' }] : [route]));
}

/**
 * Drops the body of every answer to a HEAD, a 200, a 304 and an error alike, once everything else
 * has set its headers (the ETag is the GET body's): it goes before every middleware that sets them.
 */
export function bodilessHead(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> {
  const drop = (request: Request<APIGatewayProxyEventV2, APIGatewayProxyResultV2>) => {
    if (request.event.requestContext?.http?.method !== 'HEAD') return;
    if (typeof request.response === 'object' && request.response !== null) request.response.body = '';
  };
  return { after: drop, onError: drop };
}

/**
 * The router's answer when no route matches: 405 with `Allow` when the path exists for other
 * methods, 404 otherwise, both as typed errors so they get the same JSON body as every other error.
 */
export function routeNotFound(routes: readonly { method: string; path: string }[]) {
  const patterns = routes.map(({ method, path }) => ({
    method,
    pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  }));
  return ({ method, path }: { method: string; path: string }): never => {
    const allowed = [...new Set(patterns.filter(({ pattern }) => pattern.test(path)).map((route) => route.method))];
    if (allowed.length > 0) {
      throw new ClientError(405, 'MethodNotAllowed', `${method} is not allowed here; use ${allowed.join(', ')}`, {
        Allow: allowed.join(', '),
      });
    }
    throw new ClientError(404, 'NotFound', `No resource at ${quoted(path)}`);
  };
}
