import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { EDGE_HEADERS } from '../../functions/api/edge';
import { type Format, MEDIA_TYPES } from '../../functions/api/formats';
import { openApiDocument } from '../../functions/api/openapi';

/** CloudFront refuses function code over 10 KB. */
export const MAX_FUNCTION_CODE_BYTES = 10_240;

/** A public route as the edge sees it: a pattern of its path, and its formats, the default first. */
export interface EdgeRoute {
  /** A regular expression source matching the route's whole decoded path. */
  readonly pattern: string;
  readonly formats: readonly [Format, ...Format[]];
}

/**
 * The public routes with the formats each offers, default first, read from the OpenAPI document
 * (the media types of its 200 answer, in the order the route prefers them). A route added to the
 * document reaches the edge with no change here.
 */
export function edgeRoutes(): EdgeRoute[] {
  const formatOf = new Map(Object.entries(MEDIA_TYPES).map(([format, type]) => [type, format as Format]));
  return Object.entries(openApiDocument.paths)
    .filter(([path]) => !path.startsWith('/admin/'))
    .map(([path, item]) => {
      const responses = item.get.responses as Record<string, { content?: Record<string, unknown> }>;
      const formats = Object.keys(responses['200']?.content ?? {}).map((type) => {
        const format = formatOf.get(type);
        if (!format) throw new Error(`${path} answers ${type}, which is not a format of functions/api/formats.ts`);
        return format;
      });
      const [first, ...rest] = formats;
      if (!first) throw new Error(`${path} has no 200 content in the OpenAPI document`);
      // A {parameter} is one path segment, as API Gateway matches it.
      const pattern = `^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`;
      return { pattern, formats: [first, ...rest] as const };
    });
}

/**
 * The viewer-request function's code: the constants it reads, from the API's own sources, then
 * `viewer-request.js`, without its comments and with short local names (the project's esbuild,
 * offline, at synthesis), so that it fits CloudFront's limit. No syntax is added that the source
 * lacks: the features CloudFront's runtime does not have are marked unsupported.
 */
export function viewerRequestCode(routes: readonly EdgeRoute[] = edgeRoutes()): string {
  const source = readFileSync(new URL('./viewer-request.js', import.meta.url), 'utf8');
  const constants = [
    `var MEDIA_TYPES = ${JSON.stringify(MEDIA_TYPES)};`,
    `var EDGE_HEADERS = ${JSON.stringify(EDGE_HEADERS)};`,
    `var ROUTES = ${JSON.stringify(routes)};`,
  ].join('\n');
  const { code } = transformSync(`${constants}\n${source}`, {
    loader: 'js',
    target: 'es2015',
    minifyWhitespace: true,
    minifyIdentifiers: true,
    legalComments: 'none',
    supported: {
      'object-extensions': false,
      destructuring: false,
      'for-of': false,
      class: false,
      'default-argument': false,
      'optional-chain': false,
      'nullish-coalescing': false,
    },
  });
  const size = Buffer.byteLength(code);
  if (size > MAX_FUNCTION_CODE_BYTES) {
    throw new Error(
      `the viewer-request function is ${size} bytes; CloudFront takes at most ${MAX_FUNCTION_CODE_BYTES}`,
    );
  }
  return code;
}
