import type { ArticleSummary } from '../core/article';
import {
  buildDigest,
  buildTalliedDigest,
  type Digest,
  type DigestArticle,
  digestUrl,
  LISTED_STORIES,
} from '../core/digest';
import { nameIdOfSpelling, nameUrl } from '../core/name-index';
import { InvalidPeriodError, parsePeriod, periodsContaining } from '../core/periods';
import type { ArticleStore, DigestStore, PeriodState, StoryStore } from '../core/ports';
import { groupDuplicates } from '../core/stories';
import {
  continueStories,
  daysAfter,
  type StoryDay,
  sameStoryDays,
  storiesFromDays,
  windowOf,
} from '../core/story-days';
import { mergeTallies, type PeriodTally, SMALL_PERIOD, tallyOf } from '../core/tally';
import { badRequest, notFound } from './errors';
import { pageInOrder, readPage } from './paging';

export interface DigestDependencies {
  readonly articles: ArticleStore;
  readonly digests: DigestStore;
  readonly stories: StoryStore;
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

/**
 * How a reader's digest that none has generated yet is computed: computeDigest, without storing. A dependency rather
 * than a call, so that the API can load the analysis it needs only for the requests that need it (api/on-demand.ts).
 */
export type OnDemandDigest = (
  deps: DigestDependencies,
  period: string,
  now: Date,
) => Promise<{ readonly digest: Digest }>;

/** The stored digest of a period, or one computed on the spot (`onDemand`) when none has been generated yet. */
export async function readDigest(
  deps: DigestDependencies & { readonly onDemand: OnDemandDigest },
  period: string,
  now: Date,
): Promise<ServedDigest> {
  try {
    parsePeriod(period);
  } catch (error) {
    if (error instanceof InvalidPeriodError) throw badRequest(`date: ${error.message}`);
    throw error;
  }
  const [stored, state] = await Promise.all([deps.digests.get(period), deps.digests.getPeriod(period)]);
  // An empty stored digest says nothing that an on-demand one would not say better.
  if (stored && stored.articleCount > 0) {
    // A month's or year's own version moves only when the generator rolls its days' changes up; until then a
    // changed day inside it, still pending, is what says that it is out of date.
    const stale =
      (state !== undefined && state.version > state.digestVersion) ||
      (parsePeriod(period).level !== 'day' && (await deps.digests.hasPendingChanges(period)));
    return { ...stored, stale };
  }
  const { digest } = await deps.onDemand(deps, period, now);
  if (digest.articleCount === 0) throw notFound(`No articles are dated inside ${period}`);
  return { ...digest, stale: false };
}

/**
 * One page of a served digest: its articles in reading order (stories by rank, each story's most
 * central article first), `limit` at a time, with the stories those articles belong to. The date's
 * summary and top terms come with every page. Paged so that a date of any size fits a response.
 */
export type DigestPage = ServedDigest & {
  readonly topNames: readonly TopName[];
  /** The period of the same level just before this one that has articles (day to day, month to month), and after. */
  readonly previous?: PeriodLink;
  readonly next?: PeriodLink;
  readonly cursor?: string;
};

export interface PeriodLink {
  readonly date: string;
  readonly url: string;
}

/** The digests either side of a period, of its own level, that have articles. */
export async function neighbouringDigests(
  neighbours: DigestStore['neighbours'],
  period: string,
): Promise<{ previous?: PeriodLink; next?: PeriodLink }> {
  const { previous, next } = await neighbours(period);
  return {
    ...(previous ? { previous: { date: previous, url: digestUrl(previous) } } : {}),
    ...(next ? { next: { date: next, url: digestUrl(next) } } : {}),
  };
}

/** One of a digest's most named people, places and organisations, with its id and its page. */
export interface TopName {
  readonly id: string;
  readonly name: string;
  readonly count: number;
  readonly url: string;
}

/** The digest's top names with the ids the name index files them under (name-index.ts); one without an id is left out. */
export function topNames(digest: Pick<Digest, 'topEntities'>): TopName[] {
  return digest.topEntities.flatMap(({ name, count }) => {
    const id = nameIdOfSpelling(name);
    return id ? [{ id, name, count, url: nameUrl(id) }] : [];
  });
}

export async function pageDigest(
  digest: ServedDigest,
  query: { limit?: string | undefined; cursor?: string | undefined },
): Promise<DigestPage> {
  const page = await pageInOrder(
    readingOrder(digest),
    (article) => article.id,
    query,
    'DigestChanged',
    `the digest of ${digest.date} changed`,
  );
  const storiesOnPage = new Set(page.items.map((article) => article.story));
  return {
    ...digest,
    stories: digest.stories.filter((story) => storiesOnPage.has(story.id)),
    topNames: topNames(digest),
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

/** The stories of units this run has already stored, so that the next units need not read them back. */
export type UnitCache = Map<string, readonly StoryDay[]>;

async function unitStories(stories: StoryStore, unit: string, cache?: UnitCache): Promise<readonly StoryDay[]> {
  return cache?.get(unit) ?? stories.listUnit(unit);
}

/** A unit's stories (story-days.ts), stored when `store` is given and they changed. */
async function assignUnit(
  deps: DigestDependencies,
  unit: string,
  own: readonly ArticleSummary[],
  now: Date,
  store: { readonly cache: UnitCache } | undefined,
) {
  const [previous, stored] = await Promise.all([
    Promise.all(windowOf(unit).map((day) => unitStories(deps.stories, day, store?.cache))),
    deps.stories.listUnit(unit),
  ]);
  const assigned = continueStories(unit, groupDuplicates(own), previous.flat(), stored);
  const changed = !sameStoryDays(assigned.days, stored);
  if (store) {
    if (changed) await deps.stories.putUnit(unit, assigned.days, stored, now.toISOString());
    store.cache.set(unit, assigned.days);
  }
  return { assigned, changed };
}

async function collect(summaries: AsyncIterable<ArticleSummary>): Promise<ArticleSummary[]> {
  const all: ArticleSummary[] = [];
  for await (const summary of summaries) all.push(summary);
  return all;
}

/** The periods one level down that make up a month (its days) or a year (its months). */
const isPartOf = (part: string, period: string) =>
  part.startsWith(`${period}-`) && part.length === (period.length === 4 ? 7 : 10);

/**
 * The digest of a period with its stories across days (story-days.ts). A day's articles continue the stories of the
 * 7 days before it; the articles dated only to a month or a year (the period itself) are grouped among themselves.
 * A month or a year of up to SMALL_PERIOD articles is built from every article, listing all, each story of its units
 * once; a larger one from the tallies of its days or months and its own articles (tally.ts), never reading the rest.
 * With `store`, the period's own unit is stored (when it changed) and remembered in `cache`, and the period's tally
 * stored; `changed` then says whether its unit changed. Without, nothing is written: the API computes a digest on
 * demand this way.
 */
export async function computeDigest(
  deps: DigestDependencies,
  period: string,
  now: Date,
  store?: { readonly cache: UnitCache; readonly periods: readonly PeriodState[] },
): Promise<{ digest: Digest; changed: boolean }> {
  const { level } = parsePeriod(period);
  const built = level === 'day' ? undefined : await fromTallies(deps, period, now, store);
  const result = built ?? (await fromArticles(deps, period, now, store));
  if (store) await deps.digests.putTally(result.tally ?? tallyOf(result.digest));
  return { digest: result.digest, changed: result.changed };
}

async function fromArticles(
  deps: DigestDependencies,
  period: string,
  now: Date,
  store: { readonly cache: UnitCache } | undefined,
): Promise<{ digest: Digest; changed: boolean; tally?: PeriodTally }> {
  const summaries = await collect(deps.articles.listSummaries(period));
  const own = summaries.filter((summary) => summary.date === period);
  const { assigned, changed } = await assignUnit(deps, period, own, now, store);
  if (parsePeriod(period).level === 'day')
    return { digest: buildDigest(period, summaries, now, () => assigned), changed };
  // A month or a year: the stories of every unit it has articles in (its days, its months), and its own.
  const units = [...new Set(summaries.map((summary) => summary.date))].filter((date) => date !== period).sort();
  const days = [...assigned.days];
  for (const found of await Promise.all(units.map((date) => unitStories(deps.stories, date, store?.cache)))) {
    days.push(...found);
  }
  return { digest: buildDigest(period, summaries, now, (items) => storiesFromDays(items, days)), changed };
}

/** A large month or year from its parts' tallies; undefined when it is small, or a part has no tally yet. */
async function fromTallies(
  deps: DigestDependencies,
  period: string,
  now: Date,
  store: { readonly cache: UnitCache; readonly periods: readonly PeriodState[] } | undefined,
): Promise<{ digest: Digest; changed: boolean; tally: PeriodTally } | undefined> {
  const periods = store?.periods ?? (await deps.digests.listPeriods());
  const size = periods.find((state) => state.period === period)?.articleCount ?? 0;
  if (size <= SMALL_PERIOD) return undefined;
  const parts = periods.filter((state) => state.articleCount > 0 && isPartOf(state.period, period));
  const tallies = await deps.digests.getTallies(parts.map((state) => state.period));
  // A part generated before tallies existed: this once, from every article.
  if (tallies.size < parts.length) return undefined;
  const own = await collect(deps.articles.listDated(period));
  const { assigned, changed } = await assignUnit(deps, period, own, now, store);
  const ownTally = own.length > 0 ? [tallyOf(buildDigest(period, own, now, () => assigned))] : [];
  const tally = mergeTallies(period, [...tallies.values(), ...ownTally]);
  const central = await deps.articles.getSummaries(
    tally.stories.slice(0, LISTED_STORIES).flatMap((story) => story.central),
  );
  return { digest: buildTalliedDigest(tally, central, now), changed, tally };
}

/**
 * Regenerates the digest of every period whose articles changed since its digest was built: the days first,
 * oldest first, then the months, then the years. When a day's stories change, the 7 days after it are regenerated
 * too (they may continue its stories, and say how many articles came before), and so on while they change.
 * One failing period does not stop the others; it stays stale and is retried next run.
 */
export async function generateStaleDigests(
  deps: DigestDependencies,
  now: () => Date,
  onProgress?: (done: number, total: number) => void,
): Promise<GenerationReport> {
  const generated: string[] = [];
  const failed: { period: string; error: unknown }[] = [];
  // Ingest marks only an article's own period: its month and year are marked here, before any digest is built, in
  // the same transaction that clears the change (rollUp), so a crash anywhere after leaves them stale, never missed.
  const widerChanged = new Set<string>();
  let periods = await deps.digests.listPeriods();
  const pending = periods.filter((state) => (state.pendingChanges ?? 0) > 0);
  for (const state of pending) {
    try {
      await deps.digests.rollUp(state.period);
      for (const period of periodsContaining(state.period).slice(0, -1)) widerChanged.add(period);
    } catch (error) {
      // Still pending: the next run adds it, and until then its month and year are served as stale.
      failed.push({ period: state.period, error });
    }
  }
  if (pending.length > 0) periods = await deps.digests.listPeriods();
  const withArticles = new Set(periods.filter((state) => state.articleCount > 0).map((state) => state.period));
  const stale = periods.filter((state) => state.version > state.digestVersion);
  const days = new Map<string, PeriodState>();
  const wider: PeriodState[] = [];
  for (const state of stale) {
    if (parsePeriod(state.period).level === 'day') days.set(state.period, state);
    else wider.push(state);
  }
  const cache: UnitCache = new Map();
  let done = 0;
  let total = stale.length;
  const attempted = new Set<string>();
  const attempt = async (state: PeriodState): Promise<boolean> => {
    onProgress?.(done, total);
    done += 1;
    attempted.add(state.period);
    try {
      const { digest, changed } = await computeDigest(deps, state.period, now(), { cache, periods });
      // The version is read before the articles: a change landing meanwhile raises it and keeps the period stale.
      if (await deps.digests.put(digest, state.version)) generated.push(state.period);
      return changed;
    } catch (error) {
      failed.push({ period: state.period, error });
      return false;
    }
  };
  while (days.size > 0) {
    const day = [...days.keys()].sort()[0] as string;
    const state = days.get(day) as PeriodState;
    days.delete(day);
    if (!(await attempt(state))) continue;
    // Its stories changed: the days that may continue them, and its month and year, are out of date.
    for (const next of daysAfter(day)) {
      if (!withArticles.has(next) || days.has(next)) continue;
      const marked = await deps.digests.markChanged(next);
      if (marked) {
        days.set(next, marked);
        total += 1;
      }
    }
    for (const period of periodsContaining(day).slice(0, 2)) widerChanged.add(period);
  }
  const listed = new Set(wider.map((state) => state.period));
  for (const period of [...widerChanged].sort().reverse()) {
    if (listed.has(period)) continue;
    const marked = await deps.digests.markChanged(period);
    if (marked) {
      wider.push(marked);
      total += 1;
    }
  }
  // Months before years: a year reads the stories of its months' own units.
  const months = wider.filter((state) => parsePeriod(state.period).level === 'month');
  const years = wider.filter((state) => parsePeriod(state.period).level === 'year');
  for (const state of [...months, ...years]) {
    // Read again: the days above may have moved its version on.
    const current = (await deps.digests.getPeriod(state.period)) ?? state;
    await attempt(current);
  }
  onProgress?.(total, total);
  return { generated, unchanged: periods.length - attempted.size, failed };
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

/** Periods whose neighbours one container remembers at most; past it the memory starts again. */
const REMEMBERED_NEIGHBOURS = 1_000;

/**
 * DigestStore.neighbours, remembered for `ttlMs`: finding them reads up to a few hundred period items, and every
 * request for a digest shows them, while they change only when a period first gets articles. A link may so lag a new
 * period by `ttlMs`, as long as a cached page of an open period does.
 */
export function rememberNeighbours(
  digests: Pick<DigestStore, 'neighbours'>,
  ttlMs: number,
  now: () => number = Date.now,
): DigestStore['neighbours'] {
  const remembered = new Map<
    string,
    { readonly until: number; readonly found: ReturnType<DigestStore['neighbours']> }
  >();
  return (period) => {
    const at = now();
    const known = remembered.get(period);
    if (known && known.until > at) return known.found;
    if (remembered.size >= REMEMBERED_NEIGHBOURS) remembered.clear();
    const found = digests.neighbours(period);
    remembered.set(period, { until: at + ttlMs, found });
    // A failed read is not remembered: the next request asks again.
    found.catch(() => remembered.delete(period));
    return found;
  };
}
