import type { Digest } from './digest';
import { type Counted, countShared, keywordStem } from './stories';
import { compareStrings, foldAccents } from './text';

/**
 * What a month or a year is built from when it is large: the tally of each of its parts (a day's, a month's), summed,
 * never its articles. Day → month → year, as a time-series store keeps long periods cheap.
 */

/** One story in a period's tally. */
export interface StoryTally {
  readonly id: string;
  readonly headline: string;
  /** Its articles in the period, copies included. */
  readonly articleCount: number;
  readonly since: string;
  /** Its articles before the period. */
  readonly earlierArticleCount: number;
  /** Its earliest date in the period. */
  readonly first: string;
  /** Its most central articles in the period. */
  readonly central: readonly string[];
}

export interface PeriodTally {
  readonly period: string;
  readonly articleCount: number;
  /** The most named people, places and organisations, and the most used keywords, each with its number of items. */
  readonly entities: readonly Counted[];
  readonly keywords: readonly Counted[];
  /** Its largest stories, largest first. */
  readonly stories: readonly StoryTally[];
}

/** A period above this many articles is built from its parts' tallies; up to it, from every article, listing all. */
export const SMALL_PERIOD = 1_000;
/** A tally keeps this many stories, names and keywords (a story, name or keyword below every part's top is not summed). */
export const TALLY_STORIES = 1_000;
export const TALLY_TERMS = 50;
/** Central articles kept per story. */
export const CENTRAL_ARTICLES = 3;

/** The tally of a digest built from its articles. */
export function tallyOf(digest: Digest): PeriodTally {
  const first = new Map<string, string>();
  for (const article of digest.articles) {
    const seen = first.get(article.story);
    if (seen === undefined || article.date < seen) first.set(article.story, article.date);
  }
  return {
    period: digest.date,
    articleCount: digest.articleCount,
    entities: countShared(digest.articles, (article) => article.entities, foldAccents).slice(0, TALLY_TERMS),
    keywords: countShared(digest.articles, (article) => article.keywords, keywordStem).slice(0, TALLY_TERMS),
    stories: rank(
      digest.stories.map((story) => ({
        id: story.id,
        headline: story.headline,
        articleCount: story.articleCount,
        since: story.since ?? first.get(story.id) ?? digest.date,
        earlierArticleCount: story.earlierArticleCount ?? 0,
        first: first.get(story.id) ?? digest.date,
        central: story.articleIds.slice(0, CENTRAL_ARTICLES),
      })),
    ),
  };
}

/** The tally of a period from the tallies of its parts: counts summed, each story once. */
export function mergeTallies(period: string, parts: readonly PeriodTally[]): PeriodTally {
  const stories = new Map<string, StoryTally[]>();
  for (const part of parts) {
    for (const story of part.stories) stories.set(story.id, [...(stories.get(story.id) ?? []), story]);
  }
  return {
    period,
    articleCount: parts.reduce((sum, part) => sum + part.articleCount, 0),
    entities: sumCounts(
      parts.map((part) => part.entities),
      foldAccents,
    ),
    keywords: sumCounts(
      parts.map((part) => part.keywords),
      keywordStem,
    ),
    stories: rank(
      [...stories].map(([id, list]) => {
        const earliest = list.reduce((a, b) => (compareStrings(b.first, a.first) < 0 ? b : a));
        const largest = [...list].sort((a, b) => b.articleCount - a.articleCount || compareStrings(a.first, b.first));
        return {
          id,
          headline: (largest[0] as StoryTally).headline,
          articleCount: list.reduce((sum, story) => sum + story.articleCount, 0),
          since: list.reduce((since, story) => (story.since < since ? story.since : since), earliest.since),
          earlierArticleCount: earliest.earlierArticleCount,
          first: earliest.first,
          central: [...new Set(largest.flatMap((story) => story.central))].slice(0, CENTRAL_ARTICLES),
        };
      }),
    ),
  };
}

function rank(stories: StoryTally[]): StoryTally[] {
  return stories
    .sort(
      (a, b) => b.articleCount - a.articleCount || compareStrings(a.headline, b.headline) || compareStrings(a.id, b.id),
    )
    .slice(0, TALLY_STORIES);
}

function sumCounts(lists: readonly (readonly Counted[])[], keyOf: (value: string) => string): Counted[] {
  const sums = new Map<string, { value: string; best: number; count: number }>();
  for (const list of lists) {
    for (const { value, count } of list) {
      const key = keyOf(value);
      const entry = sums.get(key) ?? { value, best: 0, count: 0 };
      entry.count += count;
      // Spelled as where it was counted most.
      if (count > entry.best) Object.assign(entry, { value, best: count });
      sums.set(key, entry);
    }
  }
  return [...sums.values()]
    .sort((a, b) => b.count - a.count || compareStrings(a.value, b.value))
    .slice(0, TALLY_TERMS)
    .map(({ value, count }) => ({ value, count }));
}
