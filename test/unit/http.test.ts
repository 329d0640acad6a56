import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { toHttpApiEvent } from '../../scripts/local/http-api-bridge';
import { lambdaContext } from '../../scripts/local/lambda-context';

// The logger reads its level at import; the 500 below is logged, and need not be shown.
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const { default: middy } = await import('@middy/core');
const { ClientError } = await import('../../functions/app/errors');
const { errorResponses } = await import('../../functions/shared/http');

const BROWSER = 'text/html,application/xhtml+xml,*/*;q=0.8';

/** A handler that throws `error`, behind the error middleware with a page for every 4xx. */
const throwing = (error: Error) =>
  middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(errorResponses((publicError) => `<p>${publicError.statusCode} ${publicError.code}</p>`))
    .handler(async () => {
      throw error;
    });

const answer = async (error: Error, accept: string) =>
  (await throwing(error)(toHttpApiEvent({ method: 'GET', url: '/x', headers: { accept } }), lambdaContext('api'))) as {
    statusCode: number;
    headers: Record<string, string>;
    body: string;
  };

describe('error responses', () => {
  it('give a browser the page for a 4xx, with the headers the error calls for', async () => {
    const response = await answer(new ClientError(405, 'MethodNotAllowed', 'no', { Allow: 'GET, HEAD' }), BROWSER);
    expect(response).toEqual({
      statusCode: 405,
      headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/html; charset=utf-8', Vary: 'Accept' },
      body: '<p>405 MethodNotAllowed</p>',
    });
  });

  it.each([
    ['an unexpected error', new Error('connect ECONNREFUSED 10.0.0.1:8000, table secret-table')],
    ['a 5xx marked as exposed', new ClientError(503, 'Busy', 'internal detail')],
  ])('keep %s generic and JSON, for a browser as for anyone', async (_, error) => {
    for (const accept of [BROWSER, 'application/json']) {
      const response = await answer(error, accept);
      expect(response.statusCode).toBe(500);
      expect(response.headers['Content-Type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(response.body)).toEqual({
        error: { code: 'InternalError', message: 'The server could not answer this request.' },
      });
    }
  });
});
