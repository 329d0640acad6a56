import { createHash } from 'node:crypto';
import type { ArticleSummary } from '../core/article';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { buildDigest, type Digest, type DigestArticle, digestUrl } from '../core/digest';
import { InvalidPeriodError, parsePeriod } from '../core/periods';
import { type ArticleStore, type DigestStore, InvalidCursorError } from '../core/ports';
import { badRequest, ClientError, notFound } from './errors';
import { readPage } from './paging';

export interface DigestDependencies {
  readonly articles: ArticleStore;
  readonly digests: DigestStore;
}

export interface DigestListing {
  readonly dates: { readonly date: string; readonly articleCount: number; readonly url: string }[];
  /** Opaque; pass it back as `?cursor=` for the next page. Absent on the last page. */
  readonly cursor?: string;
}

export interface GenerationReport {
  readonly generated: readonly string[];
  readonly unchanged: number;
  readonly failed: readonly { readonly period: string; readonly error: unknown }[];
}

/** Dates that have articles, newest first, a page at a time (`?limit=&cursor=`). */
export async function listDigests(
  digests: DigestStore,
  query: { limit?: string; cursor?: string } = {},
): Promise<DigestListing> {
  const page = await readPage(query, (limit, cursor) => digests.listPeriodsWithArticles(limit, cursor));
  return {
    dates: page.items.map(({ period, articleCount }) => ({ date: period, articleCount, url: digestUrl(period) })),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

/** A digest as served: `stale` when its period's articles changed after it was generated. */
export type ServedDigest = Digest & { readonly stale: boolean };

/** The stored digest of a period, or one computed on the spot when none has been generated yet. */
export async function readDigest(deps: DigestDependencies, period: string, now: Date): Promise<ServedDigest> {
  try {
    parsePeriod(period);
  } catch (error) {
    if (error instanceof InvalidPeriodError) throw badRequest(`date: ${error.message}`);
    throw error;
  }
  const [stored, state] = await Promise.all([deps.digests.get(period), deps.digests.getPeriod(period)]);
  const stale = state !== undefined && state.version > state.digestVersion;
  // An empty stored digest says nothing that an on-demand one would not say better.
  if (stored && stored.articleCount > 0) return { ...stored, stale };
  const digest = await computeDigest(deps.articles, period, now);
  if (digest.articleCount === 0) throw notFound(`No articles are dated inside ${period}`);
  return { ...digest, stale: false };
}

/**
 * One page of a served digest: its articles in reading order (stories by rank, each story's most
 * central article first), `limit` at a time, with the stories those articles belong to. The date's
 * summary and top terms come with every page. Paged so that a date of any size fits a response.
 */
export type DigestPage = ServedDigest & { readonly cursor?: string };

export async function pageDigest(
  digest: ServedDigest,
  query: { limit?: string | undefined; cursor?: string | undefined },
): Promise<DigestPage> {
  const ordered = readingOrder(digest);
  // A cursor holds its place in this very order: once the digest is regenerated, offsets mean other articles.
  const edition = createHash('sha256')
    .update(ordered.map((article) => article.id).join(','))
    .digest('base64url')
    .slice(0, 16);
  const page = await readPage(query, async (limit, cursor) => {
    const offset = cursor === undefined ? 0 : decodeOffset(cursor, ordered.length, edition, digest.date);
    const items = ordered.slice(offset, offset + limit);
    const next = offset + limit;
    return { items, ...(next < ordered.length ? { cursor: encodeCursor({ offset: String(next), edition }) } : {}) };
  });
  const storiesOnPage = new Set(page.items.map((article) => article.story));
  return {
    ...digest,
    stories: digest.stories.filter((story) => storiesOnPage.has(story.id)),
    articles: page.items,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

function readingOrder(digest: Digest): DigestArticle[] {
  const byId = new Map(digest.articles.map((article) => [article.id, article]));
  const ordered: DigestArticle[] = [];
  // Copies are listed under the article they duplicate, so only ids that head an entry are taken.
  for (const story of digest.stories) {
    for (const id of story.articleIds) {
      const article = byId.get(id);
      if (article) ordered.push(article);
      byId.delete(id);
    }
  }
  // Stored digests always place every article in a story; anything else is still served, last.
  return [...ordered, ...byId.values()];
}

function decodeOffset(cursor: string, count: number, edition: string, period: string): number {
  const position = decodeCursor(cursor, ['offset', 'edition'], {});
  const offset = Number(position.offset);
  if (!/^[1-9]\d*$/.test(position.offset ?? '')) {
    throw new InvalidCursorError('cursor is not one this API returned for this digest');
  }
  if (position.edition !== edition) {
    throw new ClientError(
      409,
      'DigestChanged',
      `cursor: the digest of ${period} changed since this cursor was handed out; start again from the first page`,
    );
  }
  if (offset >= count) throw new InvalidCursorError('cursor is not one this API returned for this digest');
  return offset;
}

export async function computeDigest(articles: ArticleStore, period: string, now: Date): Promise<Digest> {
  const summaries: ArticleSummary[] = [];
  for await (const summary of articles.listSummaries(period)) summaries.push(summary);
  return buildDigest(period, summaries, now);
}

/**
 * Regenerates the digest of every period whose articles changed since its digest was built.
 * One failing period does not stop the others; it stays stale and is retried next run.
 */
export async function generateStaleDigests(
  deps: DigestDependencies,
  now: () => Date,
  onProgress?: (done: number, total: number) => void,
): Promise<GenerationReport> {
  const generated: string[] = [];
  const failed: { period: string; error: unknown }[] = [];
  const periods = await deps.digests.listPeriods();
  const stale = periods.filter((state) => state.version > state.digestVersion);
  for (const [index, state] of stale.entries()) {
    onProgress?.(index, stale.length);
    try {
      const digest = await computeDigest(deps.articles, state.period, now());
      // The version is read before the articles: a change landing meanwhile raises it and keeps the period stale.
      if (await deps.digests.put(digest, state.version)) generated.push(state.period);
    } catch (error) {
      failed.push({ period: state.period, error });
    }
  }
  onProgress?.(stale.length, stale.length);
  return { generated, unchanged: periods.length - stale.length, failed };
}

/**
 * True while a period can still gain articles (it contains today, or lies ahead): its digest
 * may change at the next run, so clients should not keep it long.
 */
export function isOpenPeriod(period: string, now: Date): boolean {
  const today = now.toISOString().slice(0, 10);
  return today.startsWith(period) || period > today.slice(0, period.length);
}

/** The stored digests of the dates with articles, newest first: what the latest-digests feed lists. */
export async function latestDigests(digests: DigestStore, count: number): Promise<Digest[]> {
  const { items } = await digests.listPeriodsWithArticles(count);
  const stored = await Promise.all(items.map((state) => digests.get(state.period)));
  return stored.filter((digest): digest is Digest => digest !== undefined && digest.articleCount > 0);
}
