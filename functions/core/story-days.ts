import type { ArticleSummary } from './article';
import { parsePeriod } from './periods';
import {
  byStoryRank,
  dateNames,
  groupStories,
  type Item,
  STORY_WINDOW_DAYS,
  type StoryGroup,
  storyFeatures,
  storyGroup,
} from './stories';
import { MAX_STORY_TERMS } from './story-terms';
import { compareStrings } from './text';

/**
 * Stories across days, in the manner of the EU JRC Europe Media Monitor: each day's stories are linked to those of
 * the 7 days before it. A day's articles are grouped (stories.ts) together with one stand-in per story of the window,
 * an article-like vector of the story's terms; a group that takes in a stand-in continues that story and keeps its id.
 * What is stored of a story per unit (a day, or the articles dated only to a month or a year) is its `StoryDay`.
 */

/** A story's part in one unit: what the next days are linked against, what its page lists, what a period sums. */
export interface StoryDay {
  readonly story: string;
  /** The unit: a day (`2021-12-07`), or the articles dated only to a month (`2021-12`) or a year (`2021`). */
  readonly date: string;
  readonly headline: string;
  /** The language most of its articles in this unit are in. */
  readonly language: string;
  /** The story's terms in this unit, summed over its articles: at most 32, `kind:id=weight`, weights 1-9. */
  readonly terms: readonly string[];
  /** Every article of the story in this unit, duplicates included, the most central first. */
  readonly articleIds: readonly string[];
  /** The story's first unit. */
  readonly since: string;
  /** How many articles the story has in units before this one. */
  readonly before: number;
}

/** What a digest says of a story's past. */
export interface StoryHistory {
  /** The story's first date. */
  readonly since: string;
  /** Its articles dated before the digest's period. */
  readonly earlierArticleCount: number;
}

/** A unit's or a period's stories, with ids, strongest first, and each story's history. */
export interface AssignedStories {
  readonly groups: readonly StoryGroup[];
  readonly history: ReadonlyMap<string, StoryHistory>;
}

const STAND_IN = '~';
const MAX_WEIGHT = 9;

/** The days whose stories a day's articles may continue: the 7 before it. Months and years continue nothing. */
export function windowOf(unit: string): string[] {
  if (parsePeriod(unit).level !== 'day') return [];
  return Array.from({ length: STORY_WINDOW_DAYS }, (_, index) => shiftDay(unit, index - STORY_WINDOW_DAYS));
}

/** The 7 days after a day: those whose articles may continue its stories. */
export function daysAfter(day: string): string[] {
  return Array.from({ length: STORY_WINDOW_DAYS }, (_, index) => shiftDay(day, index + 1));
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The stories of one unit, given the stories of its window (`previous`) and what was stored for this unit before
 * (`stored`). A group that takes in a story of the window continues it (when it takes in several, the one with most
 * articles in the window, then the oldest). A group that continues none keeps the id of a story founded in this unit
 * that most of its articles were in when it was last generated, so that an added article does not rename a story;
 * otherwise its id is the hash of its articles' ids, so the same articles always give the same ids.
 */
export function continueStories(
  unit: string,
  items: readonly Item[],
  previous: readonly StoryDay[],
  stored: readonly StoryDay[] = [],
): AssignedStories & { readonly days: readonly StoryDay[] } {
  const window = new Map<string, StoryDay[]>();
  for (const day of previous) {
    if (day.date >= unit) continue;
    const days = window.get(day.story) ?? [];
    days.push(day);
    window.set(day.story, days);
  }
  const standIns = new Map<string, { latest: StoryDay; count: number }>();
  const standInItems: Item[] = [];
  for (const [story, days] of [...window].sort(([a], [b]) => compareStrings(a, b))) {
    const latest = days.reduce((last, day) => (day.date > last.date ? day : last));
    const count = days.reduce((sum, day) => sum + day.articleIds.length, 0);
    standIns.set(`${STAND_IN}${story}`, { latest, count });
    standInItems.push({ article: standIn(story, latest, mergeTerms(days.map((day) => day.terms))), duplicates: [] });
  }

  const groups = groupStories([...items, ...standInItems]);
  const chosen = new Map<StoryGroup, { id: string; history: StoryHistory }>();
  const real: { group: StoryGroup; items: Item[]; centrality: number[] }[] = [];
  for (const group of groups) {
    const kept = group.items.flatMap((item, index) =>
      item.article.id.startsWith(STAND_IN) ? [] : [{ item, centrality: group.centrality[index] as number }],
    );
    if (kept.length === 0) continue;
    const part = { group, items: kept.map(({ item }) => item), centrality: kept.map(({ centrality }) => centrality) };
    real.push(part);
    const continued = group.items
      .flatMap((item) => standIns.get(item.article.id) ?? [])
      .sort(
        (a, b) =>
          b.count - a.count ||
          compareStrings(a.latest.since, b.latest.since) ||
          compareStrings(a.latest.story, b.latest.story),
      )[0];
    if (continued) {
      chosen.set(group, {
        id: continued.latest.story,
        history: {
          since: continued.latest.since,
          earlierArticleCount: continued.latest.before + continued.latest.articleIds.length,
        },
      });
    }
  }

  // Stories founded in this unit when it was last generated, by the articles they held.
  const founded = new Map<string, string>();
  for (const day of stored) {
    if (day.since !== unit) continue;
    for (const id of day.articleIds) founded.set(id, day.story);
  }
  const claims: { part: (typeof real)[number]; story: string; count: number }[] = [];
  for (const part of real) {
    if (chosen.has(part.group)) continue;
    const counts = new Map<string, number>();
    for (const id of part.group.articleIds) {
      const story = founded.get(id);
      if (story) counts.set(story, (counts.get(story) ?? 0) + 1);
    }
    for (const [story, count] of counts) claims.push({ part, story, count });
  }
  claims.sort((a, b) => b.count - a.count || compareStrings(a.story, b.story));
  const taken = new Set([...chosen.values()].map(({ id }) => id));
  for (const { part, story } of claims) {
    if (chosen.has(part.group) || taken.has(story)) continue;
    taken.add(story);
    chosen.set(part.group, { id: story, history: { since: unit, earlierArticleCount: 0 } });
  }

  const names = dateNames(items.map((item) => item.article));
  const history = new Map<string, StoryHistory>();
  const result: StoryGroup[] = [];
  const days: StoryDay[] = [];
  for (const part of real) {
    const own = storyGroup(part.items, part.centrality);
    const { id, history: past } = chosen.get(part.group) ?? {
      id: own.id,
      history: { since: unit, earlierArticleCount: 0 },
    };
    const story = { ...own, id };
    result.push(story);
    history.set(id, past);
    days.push({
      story: id,
      date: unit,
      headline: story.headline,
      language: mostCommon(part.items.map((item) => item.article.language ?? 'und')),
      terms: storyTermsOf(
        part.items.map((item) => item.article),
        names,
      ),
      articleIds: story.articleIds,
      since: past.since,
      before: past.earlierArticleCount,
    });
  }
  result.sort(byStoryRank);
  days.sort((a, b) => compareStrings(a.story, b.story));
  return { groups: result, history, days };
}

/**
 * The stories of a period (a month or a year) from the stories of its units: a story is listed once, with its
 * articles of the period, the most central of each unit first. Articles no unit has placed yet (one that arrived
 * after its day was generated) are grouped among themselves.
 */
export function storiesFromDays(items: readonly Item[], days: readonly StoryDay[]): AssignedStories {
  const place = new Map<string, { story: string; rank: number; size: number }>();
  const byStory = new Map<string, StoryDay[]>();
  for (const day of days) {
    day.articleIds.forEach((id, rank) => {
      place.set(id, { story: day.story, rank, size: day.articleIds.length });
    });
    const list = byStory.get(day.story) ?? [];
    list.push(day);
    byStory.set(day.story, list);
  }
  const members = new Map<string, { item: Item; rank: number; size: number }[]>();
  const leftover: Item[] = [];
  for (const item of items) {
    const found = [item.article, ...item.duplicates].map((article) => place.get(article.id)).find(Boolean);
    if (!found) {
      leftover.push(item);
      continue;
    }
    const list = members.get(found.story) ?? [];
    list.push({ item, rank: found.rank, size: found.size });
    members.set(found.story, list);
  }
  const groups: StoryGroup[] = [];
  const history = new Map<string, StoryHistory>();
  for (const [story, list] of members) {
    list.sort(
      (a, b) =>
        a.rank - b.rank ||
        b.size - a.size ||
        compareStrings(b.item.article.date, a.item.article.date) ||
        compareStrings(a.item.article.id, b.item.article.id),
    );
    const storyDays = (byStory.get(story) ?? []).sort((a, b) => compareStrings(a.date, b.date));
    const first = storyDays[0] as StoryDay;
    const group = storyGroup(
      list.map(({ item }) => item),
      list.map(({ rank }) => -rank),
    );
    groups.push({ ...group, id: story, headline: storyHeadline(storyDays) || group.headline });
    history.set(story, { since: first.since, earlierArticleCount: first.before });
  }
  for (const group of groupStories(leftover)) groups.push(group);
  return { groups: groups.sort(byStoryRank), history };
}

/** A story's headline over several units: that of its unit with the most articles, the earliest on a tie. */
export function storyHeadline(days: readonly StoryDay[]): string {
  const sorted = [...days].sort((a, b) => compareStrings(a.date, b.date));
  return (
    sorted.reduce<StoryDay | undefined>(
      (best, day) => (!best || day.articleIds.length > best.articleIds.length ? day : best),
      undefined,
    )?.headline ?? ''
  );
}

/** A story of the window as one more article to group with: its terms, language and latest date. */
function standIn(story: string, latest: StoryDay, terms: readonly string[]): ArticleSummary {
  return {
    id: `${STAND_IN}${story}`,
    date: latest.date,
    headline: '',
    summary: '',
    language: latest.language,
    wordCount: 0,
    readingMinutes: 0,
    keywords: [],
    entities: [],
    bodyHash: '',
    minhash: '',
    storyTerms: terms,
  };
}

/** The strongest terms of several term lists summed, scaled to weights 1-9. */
function mergeTerms(lists: readonly (readonly string[])[]): string[] {
  const sums = new Map<string, number>();
  for (const list of lists) {
    for (const entry of list) {
      const at = entry.lastIndexOf('=');
      const term = at < 0 ? entry : entry.slice(0, at);
      const weight = at < 0 ? 1 : Number(entry.slice(at + 1)) || 1;
      sums.set(term, (sums.get(term) ?? 0) + weight);
    }
  }
  return scaled(sums);
}

/** A story's terms in a unit: its articles' features (names resolved across the unit) summed. */
function storyTermsOf(articles: readonly ArticleSummary[], names: ReadonlyMap<string, string>): string[] {
  const sums = new Map<string, number>();
  for (const article of articles) {
    for (const [term, weight] of storyFeatures(article, names)) sums.set(term, (sums.get(term) ?? 0) + weight);
  }
  return scaled(sums);
}

function scaled(sums: ReadonlyMap<string, number>): string[] {
  const top = [...sums].sort(([a, x], [b, y]) => y - x || compareStrings(a, b)).slice(0, MAX_STORY_TERMS);
  const max = top[0]?.[1] ?? 1;
  return top.map(([term, sum]) => `${term}=${Math.max(1, Math.round((MAX_WEIGHT * sum) / max))}`);
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || compareStrings(a, b))[0]?.[0] ?? 'und';
}

/** A story's part as one string, whatever order its fields come back from storage in. */
export function storyDayKey(day: StoryDay): string {
  return JSON.stringify([
    day.story,
    day.date,
    day.headline,
    day.language,
    day.terms,
    day.articleIds,
    day.since,
    day.before,
  ]);
}

/** True when two units' stories are the same: what later units were linked against has not changed. */
export function sameStoryDays(a: readonly StoryDay[], b: readonly StoryDay[]): boolean {
  const key = (days: readonly StoryDay[]) =>
    [...days]
      .sort((x, y) => compareStrings(x.story, y.story))
      .map(storyDayKey)
      .join('\n');
  return key(a) === key(b);
}
