import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { DEFAULT_CORS_ALLOW_ORIGINS, parseOrigins } from '../../lib/context';
import { CORS_POLICY } from '../../lib/cors';
import type { HttpApiHandler } from './http-api-bridge';

/**
 * The origins the local server lets browsers call it from: `CORS_ALLOW_ORIGINS` when set (a
 * comma-separated list or a JSON array, as `-c corsAllowOrigins=…` takes), else the
 * `corsAllowOrigins` of `cdk.json`, which a deployment without `-c` uses, else the default (`*`).
 */
export function localCorsAllowOrigins(env: NodeJS.ProcessEnv, projectRoot: string): readonly string[] {
  if (env.CORS_ALLOW_ORIGINS) return parseOrigins(env.CORS_ALLOW_ORIGINS);
  const cdkJson = JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')) as {
    readonly context?: { readonly corsAllowOrigins?: unknown };
  };
  return parseOrigins(cdkJson.context?.corsAllowOrigins ?? DEFAULT_CORS_ALLOW_ORIGINS);
}

const header = (event: APIGatewayProxyEventV2, name: string) => event.headers?.[name];

/**
 * A CORS preflight as API Gateway recognises one: OPTIONS with an `Origin` and an
 * `Access-Control-Request-Method`. Any other OPTIONS goes to the routes, as deployed (to `$default`).
 */
const isPreflight = (event: APIGatewayProxyEventV2) =>
  event.requestContext.http.method === 'OPTIONS' &&
  header(event, 'origin') !== undefined &&
  header(event, 'access-control-request-method') !== undefined;

/**
 * `handler` behind the CORS answers API Gateway gives from an HTTP API's `CorsConfiguration`, with
 * the same policy (`lib/cors.ts`) and origins: it answers a preflight itself, 204 with the allowed
 * methods, headers and max age (and with `Access-Control-Allow-Origin` only for an allowed origin);
 * it adds `Access-Control-Allow-Origin` to the function's answer to a request from an allowed
 * origin; and it adds nothing to a request without `Origin`. @middy/http-cors does the matching and
 * writes the headers.
 */
export function withHttpApiCors(handler: HttpApiHandler, allowOrigins: readonly string[]): HttpApiHandler {
  const origins = { origins: [...allowOrigins], credentials: CORS_POLICY.allowCredentials };
  const preflight = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(
      httpCors({
        ...origins,
        disableBeforePreflightResponse: false,
        methods: CORS_POLICY.allowMethods.join(','),
        headers: CORS_POLICY.allowHeaders.join(','),
        maxAge: CORS_POLICY.maxAgeSeconds,
        requestMethods: [...CORS_POLICY.allowMethods],
        requestHeaders: [...CORS_POLICY.allowHeaders],
      }),
    )
    // Never reached: the middleware answers every preflight before the handler.
    .handler(async () => ({ statusCode: 204 }));
  const fromOrigin = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(httpCors(origins))
    .handler((event, context) => handler(event, context));
  return async (event, context) => {
    if (isPreflight(event)) return preflight(event, context);
    if (header(event, 'origin') !== undefined) return fromOrigin(event, context);
    return handler(event, context);
  };
}
