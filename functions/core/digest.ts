import type { ArticleSummary } from './article';
import { type PeriodLevel, parsePeriod } from './periods';

export interface DigestArticle extends ArticleSummary {
  readonly url: string;
}

export interface Digest {
  readonly date: string;
  readonly level: PeriodLevel;
  readonly generatedAt: string;
  readonly articleCount: number;
  readonly articles: readonly DigestArticle[];
}

export function articleUrl(id: string): string {
  return `/articles/${encodeURIComponent(id)}`;
}

/**
 * The digest of one period. Ordering depends only on the articles' content
 * (newest date first, then id), so the same articles always give the same digest.
 */
export function buildDigest(period: string, articles: Iterable<ArticleSummary>, generatedAt: Date): Digest {
  const { level } = parsePeriod(period);
  const sorted = [...articles].sort((a, b) =>
    a.date === b.date ? compareStrings(a.id, b.id) : compareStrings(b.date, a.date),
  );
  return {
    date: period,
    level,
    generatedAt: generatedAt.toISOString(),
    articleCount: sorted.length,
    articles: sorted.map(toDigestArticle),
  };
}

/** Fields in a fixed order: stored items come back with their attributes in any order. */
function toDigestArticle(article: ArticleSummary): DigestArticle {
  const { id, date, headline, summary, language, wordCount } = article;
  return { id, date, headline, summary, language, wordCount, url: articleUrl(id) };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
