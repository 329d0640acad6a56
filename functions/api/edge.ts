/**
 * Headers the CloudFront distribution's viewer-request function sets on every request it passes to
 * the API (`lib/edge/viewer-request.ts`). It overwrites whatever a viewer sent under these names.
 */
export const EDGE_HEADERS = {
  /** The host the reader used (the distribution's domain or the custom domain): feeds link back to it. */
  host: 'x-digest-host',
  /** The representation the route would choose for the request's `Accept`: part of the cache key. */
  representation: 'x-digest-representation',
} as const;
