import type { ArticleSummary } from './article';
import { type PeriodLevel, parsePeriod } from './periods';
import { splitSentences } from './sentences';
import { stopwordsFor } from './stopwords';
import {
  byDateThenId,
  countShared,
  groupDuplicates,
  groupStories,
  type Item,
  keywordStem,
  type StoryGroup,
  storyGroup,
} from './stories';
import type { AssignedStories, StoryHistory } from './story-days';
import type { PeriodTally } from './tally';
import { compareStrings, fold, foldAccents, splitWords } from './text';

/** An article as the digest lists it: its summary, a link, its story, and the copies shown under it. */
export interface DigestArticle extends Omit<ArticleSummary, 'bodyHash' | 'minhash' | 'storyTerms'> {
  readonly url: string;
  /** The id of the article's story in `stories`. */
  readonly story: string;
  /** Identical and near-identical copies, shown once under this article. */
  readonly duplicates: readonly { readonly id: string; readonly url: string }[];
}

export interface DigestStory {
  readonly id: string;
  readonly headline: string;
  /** The story's page: its dates and every article it has. */
  readonly url: string;
  /** The story's first date, which may lie before this period. */
  readonly since: string;
  /** Its articles dated before this period. */
  readonly earlierArticleCount: number;
  /** Its articles in this period. */
  readonly articleCount: number;
  /** Every article of the story, duplicates included: the most central first. */
  readonly articleIds: readonly string[];
  readonly keywords: readonly string[];
  readonly entities: readonly string[];
}

export interface DigestSentence {
  readonly text: string;
  readonly articleId: string;
}

export interface Digest {
  readonly date: string;
  readonly level: PeriodLevel;
  readonly generatedAt: string;
  /** Every article of the period, duplicates included. */
  readonly articleCount: number;
  /** 2–5 sentences across the top stories, none repeating another. */
  readonly summary: readonly DigestSentence[];
  readonly stories: readonly DigestStory[];
  readonly topEntities: readonly { readonly name: string; readonly count: number }[];
  readonly topKeywords: readonly { readonly keyword: string; readonly count: number }[];
  /** One entry per item (duplicates listed under it), newest date first, then by id. */
  readonly articles: readonly DigestArticle[];
}

export const MAX_SUMMARY_SENTENCES = 5;
const MIN_SUMMARY_SENTENCES = 2;
const TOP_TERMS = 10;
/** Summary candidates come from this many stories, at most this many sentences each. */
const SUMMARY_STORIES = 8;
const SENTENCES_PER_STORY = 2;
/** MMR: weight of relevance against redundancy. */
const MMR_LAMBDA = 0.7;
/** Two sentences sharing this share of their content words say the same thing. */
const SAME_THING = 0.5;

export function articleUrl(id: string): string {
  return `/articles/${encodeURIComponent(id)}`;
}

export function digestUrl(period: string): string {
  return `/digests/${encodeURIComponent(period)}`;
}

export function storyUrl(id: string): string {
  return `/stories/${encodeURIComponent(id)}`;
}

/** How a digest's items become stories: by default grouped within the period alone, with no history. */
export type Grouping = (items: readonly Item[]) => AssignedStories;

const withinPeriod: Grouping = (items) => ({ groups: groupStories(items), history: new Map() });

/**
 * The digest of one period. Everything is ordered by content (dates, content-hash ids, counts), never by
 * the order the articles arrive in, so the same articles always give a byte-identical digest. `grouping`
 * gives the stories (story-days.ts: continued across days, or summed from a period's days).
 */
export function buildDigest(
  period: string,
  articles: Iterable<ArticleSummary>,
  generatedAt: Date,
  grouping: Grouping = withinPeriod,
): Digest {
  const { level } = parsePeriod(period);
  const all = [...articles];
  const items = groupDuplicates(all);
  const { groups: stories, history } = grouping(items);
  const storyOf = new Map<string, string>();
  for (const story of stories) for (const item of story.items) storyOf.set(item.article.id, story.id);
  const representatives = items.map((item) => item.article);
  return {
    date: period,
    level,
    generatedAt: generatedAt.toISOString(),
    articleCount: all.length,
    summary: summarizeDate(stories),
    stories: stories.map((story) => toDigestStory(story, history.get(story.id))),
    topEntities: topEntities(representatives),
    topKeywords: countShared(representatives, (article) => article.keywords ?? [], keywordStem)
      .slice(0, TOP_TERMS)
      .map(({ value, count }) => ({ keyword: value, count })),
    articles: [...items]
      .sort((a, b) => byDateThenId(a.article, b.article))
      .map((item) => toDigestArticle(item, storyOf.get(item.article.id) ?? '')),
  };
}

/** A digest built from tallies lists this many stories, each with its most central articles. */
export const LISTED_STORIES = 200;

/**
 * The digest of a large month or year from its tally (tally.ts): its largest stories, each with its article count
 * and its most central articles (`central`, their summaries), its counts summed from its parts. The shape is that of
 * every digest; `articleIds` of a story holds the articles listed, `articleCount` all of them, and every article of
 * a story is on the story's page.
 */
export function buildTalliedDigest(tally: PeriodTally, central: readonly ArticleSummary[], generatedAt: Date): Digest {
  const byId = new Map(central.map((article) => [article.id, article]));
  const listed = tally.stories.slice(0, LISTED_STORIES).flatMap((story) => {
    const items = story.central.flatMap((id) => {
      const article = byId.get(id);
      return article ? [{ article, duplicates: [] }] : [];
    });
    if (items.length === 0) return [];
    const group = {
      ...storyGroup(
        items,
        items.map(() => 0),
      ),
      id: story.id,
      headline: story.headline,
    };
    return [{ story, group }];
  });
  return {
    date: tally.period,
    level: parsePeriod(tally.period).level,
    generatedAt: generatedAt.toISOString(),
    articleCount: tally.articleCount,
    summary: summarizeDate(listed.map(({ group }) => group)),
    stories: listed.map(({ story, group }) => ({
      ...toDigestStory(group, { since: story.since, earlierArticleCount: story.earlierArticleCount }),
      articleCount: story.articleCount,
    })),
    topEntities: tally.entities.slice(0, TOP_TERMS).map(({ value, count }) => ({ name: value, count })),
    topKeywords: tally.keywords.slice(0, TOP_TERMS).map(({ value, count }) => ({ keyword: value, count })),
    articles: listed
      .flatMap(({ group }) => group.items.map((item) => ({ item, story: group.id })))
      .sort((a, b) => byDateThenId(a.item.article, b.item.article))
      .map(({ item, story }) => toDigestArticle(item, story)),
  };
}

/** Fields in a fixed order: stored items come back with their attributes in any order. */
export function toDigestArticle(item: Item, story: string): DigestArticle {
  const { id, date, headline, summary, language, wordCount } = item.article;
  return {
    id,
    date,
    headline,
    summary,
    language,
    wordCount,
    url: articleUrl(id),
    readingMinutes: item.article.readingMinutes ?? 0,
    keywords: item.article.keywords ?? [],
    entities: item.article.entities ?? [],
    story,
    duplicates: item.duplicates.map((duplicate) => ({ id: duplicate.id, url: articleUrl(duplicate.id) })),
  };
}

/** Without a history, the story starts with its oldest article of the period. */
function toDigestStory(story: StoryGroup, history: StoryHistory | undefined): DigestStory {
  const oldest = story.items
    .flatMap((item) => [item.article.date, ...item.duplicates.map((duplicate) => duplicate.date)])
    .reduce((first, date) => (date < first ? date : first));
  return {
    id: story.id,
    headline: story.headline,
    url: storyUrl(story.id),
    since: history?.since ?? oldest,
    earlierArticleCount: history?.earlierArticleCount ?? 0,
    articleCount: story.articleIds.length,
    articleIds: story.articleIds,
    keywords: story.keywords,
    entities: story.entities,
  };
}

/** Names by the number of items naming them; a surname alone counts for the one full name that ends in it. */
function topEntities(articles: readonly ArticleSummary[]): { name: string; count: number }[] {
  const fullNames = new Map<string, string[]>();
  for (const article of articles) {
    for (const name of article.entities ?? []) {
      const folded = foldAccents(name);
      const last = folded.split(' ').at(-1) ?? folded;
      if (last === folded) continue;
      const owners = fullNames.get(last) ?? [];
      if (!owners.includes(folded)) owners.push(folded);
      fullNames.set(last, owners);
    }
  }
  const keyOf = (name: string) => {
    const folded = foldAccents(name);
    const owners = fullNames.get(folded);
    return owners?.length === 1 ? (owners[0] as string) : folded;
  };
  const counted = countShared(articles, (article) => article.entities ?? [], keyOf);
  // The spelling shown for a merged name is its full form.
  return counted.slice(0, TOP_TERMS).map(({ value, count }) => {
    const owners = fullNames.get(foldAccents(value));
    const full = owners?.length === 1 ? fullSpelling(articles, owners[0] as string) : undefined;
    return { name: full ?? value, count };
  });
}

function fullSpelling(articles: readonly ArticleSummary[], folded: string): string | undefined {
  for (const article of [...articles].sort((a, b) => compareStrings(a.id, b.id))) {
    const found = (article.entities ?? []).find((name) => foldAccents(name) === folded);
    if (found) return found;
  }
  return undefined;
}

interface Candidate {
  readonly text: string;
  readonly articleId: string;
  readonly story: number;
  readonly position: number;
  readonly relevance: number;
  readonly words: ReadonlySet<string>;
}

/**
 * A few sentences across the top stories, chosen by maximal marginal relevance: relevant (a big story,
 * early in its central article's summary) and unlike what is already chosen; a sentence sharing half its
 * content words with a chosen one is never added. Shown in story order.
 */
function summarizeDate(stories: readonly StoryGroup[]): DigestSentence[] {
  const candidates: Candidate[] = [];
  stories.slice(0, SUMMARY_STORIES).forEach((story, rank) => {
    const article = story.items[0]?.article;
    if (!article) return;
    const weight = (1 + Math.log(story.articleIds.length)) / (1 + 0.15 * rank);
    splitSentences(article.summary)
      .slice(0, SENTENCES_PER_STORY)
      .forEach((text, position) => {
        candidates.push({
          text,
          articleId: article.id,
          story: rank,
          position,
          relevance: weight * (position === 0 ? 1 : 0.7),
          words: contentWords(text, article.language),
        });
      });
  });
  const chosen: Candidate[] = [];
  const maxRelevance = Math.max(0, ...candidates.map((candidate) => candidate.relevance));
  while (chosen.length < MAX_SUMMARY_SENTENCES) {
    let best: Candidate | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const candidate of candidates) {
      if (chosen.includes(candidate)) continue;
      const redundancy = Math.max(0, ...chosen.map((other) => overlap(candidate.words, other.words)));
      if (redundancy >= SAME_THING) continue;
      const score = MMR_LAMBDA * (candidate.relevance / (maxRelevance || 1)) - (1 - MMR_LAMBDA) * redundancy;
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (!best) break;
    // Past the minimum, a sentence far less relevant than the first is no longer worth the reader's time.
    if (chosen.length >= MIN_SUMMARY_SENTENCES && best.relevance < maxRelevance * 0.3) break;
    chosen.push(best);
  }
  return chosen
    .sort((a, b) => a.story - b.story || a.position - b.position)
    .map(({ text, articleId }) => ({ text, articleId }));
}

function contentWords(text: string, language: string): Set<string> {
  const stopwords = stopwordsFor(language);
  return new Set(
    splitWords(text)
      .map(fold)
      .filter((word) => word.length > 2 && !stopwords.has(word))
      .map((word) => keywordStem(word)),
  );
}

/** Overlap coefficient: shared words over the smaller sentence's words. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / Math.min(a.size, b.size);
}
