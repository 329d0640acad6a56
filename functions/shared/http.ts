import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
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
        headers: { ...(exposed ? error.headers : {}), 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
      };
    },
  };
}

function defaultCode(statusCode: number): string {
  return statusCode === 404 ? 'NotFound' : statusCode === 405 ? 'MethodNotAllowed' : 'BadRequest';
}

export function json(body: unknown, statusCode = 200): APIGatewayProxyResultV2 {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
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
