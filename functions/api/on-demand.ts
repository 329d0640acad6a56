/**
 * What the API needs for some requests only: the feeds (the feed library and its XML writer), the OpenAPI document,
 * and a digest computed for a period that none has been generated for yet (the analysis that groups and summarizes).
 * Deployed, this is a bundle of its own beside the handler's (lib/service-function.ts, SIDE_BUNDLES), which the
 * handler imports on the first request that needs it: a cold start neither runs nor even parses it (82 KB of the
 * 647 KB the API bundle had).
 */
export { computeDigest } from '../app/digests';
export { digestFeed, latestFeed, nameFeed, storyFeed } from './feeds';
export { openApiDocument } from './openapi';
