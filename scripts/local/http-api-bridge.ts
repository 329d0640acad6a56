import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { withHttpApiCors } from './cors';
import { lambdaContext } from './lambda-context';
import { listen } from './listen';

export type HttpApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

/** What the HTTP API sees of a request. */
export interface HttpRequest {
  readonly method: string;
  /** Path and query, as on the request line. */
  readonly url: string;
  readonly headers?: IncomingHttpHeaders;
  readonly body?: Buffer;
  readonly sourceIp?: string;
}

export function fromIncomingMessage(request: IncomingMessage, body: Buffer): HttpRequest {
  return {
    method: request.method ?? 'GET',
    url: request.url ?? '/',
    headers: request.headers,
    body,
    sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
  };
}

/** The API Gateway HTTP API (payload format 2.0) event that the deployed API sends for this request. */
export function toHttpApiEvent(request: HttpRequest): APIGatewayProxyEventV2 {
  // Split by hand: API Gateway passes the path through as sent, and `new URL` would refuse `//` or resolve `..`.
  const separator = request.url.indexOf('?');
  const rawPath = separator < 0 ? request.url : request.url.slice(0, separator);
  const rawQueryString = separator < 0 ? '' : request.url.slice(separator + 1);
  const searchParams = new URLSearchParams(rawQueryString);
  const body = request.body ?? Buffer.alloc(0);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value !== undefined && name !== 'cookie') headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  // API Gateway tells the function how the caller reached it; locally that is plain HTTP.
  headers['x-forwarded-proto'] ??= 'http';
  const query: Record<string, string> = {};
  for (const [name, value] of searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const cookies = request.headers?.cookie?.split(';').map((cookie) => cookie.trim());
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(searchParams.size > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0,
  };
}

/** Writes a handler result as API Gateway would, including its plain-string shorthand. */
export function writeHttpApiResult(result: APIGatewayProxyResultV2, response: ServerResponse): void {
  if (typeof result === 'string') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(result);
    return;
  }
  const headers: Record<string, string | number | boolean | string[]> = { ...result.headers };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? '' : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  response.writeHead(result.statusCode ?? 200, headers as Record<string, string | string[]>).end(body);
}

/**
 * Serves `handler` over HTTP the way the deployed HTTP API invokes the API function, with the
 * API's CORS answers for `corsAllowOrigins` (none without it).
 */
export async function startHttpApiBridge(options: {
  handler: HttpApiHandler;
  port: number;
  host?: string;
  functionName?: string;
  corsAllowOrigins?: readonly string[];
}): Promise<{ url: string; server: Server; stop(): Promise<void> }> {
  const handler = options.corsAllowOrigins
    ? withHttpApiCors(options.handler, options.corsAllowOrigins)
    : options.handler;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      // A request API Gateway could not make into an event never reaches the function: 400, as it answers.
      Promise.resolve()
        .then(() => toHttpApiEvent(fromIncomingMessage(request, Buffer.concat(chunks))))
        .then(
          (event) => handler(event, lambdaContext(options.functionName ?? 'api')),
          () => ({
            statusCode: 400,
            headers: { 'content-type': 'application/json' },
            body: '{"message":"Bad Request"}',
          }),
        )
        .then((result) => writeHttpApiResult(result, response))
        .catch(() => {
          // What API Gateway answers when the integration itself fails.
          response.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"Internal Server Error"}');
        });
    });
  });
  const { url, stop } = await listen(server, options.host ?? '127.0.0.1', options.port);
  return { url, server, stop };
}
