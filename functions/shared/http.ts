import { createHash } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ClientError, quoted } from '../app/errors';
import { logger } from './observability';

interface ExposedError {
  statusCode: number;
  expose: boolean;
  code?: string;
  message: string;
  headers?: Record<string, string>;
}

const INTERNAL_ERROR = { error: { code: 'InternalError', message: 'The server could not answer this request.' } };

/**
 * Turns any thrown error into the API's JSON error body `{"error":{"code","message"}}`.
 * Errors marked `expose` (4xx) keep their message; anything else becomes a bare 500 and
 * is logged in full, so internals never reach the caller.
 */
export function jsonErrors(): MiddlewareObj<unknown, APIGatewayProxyResultV2> {
  return {
    onError: (request) => {
      const error = request.error as Partial<ExposedError> | null;
      const exposed = error?.expose === true && typeof error.statusCode === 'number' && error.statusCode < 500;
      if (!exposed) logger.error('request failed', { error: request.error as Error });
      const statusCode = exposed ? (error.statusCode as number) : 500;
      const body = exposed
        ? { error: { code: error.code ?? defaultCode(statusCode), message: error.message ?? '' } }
        : INTERNAL_ERROR;
      request.response = {
        statusCode,
        // An error can depend on Accept (406) as much as a page does.
        headers: {
          ...(exposed ? error.headers : {}),
          'Content-Type': 'application/json; charset=utf-8',
          Vary: 'Accept',
        },
        body: JSON.stringify(body),
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
 * it (`If-None-Match`), so a feed reader's repeated poll costs a few bytes.
 */
export function conditionalGet(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> {
  return {
    after: (request) => {
      const response = request.response;
      if (typeof response !== 'object' || response === null || response.statusCode !== 200) return;
      if (typeof response.body !== 'string') return;
      const etag = `"${createHash('sha256').update(response.body).digest('base64url').slice(0, 27)}"`;
      response.headers = { ...response.headers, ETag: etag };
      const candidates = (request.event.headers?.['if-none-match'] ?? '')
        .split(',')
        .map((tag) => tag.trim().replace(/^W\//, ''));
      if (candidates.includes(etag) || candidates.includes('*')) {
        const { 'Content-Type': _type, ...headers } = response.headers;
        request.response = { statusCode: 304, headers, body: '' };
      }
    },
  };
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
