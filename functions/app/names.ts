import type { ArticleSummary } from '../core/article';
import { articleUrl, digestUrl } from '../core/digest';
import { isNameId, type NamedArticle, namedArticle, nameUrl } from '../core/name-index';
import type { ArticleStore, NameStore } from '../core/ports';
import { badRequest, notFound, quoted } from './errors';
import { readPage } from './paging';

export interface NameDependencies {
  readonly articles: ArticleStore;
  readonly names: NameStore;
}

/**
 * Before a change that may delete article `id` (its object now feeds another article, or none): its names noted, so
 * that its name items are taken away even if the change's follow-up never runs (reconciliation finishes it).
 */
export async function noteLeavingArticle(deps: NameDependencies, id: string): Promise<NamedArticle | undefined> {
  const [summary] = await deps.articles.getSummaries([id]);
  if (!summary) return undefined;
  const noted = namedArticle(summary);
  await deps.names.noteCheck(noted);
  return noted;
}

/** After a change: the article it feeds filed under its names (a no-op for what is filed already). */
export async function fileNames(deps: NameDependencies, article: ArticleSummary | undefined): Promise<void> {
  if (article) await deps.names.put(namedArticle(article));
}

/**
 * A noted article's items made right: filed again when the article still exists (another object feeds it, or the
 * change did not happen), taken away when it is gone; then the note goes.
 */
export async function checkNoted(deps: NameDependencies, noted: NamedArticle): Promise<void> {
  const current = await deps.articles.get(noted.id);
  if (current) await deps.names.put(namedArticle(current));
  else await deps.names.remove(noted);
  await deps.names.clearCheck(noted.id);
}

/** Checks every noted article: what reconciliation does for follow-ups that never ran. */
export async function checkAllNoted(deps: NameDependencies): Promise<number> {
  const noted = await deps.names.listChecks();
  for (const article of noted) await checkNoted(deps, article);
  return noted.length;
}

/** An article as a name's page lists it. */
export interface NameArticle {
  readonly id: string;
  readonly date: string;
  readonly headline: string;
  readonly summary: string;
  readonly language: string;
  readonly url: string;
  /** How this article spells the name. */
  readonly spelling: string;
}

/** A name across dates: its spellings, its counts by period and a page of its articles, newest first. */
export interface NameView {
  readonly id: string;
  readonly url: string;
  /** The spelling most of its articles use. */
  readonly name: string;
  /** Every spelling seen, most used first, with how many articles use it. */
  readonly spellings: readonly { readonly spelling: string; readonly count: number }[];
  /** Every article it is in. */
  readonly articleCount: number;
  /** Each period it has articles in (day, month, year), oldest first, with their number and the period's digest. */
  readonly periods: readonly { readonly period: string; readonly articleCount: number; readonly url: string }[];
  readonly articles: readonly NameArticle[];
  /** Present while more articles follow: pass it as `?cursor=`. */
  readonly cursor?: string;
}

/** `GET /names/{id}`: a malformed id is a 400, one no article has a 404. */
export async function readName(
  deps: Pick<NameDependencies, 'names'>,
  segment: string,
  query: { limit?: string | undefined; cursor?: string | undefined },
): Promise<NameView> {
  // Ids in other scripts arrive percent-encoded in the path (nameUrl encodes them); a valid id has no `%` itself.
  const id = decodedSegment(segment);
  if (!isNameId(id)) {
    throw badRequest(
      `id: a name id is a country code (RU) or lower-case words joined by hyphens (vladimir-putin), got ${quoted(id)}`,
    );
  }
  let listing: Awaited<ReturnType<NameStore['read']>>;
  const page = await readPage(query, async (limit, cursor) => {
    listing = await deps.names.read(id, limit, cursor);
    return listing?.articles ?? { items: [] };
  });
  const found = listing as Awaited<ReturnType<NameStore['read']>>;
  if (!found) throw notFound(`No article names ${quoted(id)}`);
  const years = found.periods.filter(({ period }) => period.length === 4);
  return {
    id,
    url: nameUrl(id),
    name: found.spellings[0]?.spelling ?? id,
    spellings: found.spellings,
    articleCount: years.reduce((sum, { count }) => sum + count, 0),
    periods: found.periods.map(({ period, count }) => ({ period, articleCount: count, url: digestUrl(period) })),
    articles: page.items.map(({ names, ...article }) => ({
      ...article,
      url: articleUrl(article.id),
      spelling: names[0]?.spelling ?? id,
    })),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
