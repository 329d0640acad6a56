import type { ArticleSummary } from './article';
import { lazyPattern } from './lazy';
import { nameTerms } from './story-terms';

/**
 * The name index: an article filed under each person, place and organisation it names, by the ids its story terms
 * use (story-terms.ts, names.ts), so that "Vladimir Poetin", "Wladimir Putin" and "Poutine" are one page,
 * `/names/vladimir-putin`, and "Rusland", "Russia" and "Russische" are `/names/RU`.
 */

/** One name of one article: its id and the spelling the article gives it. */
export interface ArticleName {
  readonly id: string;
  readonly spelling: string;
}

/** What a name's page and feeds list of an article, kept beside each of its names so a page is one read. */
export interface NamedArticle {
  readonly id: string;
  readonly date: string;
  readonly headline: string;
  readonly summary: string;
  readonly language: string;
  readonly names: readonly ArticleName[];
}

/**
 * The shape of a name id: a country's ISO 3166-1 code in capitals, or words of lower-case letters joined by hyphens
 * (any script: a key is folded to letters, names.ts), at most 200 characters. Anything else is malformed. Made on
 * first use (lazyPattern says why).
 */
const NAME_ID = lazyPattern(String.raw`^(?:[A-Z]{2}|[\p{Ll}\p{Lo}\p{Lm}]+(?:-[\p{Ll}\p{Lo}\p{Lm}]+)*)$`, 'u');
export const MAX_NAME_ID_LENGTH = 200;

export function isNameId(value: string): boolean {
  return value.length <= MAX_NAME_ID_LENGTH && NAME_ID().test(value);
}

export function nameUrl(id: string): string {
  return `/names/${encodeURIComponent(id)}`;
}

/** The id of a name term (`n:vladimir-putin` → `vladimir-putin`, `c:RU` → `RU`). */
function idOfTerm(term: string): string {
  return term.slice(term.indexOf(':') + 1);
}

/**
 * The names of an article, one per id, in the order it names them (most mentioned first). Where it spells one name
 * two ways ("Vladimir Poetin", "Poetin"), the spelling kept is the one of most words: the full name.
 */
export function articleNames(entities: readonly string[]): ArticleName[] {
  const terms = nameTerms(entities);
  const byId = new Map<string, string>();
  entities.forEach((spelling, index) => {
    const term = terms[index];
    if (!term) return;
    const id = idOfTerm(term);
    if (!isNameId(id)) return;
    const kept = byId.get(id);
    if (kept === undefined || wordCount(spelling) > wordCount(kept)) byId.set(id, spelling);
  });
  return [...byId].map(([id, spelling]) => ({ id, spelling }));
}

const wordCount = (text: string) => text.split(/\s+/u).length;

/** An article as its names' pages list it. */
export function namedArticle(article: ArticleSummary): NamedArticle {
  return {
    id: article.id,
    date: article.date,
    headline: article.headline,
    summary: article.summary,
    language: article.language,
    names: articleNames(article.entities ?? []),
  };
}

/** The names of each id a digest lists (its top names), from the articles' own spellings. */
export function nameIdOfSpelling(spelling: string): string | undefined {
  return articleNames([spelling])[0]?.id;
}
