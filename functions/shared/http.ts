import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { logger } from './observability';

interface ExposedError {
  statusCode: number;
  expose: boolean;
  code?: string;
  message: string;
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
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
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
